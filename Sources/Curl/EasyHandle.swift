import CCurl

/// One libcurl easy handle with its error buffer, and typed, checked `setopt` calls.
///
/// Not thread-safe: libcurl allows a handle on one thread at a time, and so does this type.
final class EasyHandle {
    private let handle: UnsafeMutableRawPointer
    /// libcurl writes its error sentence here during `perform`; it must outlive the handle's
    /// use, so it lives exactly as long as the handle.
    private let errorBuffer: UnsafeMutablePointer<CChar>

    init() throws(CurlError) {
        try CurlLibrary.initialise()
        guard let handle = curl_easy_init() else {
            throw CurlError(CURLE_FAILED_INIT, message: "curl_easy_init returned no handle")
        }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// Forgets the options of the last transfer but keeps the connection cache, then sets
    /// what every transfer needs: the error buffer and no signals (we run on threads).
    func reset() throws(CurlError) {
        curl_easy_reset(handle)
        errorBuffer[0] = 0
        try set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
        try set(CURLOPT_NOSIGNAL, 1)
    }

    func set(_ option: CURLoption, _ value: Int) throws(CurlError) {
        try check(bk_curl_setopt_long(handle, option, value), option)
    }

    func set(_ option: CURLoption, _ value: Bool) throws(CurlError) {
        try set(option, value ? 1 : 0)
    }

    func set(_ option: CURLoption, offset value: Int64) throws(CurlError) {
        try check(bk_curl_setopt_off(handle, option, curl_off_t(value)), option)
    }

    /// libcurl copies string options, so a temporary C string is enough.
    func set(_ option: CURLoption, _ value: String) throws(CurlError) {
        guard !value.utf8.contains(0) else {
            throw .badArgument("option \(option.rawValue) contains a NUL byte")
        }
        try check(bk_curl_setopt_str(handle, option, value), option)
    }

    /// The caller keeps `pointer` alive until the transfer is over.
    func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?) throws(CurlError) {
        try check(bk_curl_setopt_ptr(handle, option, pointer), option)
    }

    /// The caller keeps `list` alive until the transfer is over.
    func set(_ option: CURLoption, list: HeaderList) throws(CurlError) {
        try check(bk_curl_setopt_slist(handle, option, list.head), option)
    }

    func set(_ option: CURLoption, callback: bk_curl_data_callback) throws(CurlError) {
        try check(bk_curl_setopt_callback(handle, option, callback), option)
    }

    /// Sets a request body; libcurl copies the bytes, so nothing has to outlive this call.
    func setCopiedBody(_ body: [UInt8]) throws(CurlError) {
        try set(CURLOPT_POSTFIELDSIZE_LARGE, offset: Int64(body.count))

        // An empty array may have no base address, and a NULL body would make libcurl
        // read the body from standard input instead; so hand it one byte it will not send.
        let bytes = body.isEmpty ? [0] : body
        let code = bytes.withUnsafeBytes { raw in
            bk_curl_setopt_ptr(
                handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: raw.baseAddress))
        }
        try check(code, CURLOPT_COPYPOSTFIELDS)
    }

    /// Runs the transfer; a failure carries libcurl's own sentence.
    func perform() throws(CurlError) {
        let code = curl_easy_perform(handle)
        guard code == CURLE_OK else { throw error(for: code) }
    }

    func info(_ item: CURLINFO) -> Int {
        var value = 0
        _ = bk_curl_getinfo_long(handle, item, &value)
        return value
    }

    private func check(_ code: CURLcode, _ option: CURLoption) throws(CurlError) {
        guard code == CURLE_OK else {
            throw CurlError(
                code, message: "setting option \(option.rawValue) failed: \(text(of: code))")
        }
    }

    private func error(for code: CURLcode) -> CurlError {
        let buffered = String(cString: errorBuffer)
        return CurlError(code, message: buffered.isEmpty ? text(of: code) : buffered)
    }

    private func text(of code: CURLcode) -> String {
        String(cString: curl_easy_strerror(code))
    }
}

/// A `curl_slist` of header lines or mail recipients, freed when it goes away.
final class HeaderList {
    private(set) var head: UnsafeMutablePointer<curl_slist>?

    init(_ lines: [String]) throws(CurlError) {
        for line in lines {
            // On failure the list so far stays intact; deinit frees it.
            guard let next = curl_slist_append(head, line) else {
                throw CurlError(CURLE_OUT_OF_MEMORY, message: "curl_slist_append failed")
            }
            head = next
        }
    }

    deinit { curl_slist_free_all(head) }
}
