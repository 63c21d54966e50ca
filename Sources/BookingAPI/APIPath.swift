/// The paths of the booking API, version 1. Clients build URLs from these; the server's
/// route table uses the same templates, and the OpenAPI document lists exactly them.
public enum APIPath {
    public static let prefix = "/api/v1"

    public static let health = prefix + "/health"
    public static let openAPI = prefix + "/openapi.json"
    /// POST logs in, GET tells who is logged in, DELETE logs out.
    public static let session = prefix + "/session"
    public static let branches = prefix + "/branches"
    public static let categories = prefix + "/categories"
    /// Query: `branch`, `category`, `q` (name contains).
    public static let offers = prefix + "/offers"
    /// Query: `branch`.
    public static let options = prefix + "/options"
    /// Query: `month` (YYYY-MM), and `branch`, `category` or `offer`.
    public static let monthAvailability = prefix + "/availability/month"
    /// Query: `start`, `end` (ISO 8601), and `branch`, `category` or `offer`.
    public static let intervalAvailability = prefix + "/availability/interval"
    public static let quotes = prefix + "/quotes"
    public static let holds = prefix + "/holds"
    /// Query: `branch`, `date` (YYYY-MM-DD: picked up or returned that day), `status`, `q`
    /// (number or customer name), `limit`, `after`.
    public static let orders = prefix + "/orders"
    /// Admins: the account's desk users and guides' log-ins.
    public static let users = prefix + "/users"
    /// Admins: tour guides' records.
    public static let guides = prefix + "/guides"
    /// Query: `from`, `to` (ISO 8601), `guide`. Staff and admins read; admins change.
    public static let tours = prefix + "/tours"
    /// Guides only: the released tours assigned to the caller.
    public static let guideTours = prefix + "/guide/tours"
    /// Query: `q` (name or e-mail), `limit`, `after`.
    public static let customers = prefix + "/customers"
    /// Admins. Query: `action` (exact, or a prefix ending in `.`), `actor` (user name),
    /// `target` (`type` or `type:id`), `from`, `to` (ISO 8601), `limit`, `after`.
    public static let auditEvents = prefix + "/audit-events"
    /// Admins: `AccountSettings`.
    public static let accountSettings = prefix + "/account/settings"

    public static func offer(_ id: some CustomStringConvertible) -> String {
        offers + "/\(id)"
    }

    public static func hold(_ id: some CustomStringConvertible) -> String {
        holds + "/\(id)"
    }

    public static func order(_ id: some CustomStringConvertible) -> String {
        orders + "/\(id)"
    }

    public static func cancelOrder(_ id: some CustomStringConvertible) -> String {
        order(id) + "/cancel"
    }

    public static func pickUpOrder(_ id: some CustomStringConvertible) -> String {
        order(id) + "/pickup"
    }

    public static func returnOrder(_ id: some CustomStringConvertible) -> String {
        order(id) + "/return"
    }

    public static func user(_ id: some CustomStringConvertible) -> String {
        users + "/\(id)"
    }

    /// PUT `AdminFlagRequest`.
    public static func userAdminFlag(_ id: some CustomStringConvertible) -> String {
        user(id) + "/admin"
    }

    /// PUT `RestrictionsRequest`; DELETE lifts all restrictions.
    public static func userRestrictions(_ id: some CustomStringConvertible) -> String {
        user(id) + "/restrictions"
    }

    public static func deactivateUser(_ id: some CustomStringConvertible) -> String {
        user(id) + "/deactivate"
    }

    public static func activateUser(_ id: some CustomStringConvertible) -> String {
        user(id) + "/activate"
    }

    /// POST: generate and mail a new password.
    public static func userPassword(_ id: some CustomStringConvertible) -> String {
        user(id) + "/password"
    }

    /// GET: everything stored about the user (`PersonExport`).
    public static func userExport(_ id: some CustomStringConvertible) -> String {
        user(id) + "/export"
    }

    public static func guide(_ id: some CustomStringConvertible) -> String {
        guides + "/\(id)"
    }

    /// POST `GuideAccessRequest`: the guide's log-in.
    public static func guideAccess(_ id: some CustomStringConvertible) -> String {
        guide(id) + "/access"
    }

    public static func tour(_ id: some CustomStringConvertible) -> String {
        tours + "/\(id)"
    }

    public static func customer(_ id: some CustomStringConvertible) -> String {
        customers + "/\(id)"
    }

    /// GET: everything stored about the customer (`PersonExport`).
    public static func customerExport(_ id: some CustomStringConvertible) -> String {
        customer(id) + "/export"
    }

    /// The header naming the account a superuser acts in, on every superuser request
    /// (log-in included): the account's short name, e.g. `X-Account: demo`.
    public static let accountHeader = "X-Account"

    /// The header that carries the client's idempotency key on `POST /orders`.
    public static let idempotencyKeyHeader = "Idempotency-Key"
}
