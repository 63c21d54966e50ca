import BookingAPI
import BookingCore
import HTTPServer

/// Who may call a route: every route of the table names one, so that none can be
/// forgotten, and the security tests read them from the table.
///
/// Roles: `admin` is a desk user with the admin flag (the account's owner always has it);
/// `staff` a desk user without it, possibly restricted to branches and categories;
/// `guide` reads the released tours assigned to them and nothing else; `customer` never
/// uses this API; `superuser` is the vendor's support, acting in the account its request
/// names, with an admin's rights and every request audited.
enum Access: String, Sendable, Equatable, CaseIterable {
    /// No log-in needed (health, OpenAPI document, log-in itself).
    case anyone
    /// Every logged-in role but customers, about the caller's own session only: who am I,
    /// log out.
    case ownSession = "own-session"
    /// The desk: admins, staff and superusers. A staff user's restrictions apply (through
    /// the store's `Scope`): what is outside them answers 404 or is left out of lists,
    /// exactly like what does not exist. Only staff carry restrictions, and no other rule
    /// lets staff in, so this is the one rule where restrictions filter.
    case desk
    /// Admins and superusers only.
    case admin
    /// Guides only.
    case guide

    /// The roles allowed; everyone else logged in gets 403.
    var roles: Set<Role> {
        switch self {
        case .anyone: return Set(Role.allCases)
        case .ownSession: return [.admin, .staff, .guide, .superuser]
        case .desk: return [.admin, .staff, .superuser]
        case .admin: return [.admin, .superuser]
        case .guide: return [.guide]
        }
    }
}

/// One entry of the route table: method, path template, access rule and handler.
struct Route: Sendable {
    typealias Handler = @Sendable (APIServer, APIRequest) throws -> HTTPResponse

    let method: String
    /// A path such as `/api/v1/orders/{id}/cancel`; `{id}` matches a positive integer.
    let template: String
    let access: Access
    let handler: Handler
    /// The template split at `/`, once, since every request is matched against it.
    private let segments: [Substring]

    init(_ method: String, _ template: String, _ access: Access, _ handler: @escaping Handler) {
        self.method = method
        self.template = template
        self.access = access
        self.handler = handler
        self.segments = template.split(separator: "/", omittingEmptySubsequences: false)
    }

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
