import BookingAPI
import BookingCore
import Foundation
import SQLite

extension Outbox {
    /// Records that the server refused a pending entry (a 409 such as `sold_out` or
    /// `total_mismatch`, or a 4xx that sending again cannot change). The entry waits for
    /// staff in the Sync view and still counts against availability. Recording it again
    /// returns the open conflict.
    @discardableResult
    public func markConflict(clientID: String, error: ErrorEnvelope.Body, now: Date)
        throws(OfflineCacheError) -> Conflict
    {
        // Not durable: lost, the entry is pending again and the server refuses it again.
        try writeRelaxed { db in
            let entry = try Self.entry(db, clientID: clientID)
            switch entry.state {
            case .pending: break
            case .conflict:
                if let open = try Self.openConflict(db, entry: entry.sequence) { return open }
            case .sent, .cancelled:
                throw OfflineCacheError.notAllowed(
                    "order \(clientID) is \(entry.state.rawValue)")
            }
            try db.run(
                "UPDATE entries SET state = 'conflict', last_error = ? WHERE sequence = ?",
                [error.message, entry.sequence])
            try db.run(
                """
                INSERT INTO conflicts (kind, entry_sequence, client_id, code, message, created_at)
                VALUES ('refused', ?, ?, ?, ?, ?)
                """,
                [
                    entry.sequence, clientID, error.code.rawValue, error.message,
                    now.storedMilliseconds,
                ])
            return try Self.conflict(db, id: db.lastInsertRowID)
        }
    }

    /// Records an order on the server that a forced walk-in left short of `missingUnits` of
    /// `offerID`, so that staff see it. One open conflict per order and offer: recording it
    /// again updates the count.
    @discardableResult
    public func recordShortage(
        order: OrderInfo, offerID: OfferID, missingUnits: Int, causedBy clientID: String?,
        now: Date
    ) throws(OfflineCacheError) -> Conflict {
        let message = "order \(order.number) lacks \(missingUnits) unit(s) of offer \(offerID)"
        return try write { db in
            try db.run(
                """
                INSERT OR IGNORE INTO conflicts (kind, order_id, order_number, offer_id,
                    missing_units, caused_by, code, message, created_at)
                VALUES ('shortage', ?, ?, ?, ?, ?, 'shortage', ?, ?)
                """,
                [
                    order.id.rawValue, order.number, offerID.rawValue, missingUnits, clientID,
                    message, now.storedMilliseconds,
                ])
            try db.run(
                """
                UPDATE conflicts SET missing_units = ?, message = ?
                WHERE kind = 'shortage' AND order_id = ? AND offer_id = ? AND resolved_at IS NULL
                """, [missingUnits, message, order.id.rawValue, offerID.rawValue])
            guard
                let id = try db.queryOne(
                    """
                    SELECT id FROM conflicts WHERE kind = 'shortage' AND order_id = ?
                        AND offer_id = ? AND resolved_at IS NULL
                    """, [order.id.rawValue, offerID.rawValue])?.int64(0)
            else { throw OfflineCacheError.unreadable("shortage record vanished") }
            return try Self.conflict(db, id: id)
        }
    }

    /// The conflicts, oldest first: the open ones, or all of them.
    public func conflicts(includingResolved: Bool = false) throws(OfflineCacheError)
        -> [Conflict]
    {
        let rows = try read { db in
            try db.query(
                """
                SELECT \(Conflict.columns) FROM \(Conflict.from)
                WHERE ? OR c.resolved_at IS NULL ORDER BY c.id
                """, [includingResolved])
        }
        var conflicts: [Conflict] = []
        for row in rows {
            conflicts.append(try Conflict(row: row))
        }
        return conflicts
    }

