import BookingAPI
import BookingCore
import Foundation
import SQLite

/// Something staff must resolve in the Sync view: an order the server refused, or an order
/// on the server left short by a walk-in that was forced through after being taken offline.
public struct Conflict: Sendable, Equatable, Identifiable {
    public enum Kind: String, Sendable {
        /// The server refused an outbox order (409 sold out, changed total, …).
        case refused
        /// An order already on the server lacks units because a forced walk-in took them.
        case shortage
    }

    /// How a conflict was resolved.
    public enum Outcome: Sendable, Equatable {
        /// Sent again as a changed order with a new client id.
        case changed(replacementClientID: String)
        /// The outbox order was given up.
        case cancelled
        /// Staff dealt with it (a shortage, handled online).
        case acknowledged
        /// The server had stored the order after all (sent from another desk window).
        case stored
    }

    public var id: Int64
    public var kind: Kind
    /// The server's error code (e.g. `sold_out`), or `shortage`.
    public var code: String
    /// The server's message, or a description of the shortage; for the log and the details.
    public var message: String
    public var createdAt: Date
    /// Refused: the outbox entry's client id that was refused.
    public var clientID: String?
    /// Refused: the entry's provisional number, as the customer's receipt shows it.
    public var provisionalNumber: String?
    /// Shortage: the order on the server that is short, and its number.
    public var orderID: OrderID?
    public var orderNumber: String?
    /// Shortage: which offer lacks units, and how many.
    public var offerID: OfferID?
    public var missingUnits: Int?
    /// Shortage: the client id of the forced walk-in that took them.
    public var causedBy: String?
    public var resolvedAt: Date?
    public var outcome: Outcome?

    /// The server's error code as the API's enum; nil for shortages and unknown codes.
    public var errorCode: ErrorCode? { ErrorCode(rawValue: code) }

    public var isOpen: Bool { resolvedAt == nil }

    static let columns = """
        c.id, c.kind, c.code, c.message, c.created_at, c.client_id, e.provisional_number,
        c.order_id, c.order_number, c.offer_id, c.missing_units, c.caused_by, c.resolved_at,
        c.resolution, c.replacement_client_id
        """

    static let from = "conflicts c LEFT JOIN entries e ON e.sequence = c.entry_sequence"

    init(row: Row) throws(OfflineCacheError) {
        guard let kind = Kind(rawValue: row.text(1)) else {
            throw .unreadable("conflict \(row.int64(0)) has an unknown kind")
        }
        id = row.int64(0)
        self.kind = kind
        code = row.text(2)
        message = row.text(3)
        createdAt = Date(storedMilliseconds: row.int64(4))
        clientID = row.optionalText(5)
        provisionalNumber = row.optionalText(6)
        orderID = row.optionalInt64(7).map { OrderID($0) }
        orderNumber = row.optionalText(8)
        offerID = row.optionalInt64(9).map { OfferID($0) }
        missingUnits = row.optionalInt(10)
        causedBy = row.optionalText(11)
        resolvedAt = row.optionalInt64(12).map { Date(storedMilliseconds: $0) }
        outcome = Self.outcome(row.optionalText(13), replacement: row.optionalText(14))
    }

    private static func outcome(_ text: String?, replacement: String?) -> Outcome? {
        switch text {
        case "changed": return .changed(replacementClientID: replacement ?? "")
        case "cancelled": return .cancelled
        case "acknowledged": return .acknowledged
        case "stored": return .stored
        default: return nil
        }
    }
}

/// What staff decided about a conflict.
public enum ConflictResolution: Sendable, Equatable {
    /// Refused order: send this changed order instead (another offer, another time). It must
    /// carry a new client id: the refused one stays bound to the request the server saw.
    case changeOrder(CreateOrderRequest)
    /// Refused order: give it up. It stays in the outbox as cancelled, as a record.
    case cancel
    /// Shortage: staff dealt with it (rebooked or cancelled the short order online).
    case acknowledge
}
