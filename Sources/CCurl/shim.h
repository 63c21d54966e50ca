#ifndef BOOKING_CCURL_SHIM_H
#define BOOKING_CCURL_SHIM_H

#include <curl/curl.h>

/* curl_easy_setopt and curl_easy_getinfo are variadic; Swift cannot call them.
   One typed wrapper per argument type keeps the call sites checked. */

static inline CURLcode bk_curl_setopt_long(CURL *h, CURLoption o, long v) {
    return curl_easy_setopt(h, o, v);
}

static inline CURLcode bk_curl_setopt_off(CURL *h, CURLoption o, curl_off_t v) {
    return curl_easy_setopt(h, o, v);
}

static inline CURLcode bk_curl_setopt_str(CURL *h, CURLoption o, const char *v) {
    return curl_easy_setopt(h, o, v);
}

static inline CURLcode bk_curl_setopt_ptr(CURL *h, CURLoption o, void *v) {
    return curl_easy_setopt(h, o, v);
}

static inline CURLcode bk_curl_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) {
    return curl_easy_setopt(h, o, v);
}

/* Write, header and read callbacks share this shape. */
typedef size_t (*bk_curl_data_callback)(char *, size_t, size_t, void *);

static inline CURLcode bk_curl_setopt_callback(CURL *h, CURLoption o, bk_curl_data_callback f) {
    return curl_easy_setopt(h, o, f);
}

static inline CURLcode bk_curl_getinfo_long(CURL *h, CURLINFO i, long *v) {
    return curl_easy_getinfo(h, i, v);
}

#endif