    /// Applies staff's decision to an open conflict and returns it resolved.
    ///
    /// A changed order goes back into the queue at the refused entry's place, keeping its
    /// provisional number (the customer's receipt shows it), but under a new client id:
    /// the old id is the idempotency key of the request the server refused, and the server
    /// answers a reused key with another body by `idempotency_key_reused`.
    /// - Throws: `unknownConflict`, `notAllowed` for a resolution that does not fit the
    ///   conflict's kind, `invalidClientID` or `clientIDReused` for the changed order.
    @discardableResult
    public func resolve(_ conflictID: Int64, _ resolution: ConflictResolution, now: Date)
        throws(OfflineCacheError) -> Conflict
    {
        try write { db in
            let conflict = try Self.conflict(db, id: conflictID)
            guard conflict.isOpen else { throw OfflineCacheError.unknownConflict(conflictID) }
            switch (conflict.kind, resolution) {
            case (.refused, .changeOrder(let request)):
                try Self.change(db, conflictID, to: request, now: now)
            case (.refused, .cancel):
                try Self.cancel(db, conflictID, now: now)
            case (.shortage, .acknowledge):
                try Self.close(db, conflictID, as: "acknowledged", now: now)
            default:
                throw OfflineCacheError.notAllowed(
                    "this resolution for a \(conflict.kind) conflict")
            }
            return try Self.conflict(db, id: conflictID)
        }
    }

    private static func change(
        _ db: Database, _ conflictID: Int64, to request: CreateOrderRequest, now: Date
    ) throws {
        let sequence = try entrySequence(db, conflictID)
        let old = try db.queryOne(
            "SELECT kind, request FROM entries WHERE sequence = ?", [sequence])
        guard let old, let kind = OutboxEntry.Kind(rawValue: old.text(0)) else {
            throw OfflineCacheError.unreadable("conflict \(conflictID) has no entry")
        }
        let wasOffline = try StoredJSON.decode(CreateOrderRequest.self, old.text(1)).takenOffline
        let stored = try prepared(request, kind: kind, takenOffline: wasOffline)
        guard try !wasUsed(db, clientID: stored.clientID) else {
            throw OfflineCacheError.clientIDReused(stored.clientID)
        }
        try db.run(
            """
            UPDATE entries SET client_id = ?, request = ?, state = 'pending', attempts = 0,
                next_attempt_at = ?, last_error = NULL
            WHERE sequence = ?
            """,
            [stored.clientID, try StoredJSON.encode(stored), now.storedMilliseconds, sequence])
        try close(db, conflictID, as: "changed", replacement: stored.clientID, now: now)
    }

    private static func cancel(_ db: Database, _ conflictID: Int64, now: Date) throws {
        try db.run(
            "UPDATE entries SET state = 'cancelled', finished_at = ? WHERE sequence = ?",
            [now.storedMilliseconds, try entrySequence(db, conflictID)])
        try close(db, conflictID, as: "cancelled", now: now)
    }

    private static func close(
        _ db: Database, _ conflictID: Int64, as resolution: String, replacement: String? = nil,
        now: Date
    ) throws {
        try db.run(
            """
            UPDATE conflicts SET resolved_at = ?, resolution = ?, replacement_client_id = ?
            WHERE id = ?
            """, [now.storedMilliseconds, resolution, replacement, conflictID])
    }

    private static func entrySequence(_ db: Database, _ conflictID: Int64) throws -> Int64 {
        guard
            let sequence = try db.queryOne(
                "SELECT entry_sequence FROM conflicts WHERE id = ?", [conflictID]
            )?.optionalInt64(0)
        else { throw OfflineCacheError.unreadable("conflict \(conflictID) has no entry") }
        return sequence
    }

    static func conflict(_ db: Database, id: Int64) throws -> Conflict {
        guard
            let row = try db.queryOne(
                "SELECT \(Conflict.columns) FROM \(Conflict.from) WHERE c.id = ?", [id])
        else { throw OfflineCacheError.unknownConflict(id) }
        return try Conflict(row: row)
    }

    private static func openConflict(_ db: Database, entry sequence: Int64) throws -> Conflict? {
        guard
            let id = try db.queryOne(
                """
                SELECT id FROM conflicts WHERE entry_sequence = ? AND resolved_at IS NULL
                ORDER BY id DESC LIMIT 1
                """, [sequence])?.int64(0)
        else { return nil }
        return try conflict(db, id: id)
    }
}
