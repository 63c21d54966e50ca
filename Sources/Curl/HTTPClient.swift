import CCurl

/// An HTTP(S) client over one reusable libcurl easy handle.
///
/// The handle keeps its connection cache between requests, so a desk that talks to one
/// server reuses the TCP and TLS connection. `send` blocks until the response is in or a
/// timeout runs out: call it from a thread that may block, never from a UI loop or from
/// Swift's cooperative thread pool. Use an instance from one thread at a time.
public final class HTTPClient {
    /// Settings that hold for every request of a client.
    public struct Configuration: Sendable {
        /// How long to wait for the TCP connection (and TLS handshake) to be established.
        public var connectTimeout: Duration
        /// How long the whole request may take, connecting included.
        public var requestTimeout: Duration
        /// A PEM file of the CA certificates to trust instead of the system's, for a
        /// server with a private CA. Verification of peer and host name is always on.
        public var caFile: String?
        /// The `User-Agent` header sent with every request.
        public var userAgent: String
        /// A response body larger than this fails with `.responseTooLarge`.
        public var maxResponseBytes: Int

        public init(
            connectTimeout: Duration = .seconds(3),
            requestTimeout: Duration = .seconds(10),
            caFile: String? = nil,
            userAgent: String = "BookingDesk",
            maxResponseBytes: Int = 16 << 20
        ) {
            self.connectTimeout = connectTimeout
            self.requestTimeout = requestTimeout
            self.caFile = caFile
            self.userAgent = userAgent
            self.maxResponseBytes = maxResponseBytes
        }
    }

    /// One HTTP request.
    public struct Request: Sendable, Equatable {
        /// `GET`, `POST`, `PUT`, `PATCH`, `DELETE`, `HEAD`, ...
        public var method: String
        /// The absolute URL, `http://` or `https://`.
        public var url: String
        /// Header names and values; values must not contain line breaks.
        public var headers: [String: String]
        /// The request body; sent for any method other than GET and HEAD when not empty,
        /// and always for POST, PUT and PATCH.
        public var body: [UInt8]

        public init(
            method: String = "GET", url: String, headers: [String: String] = [:],
            body: [UInt8] = []
        ) {
            self.method = method
            self.url = url
            self.headers = headers
            self.body = body
        }
    }

    /// One HTTP response, whatever its status.
    public struct Response: Sendable, Equatable {
        /// The HTTP status code, e.g. 200 or 404.
        public var status: Int
        /// Header names lower-cased; repeated headers joined with ", ".
        public var headers: [String: String]
        /// The body as received (decompressed if the server compressed it).
        public var body: [UInt8]

        public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
            self.status = status
            self.headers = headers
            self.body = body
        }

