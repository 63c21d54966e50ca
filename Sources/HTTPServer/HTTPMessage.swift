/// One HTTP request as the handler sees it: method, decoded path, query, headers, body.
public struct HTTPRequest: Sendable {
    /// `GET`, `POST`, ... as sent.
    public let method: String
    /// The path with percent escapes decoded by libmicrohttpd, without the query.
    public let path: String
    /// The query arguments in the order sent, decoded; a bare `?flag` has an empty value.
    public let query: [(name: String, value: String)]
    /// Header values by lower-cased name; a repeated header keeps its last value.
    public let headers: [String: String]
    public let body: [UInt8]
    /// The peer's IP address as text, or "" when unknown.
    public let remoteAddress: String

    public init(
        method: String, path: String, query: [(name: String, value: String)] = [],
        headers: [String: String] = [:], body: [UInt8] = [], remoteAddress: String = ""
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
    }

    /// The value of the header `name` (any case), if sent.
    public func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }

    /// The first value of the query argument `name`, if sent.
    public func queryValue(_ name: String) -> String? {
        query.first(where: { $0.name == name })?.value
    }
}

/// The answer to one request.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header names as they should be sent; `Content-Length` is added by the server.
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// A request the HTTP layer refuses before the handler sees it. The handler's owner
/// turns it into a response, so that refusals carry the same error format as the rest.
public enum HTTPRefusal: Sendable, Equatable {
    /// The body is larger than `HTTPServer.Configuration.maxBodyBytes`.
    case bodyTooLarge(limit: Int)
    /// Path and query together are longer than `HTTPServer.Configuration.maxTargetBytes`.
    case targetTooLong(limit: Int)
}
