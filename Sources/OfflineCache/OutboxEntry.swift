import BookingAPI
import BookingCore
import Foundation
import SQLite

/// An order taken at this desk, from the moment it is first stored until the server has
/// confirmed it (or staff cancelled it).
public struct OutboxEntry: Sendable, Equatable {
    /// How the order was taken; it decides how it is sent.
    public enum Kind: String, Sendable, CaseIterable {
        /// Handed over at the counter: it has happened, so offline it is sent with `force`.
        case walkIn = "walk_in"
        /// For later: sent normally; a 409 becomes a conflict that staff resolve.
        case reservation
    }

    /// Where the entry stands.
    public enum State: String, Sendable, CaseIterable {
        /// Waiting to be sent, perhaps after a failed attempt.
        case pending
        /// Refused by the server; waits for staff in the Sync view.
        case conflict
        /// Stored by the server; kept for its real number and for the availability.
        case sent
        /// Given up by staff after a conflict; kept as a record.
        case cancelled

        /// Whether the server does not have the order yet: log-out is refused while any is.
        public var isUnsent: Bool { self == .pending || self == .conflict }
    }

    /// The position in the order of entry; entries are sent in this order.
    public var sequence: Int64
    /// Shown until the server gives the real number, e.g. `"V-K7QM-0001"`.
    public var provisionalNumber: String
    public var kind: Kind
    public var state: State
    /// The request as it is sent; its client id is the `Idempotency-Key`.
    public var request: CreateOrderRequest
    public var createdAt: Date
    /// Failed attempts to send it.
    public var attempts: Int
    /// Not to be sent before this instant (back-off after a failure).
    public var nextAttemptAt: Date
    /// Why the last attempt failed, for the Sync view and the log.
    public var lastError: String?
    /// Set once sent.
    public var orderID: OrderID?
    /// The server's number, once sent.
    public var orderNumber: String?
    /// When it was sent or cancelled.
    public var finishedAt: Date?

    public var clientID: String { request.clientID }

    /// The number to show: the real one once the server gave it, the provisional one until.
    public var displayNumber: String { orderNumber ?? provisionalNumber }

    /// The period the order's units are taken for.
    public var period: Period? {
        try? Period(start: request.draft.start, end: request.draft.end)
    }

    static let columns = """
        sequence, provisional_number, kind, state, request, created_at, attempts,
        next_attempt_at, last_error, order_id, order_number, finished_at
        """

    init(row: Row) throws(OfflineCacheError) {
        guard let kind = Kind(rawValue: row.text(2)), let state = State(rawValue: row.text(3))
        else { throw .unreadable("outbox entry \(row.int64(0)) has an unknown kind or state") }
        sequence = row.int64(0)
        provisionalNumber = row.text(1)
        self.kind = kind
        self.state = state
        request = try StoredJSON.decode(CreateOrderRequest.self, row.text(4))
        createdAt = Date(storedMilliseconds: row.int64(5))
        attempts = row.int(6)
        nextAttemptAt = Date(storedMilliseconds: row.int64(7))
        lastError = row.optionalText(8)
        orderID = row.optionalInt64(9).map { OrderID($0) }
        orderNumber = row.optionalText(10)
        finishedAt = row.optionalInt64(11).map { Date(storedMilliseconds: $0) }
    }
}

/// What the sync loop should do next with the outbox.
public enum OutboxTurn: Sendable, Equatable {
    /// Send this entry now.
    case send(OutboxEntry)
    /// The first pending entry waits for its back-off: come back at this instant.
    case wait(until: Date)
    /// Nothing is pending.
    case idle
}
