import BookingAPI
import BookingCore
import BookingStore

/// A request that ends in an error response: its status and the envelope's contents.
struct APIFailure: Error, Sendable {
    let status: Int
    let envelope: ErrorEnvelope
    /// Headers the answer needs besides the body, such as `Retry-After`.
    var headers: [String: String] = [:]

    init(_ status: Int, _ code: ErrorCode, _ message: String, field: String? = nil) {
        self.status = status
        self.envelope = ErrorEnvelope(code: code, message: message, field: field)
    }

    static let forbidden = APIFailure(403, .forbidden, "your role may not use this")

    static func invalidInput(_ message: String, field: String? = nil) -> APIFailure {
        APIFailure(400, .invalidInput, message, field: field)
    }

    static func notFound(_ what: String) -> APIFailure {
        APIFailure(404, .notFound, "\(what) not found")
    }

    static let unauthorized = APIFailure(
        401, .unauthorized, "log in first: send Authorization: Bearer <token>")

    /// The response for a refusal of the store.
    init(_ error: StoreError) {
        switch error {
        case .notFound(let what):
            self = .notFound(what)
        case .soldOut(let offer, let free):
            self.init(409, .soldOut, "offer \(offer) has \(free) free units for this period")
        case .idempotencyKeyReused:
            self.init(
                409, .idempotencyKeyReused,
                "this Idempotency-Key was used before with a different request")
        case .duplicateClientID:
            self.init(409, .conflict, "clientID belongs to another order", field: "clientID")
        case .invalidTransition(let from, let to):
            self.init(
                409, .invalidTransition,
                "an order that is \(from.rawValue) cannot become \(to.rawValue)")
        case .holdExpired:
            self.init(410, .holdExpired, "the hold expired; place a new one")
        case .periodOver:
            self.init(400, .invalidInput, "the period ended too long ago", field: "draft.end")
        case .conflict(let why):
            self.init(409, .conflict, why)
        case .unavailable:
            self.init(503, .unavailable, "the server is stopping")
        case .database:
            self.init(500, .internalError, "the server could not complete the request")
        }
    }

    /// The response for a draft that cannot be priced.
    init(_ error: QuoteError) {
        switch error {
        case .unknownOffer(let id):
            self.init(404, .notFound, "offer \(id) not found")
        default:
            self.init(400, .invalidInput, error.description)
        }
    }
}
