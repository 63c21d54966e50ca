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

    /// The header that carries the client's idempotency key on `POST /orders`.
    public static let idempotencyKeyHeader = "Idempotency-Key"
}
