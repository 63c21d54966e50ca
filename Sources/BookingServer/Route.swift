import BookingAPI
import BookingCore
import HTTPServer

/// Who may call a route. The security issue adds finer rules per role and restriction;
/// every route names one, so none can be forgotten.
enum Access: Sendable, Equatable {
    /// No log-in needed (health, OpenAPI document, log-in itself).
    case anyone
    /// Any logged-in user of the desk: admin, staff or superuser.
    case desk
}

/// One entry of the route table: method, path template, access rule and handler.
struct Route: Sendable {
    typealias Handler = @Sendable (APIServer, APIRequest) throws -> HTTPResponse

    let method: String
    /// A path such as `/api/v1/orders/{id}/cancel`; `{id}` matches a positive integer.
    let template: String
    let access: Access
    let handler: Handler

    init(_ method: String, _ template: String, _ access: Access, _ handler: @escaping Handler) {
        self.method = method
        self.template = template
        self.access = access
        self.handler = handler
    }

    var segments: [Substring] { template.split(separator: "/", omittingEmptySubsequences: false) }

    /// The `{id}` value if `path` matches the template; nil if it does not.
    func match(_ pathSegments: [Substring]) -> [String: Int64]? {
        let own = segments
        guard own.count == pathSegments.count else { return nil }
        var parameters: [String: Int64] = [:]
        for (pattern, actual) in zip(own, pathSegments) {
            if pattern.hasPrefix("{") {
                guard let value = Int64(actual), value > 0 else { return nil }
                parameters[String(pattern.dropFirst().dropLast())] = value
            } else if pattern != actual {
                return nil
            }
        }
        return parameters
    }
}

/// The routes of the booking API, in one table that the OpenAPI test iterates.
struct RouteTable: Sendable {
    let routes: [Route]

    enum Lookup {
        case found(Route, [String: Int64])
        case methodNotAllowed([String])
        case notFound
    }

    func lookup(method: String, path: String) -> Lookup {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        let segments = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        var allowed: [String] = []
        for route in routes {
            guard let parameters = route.match(segments) else { continue }
            if route.method == method { return .found(route, parameters) }
            allowed.append(route.method)
        }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed)
    }
}
