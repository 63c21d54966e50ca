import CCurl

/// libcurl's process-wide set-up, done exactly once.
enum CurlLibrary {
    /// The result of `curl_global_init`. A `static let` is initialised lazily and exactly
    /// once even when several threads get here first, which is what libcurl asks for.
    private static let initResult: CURLcode = curl_global_init(Int(CURL_GLOBAL_ALL))

    /// Makes sure libcurl is initialised; throws if it could not be.
    static func initialise() throws(CurlError) {
        let code = initResult
        guard code == CURLE_OK else {
            throw CurlError(code, message: "curl_global_init failed")
        }
    }
}
