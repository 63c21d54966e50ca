import BookingCore
import SQLite

/// Why a store operation was refused or failed. Refusals (everything but `database` and
/// `unavailable`) leave the data unchanged.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No such row in the caller's scope: missing, or belonging to another account.
    case notFound(String)
    /// Not enough free units of an offer for the period.
    case soldOut(offerID: OfferID, free: Int)
    /// The idempotency key was used before for a different request.
    case idempotencyKeyReused
    /// The client id belongs to another order (sent under another idempotency key).
    case duplicateClientID
    /// The order's status does not allow the step.
    case invalidTransition(from: OrderStatus, to: OrderStatus)
    /// The hold ran out before it became an order.
    case holdExpired
    /// The draft's period ended more than `BookingStore.pastGrace` ago; only an order taken
    /// offline may be recorded so late.
    case periodOver
    /// A uniqueness or consistency rule refused the change.
    case conflict(String)
    /// The store is closed or its writer stopped.
    case unavailable
    /// SQLite failed; not caused by the caller's input.
    case database(SQLiteError)

    public var description: String {
        switch self {
        case .notFound(let what): return "\(what) not found"
        case .soldOut(let offer, let free): return "offer \(offer) has only \(free) free units"
        case .idempotencyKeyReused: return "idempotency key used before with another request"
        case .duplicateClientID: return "client id belongs to another order"
        case .invalidTransition(let from, let to): return "cannot go from \(from) to \(to)"
        case .holdExpired: return "hold expired"
        case .periodOver: return "the period ended too long ago"
        case .conflict(let why): return why
        case .unavailable: return "store unavailable"
        case .database(let error): return error.description
        }
    }

    static func wrap(_ error: any Error) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? SQLiteError { return .database(error) }
        return .conflict(String(describing: error))
    }
}
