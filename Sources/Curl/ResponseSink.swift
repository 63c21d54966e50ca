import CCurl

/// Collects one response's headers and body while libcurl receives them.
final class ResponseSink {
    let limit: Int
    private(set) var body: [UInt8] = []
    private(set) var headers: [String: String] = [:]
    /// Set when the body went past `limit` and the transfer was stopped for it.
    private(set) var overflowed = false

    init(limit: Int) {
        self.limit = limit
    }

    /// Takes a chunk of the body; false stops the transfer.
    func receive(_ chunk: UnsafeRawBufferPointer) -> Bool {
        guard body.count + chunk.count <= limit else {
            overflowed = true
            return false
        }
        body.append(contentsOf: chunk)
        return true
    }

    /// Takes one header line as libcurl hands it over (status lines and the blank line too).
    func receiveHeader(_ line: String) {
        // A new status line starts a new response (after "100 Continue", for example).
        if line.hasPrefix("HTTP/") {
            headers = [:]
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }

        let name = line[..<colon].trimmingWhitespace().lowercased()
        let value = String(line[line.index(after: colon)...].trimmingWhitespace())
        guard !name.isEmpty else { return }
        headers[name] = headers[name].map { "\($0), \(value)" } ?? value
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0.isNewline }
        guard let first = firstIndex(where: { !isSpace($0) }),
            let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return self[first...last]
    }
}

/// libcurl's write callback: hands each body chunk to the `ResponseSink` in `context`.
/// A global function, so that it converts to a C function pointer.
func curlReceiveBody(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
    _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let context else { return 0 }
    let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    guard length > 0, let data else { return 0 }
    // Returning anything but `length` makes libcurl stop with CURLE_WRITE_ERROR.
    return sink.receive(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
}

/// libcurl's header callback: hands each header line to the `ResponseSink` in `context`.
func curlReceiveHeader(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
    _ context: UnsafeMutableRawPointer?
) -> Int {
    let length = size * count
    guard let context, let data else { return length }
    let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
    let bytes = UnsafeRawBufferPointer(start: data, count: length)
    sink.receiveHeader(String(decoding: bytes, as: UTF8.self))
    return length
}
