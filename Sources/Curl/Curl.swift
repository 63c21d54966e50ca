// Curl: the one Swift module over libcurl (HTTP requests and SMTP mail).
