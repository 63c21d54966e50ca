import Foundation
import HTTPServer
import Logging

/// The access log: one line per request with time, method, path, status, duration, user
/// agent, referrer and the client address shortened. Never query values, tokens, bodies
/// or whole addresses: query arguments keep their names only, and the referrer loses its
/// query, fragment and any user name or password.
///
///     2026-03-05T08:00:00.123Z info [access] request method=GET
///         path=/api/v1/orders?q=&limit= status=200 ms=1.234 ip=192.0.2.0 agent=curl/7.88.1
///         referrer=-
struct AccessLog: Sendable {
    private let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }

    /// An access log that writes nothing.
    static let off = AccessLog(logger: .silent)

    func record(_ request: HTTPRequest, status: Int, micros: UInt64) {
        guard logger.isEnabled(.info) else { return }
        logger.info(
            "request",
            [
                "method": String(request.method.prefix(16)),
                "path": Self.path(request),
                "status": String(status),
                "ms": Self.milliseconds(micros),
                "ip": ClientAddress.shortened(request.remoteAddress),
                "agent": request.header("user-agent").map { String($0.prefix(200)) } ?? "-",
                "referrer": Self.referrer(request.header("referer")),
            ])
    }

    /// `1.234` for 1234 µs, without Foundation's formatter (this runs on every request).
    static func milliseconds(_ micros: UInt64) -> String {
        let fraction = String(micros % 1000 + 1000).dropFirst()
        return String(micros / 1000) + "." + fraction
    }

    /// The path with the names of the query arguments but none of their values.
    static func path(_ request: HTTPRequest) -> String {
        let path = request.path.count > 200 ? String(request.path.prefix(200)) + "…" : request.path
        guard !request.query.isEmpty else { return path }
        let names = request.query.prefix(20).map { String($0.name.prefix(40)) + "=" }
        return path + "?" + names.joined(separator: "&")
    }

    /// Scheme, host and path of the referrer; "-" when there is none.
    static func referrer(_ value: String?) -> String {
        guard let value, !value.isEmpty else { return "-" }
        let cut = value.prefix { $0 != "?" && $0 != "#" }
        guard let schemeEnd = cut.range(of: "://") else { return String(cut.prefix(200)) }
        let rest = cut[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        let host =
            authority.lastIndex(of: "@").map { authority[authority.index(after: $0)...] }
            ?? authority
        return String((cut[..<schemeEnd.upperBound] + host + rest[authorityEnd...]).prefix(200))
    }
}