        /// The body decoded as UTF-8; invalid bytes become U+FFFD.
        public var bodyText: String { String(decoding: body, as: UTF8.self) }
    }

    /// The settings this client was made with.
    public let configuration: Configuration
    private let easy: EasyHandle

    /// Makes a client; fails only if libcurl cannot be initialised.
    public init(configuration: Configuration = .init()) throws(CurlError) {
        self.configuration = configuration
        easy = try EasyHandle()
    }

    /// Sends a request and waits for its response.
    ///
    /// Any HTTP status is a response, 4xx and 5xx included; only transport failures throw.
    /// - Throws: `CurlError` when the server cannot be reached, a timeout runs out, TLS
    ///   fails, the body is too large, or the request is malformed (a line break in a
    ///   header, a NUL byte in the URL).
    public func send(_ request: Request) throws(CurlError) -> Response {
        let sink = ResponseSink(limit: configuration.maxResponseBytes)
        let headerList = try HeaderList(Self.headerLines(of: request))

        try easy.reset()
        try setCommonOptions(sink: sink)
        try setRequestOptions(request, headers: headerList)

        // libcurl holds raw pointers to both during the transfer.
        do {
            try withExtendedLifetime((sink, headerList)) { () throws(CurlError) in
                try easy.perform()
            }
        } catch {
            throw sink.overflowed ? Self.tooLarge(limit: sink.limit) : error
        }

        return Response(
            status: easy.info(CURLINFO_RESPONSE_CODE), headers: sink.headers, body: sink.body)
    }

    private func setCommonOptions(sink: ResponseSink) throws(CurlError) {
        try easy.set(CURLOPT_PROTOCOLS_STR, "http,https")
        try easy.set(CURLOPT_CONNECTTIMEOUT_MS, configuration.connectTimeout.curlMilliseconds)
        try easy.set(CURLOPT_TIMEOUT_MS, configuration.requestTimeout.curlMilliseconds)
        try easy.set(CURLOPT_SSL_VERIFYPEER, true)
        try easy.set(CURLOPT_SSL_VERIFYHOST, 2)
        if let caFile = configuration.caFile { try easy.set(CURLOPT_CAINFO, caFile) }
        try easy.set(CURLOPT_USERAGENT, configuration.userAgent)
        try easy.set(CURLOPT_ACCEPT_ENCODING, "")
        try easy.set(CURLOPT_MAXFILESIZE_LARGE, offset: Int64(configuration.maxResponseBytes))

        let context = Unmanaged.passUnretained(sink).toOpaque()
        try easy.set(CURLOPT_WRITEFUNCTION, callback: curlReceiveBody)
        try easy.set(CURLOPT_WRITEDATA, pointer: context)
        try easy.set(CURLOPT_HEADERFUNCTION, callback: curlReceiveHeader)
        try easy.set(CURLOPT_HEADERDATA, pointer: context)
    }

    private func setRequestOptions(_ request: Request, headers: HeaderList) throws(CurlError) {
        try easy.set(CURLOPT_URL, request.url)
        try easy.set(CURLOPT_HTTPHEADER, list: headers)

        let method = request.method.uppercased()
        switch method {
        case "GET":
            try easy.set(CURLOPT_HTTPGET, true)
        case "HEAD":
            try easy.set(CURLOPT_NOBODY, true)
        default:
            if !request.body.isEmpty || ["POST", "PUT", "PATCH"].contains(method) {
                try easy.setCopiedBody(request.body)
            }
            if method != "POST" { try easy.set(CURLOPT_CUSTOMREQUEST, method) }
        }
    }

    /// Header lines for libcurl, refusing names and values that would split the request.
    private static func headerLines(of request: Request) throws(CurlError) -> [String] {
        var lines: [String] = []
        for (name, value) in request.headers.sorted(by: { $0.key < $1.key }) {
            guard isToken(name), !value.utf8.contains(where: Self.splitsALine) else {
                throw .badArgument("header \(name.debugDescription) is not a valid header line")
            }
            // "Name;" is libcurl's way of sending a header with an empty value.
            lines.append(value.isEmpty ? "\(name);" : "\(name): \(value)")
        }

        // libcurl would otherwise wait up to a second for "100 Continue" on large bodies.
        if !request.headers.keys.contains(where: { $0.lowercased() == "expect" }) {
            lines.append("Expect:")
        }
        return lines
    }

    /// Bytes by which a header value could end its line or the request: CR, LF and NUL.
    /// (Unicode's other line separators are multi-byte and split nothing in HTTP/1.1.)
    private static func splitsALine(_ byte: UInt8) -> Bool {
        byte == 0x0A || byte == 0x0D || byte == 0
    }

    /// Whether `name` is an HTTP token (RFC 9110): letters, digits and ``!#$%&'*+-.^_`|~``.
    /// Checked byte by byte, as it runs for every header of every request.
    private static func isToken(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { tokenBytes.contains($0) }
    }

    private static let tokenBytes = Set(
        "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)

    private static func tooLarge(limit: Int) -> CurlError {
        CurlError(
            kind: .responseTooLarge, code: Int32(CURLE_WRITE_ERROR.rawValue),
            message: "response body larger than \(limit) bytes")
    }
}

extension Duration {
    /// Whole milliseconds for a libcurl timeout, at least 1: libcurl reads 0 as "never".
    var curlMilliseconds: Int {
        let (seconds, attoseconds) = components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return Int(max(1, milliseconds))
    }
}
