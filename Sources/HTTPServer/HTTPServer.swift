// HTTPServer: the one Swift module over libmicrohttpd.
