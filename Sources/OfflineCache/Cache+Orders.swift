import BookingAPI
import BookingCore
import Foundation
import SQLite

extension Cache {
    /// Stores an orders delta (or, with `replacesAll`, every order the user may see) and its
    /// cursor in one transaction. A cancellation is an order whose status is cancelled: it
    /// stays cached with that status and frees its units.
    public func applyOrderChanges(_ changes: OrderChanges, now: Date) throws(OfflineCacheError) {
        let rows = try Self.encode(changes.orders)
        try write { db in
            if changes.replacesAll { try db.execute("DELETE FROM orders") }
            try Self.store(rows, in: db, at: now)
            for id in changes.removed {
                try db.run("DELETE FROM orders WHERE id = ?", [id.rawValue])
            }
            try Self.recordSync(
                db, .orders, cursor: changes.cursor, replace: changes.replacesAll, at: now)
        }
    }

    /// Stores orders the desk learned of outside the delta sync (an order just created,
    /// picked up or cancelled), leaving the cursor alone.
    public func storeOrders(_ orders: [OrderInfo], now: Date) throws(OfflineCacheError) {
        let rows = try Self.encode(orders)
        try write { db in try Self.store(rows, in: db, at: now) }
    }

    /// Cached orders, by start: those of `branch` (pickup branch) and overlapping `period`
    /// when given.
    public func orders(branch: BranchID? = nil, overlapping period: Period? = nil)
        throws(OfflineCacheError) -> [OrderInfo]
    {
        try decodeAll(
            OrderInfo.self,
            """
            SELECT data FROM orders
            WHERE (?1 IS NULL OR branch_id = ?1) AND (?2 IS NULL OR end_at > ?2)
                AND (?3 IS NULL OR start_at < ?3)
            ORDER BY start_at, id
            """,
            [
                branch?.rawValue, period?.start.storedMilliseconds,
                period?.end.storedMilliseconds,
            ])
    }

    /// The cached order with this server id.
    public func order(_ id: OrderID) throws(OfflineCacheError) -> OrderInfo? {
        try decodeAll(OrderInfo.self, "SELECT data FROM orders WHERE id = ?", [id.rawValue])
            .first
    }

    /// The cached order with this client id.
    public func order(clientID: String) throws(OfflineCacheError) -> OrderInfo? {
        try decodeAll(OrderInfo.self, "SELECT data FROM orders WHERE client_id = ?", [clientID])
            .first
    }

    /// Forgets orders that ended before `instant`; the desk keeps recent and upcoming ones.
    public func pruneOrders(endedBefore instant: Date) throws(OfflineCacheError) {
        try write { db in
            try db.run("DELETE FROM orders WHERE end_at < ?", [instant.storedMilliseconds])
        }
    }

    private static func encode(_ orders: [OrderInfo]) throws(OfflineCacheError)
        -> [(OrderInfo, String)]
    {
        var rows: [(OrderInfo, String)] = []
        rows.reserveCapacity(orders.count)
        for order in orders {
            rows.append((order, try StoredJSON.encode(order)))
        }
        return rows
    }

    private static func store(_ rows: [(OrderInfo, String)], in db: Database, at now: Date)
        throws
    {
        for (order, json) in rows {
            // A client id names one order; a row that claims it under another id is stale.
            try db.run(
                "DELETE FROM orders WHERE client_id = ? AND id <> ?",
                [order.clientID, order.id.rawValue])
            try db.run(
                """
                INSERT OR REPLACE INTO orders
                    (id, client_id, number, branch_id, status, start_at, end_at, data, stored_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    order.id.rawValue, order.clientID, order.number,
                    order.draft.branchID.rawValue, order.status.rawValue,
                    order.draft.start.storedMilliseconds, order.draft.end.storedMilliseconds,
                    json, now.storedMilliseconds,
                ])
        }
    }
}
