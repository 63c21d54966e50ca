import BookingAPI
import BookingCore
import Foundation
import SQLite

extension Outbox {
    /// What to do next: send the first pending entry, wait for its back-off, or nothing.
    /// Entries go strictly in the order they were taken: a later one never overtakes an
    /// earlier pending one, so the earlier customer keeps the earlier claim on a unit.
    /// Entries in conflict wait for staff and do not hold up the rest.
    public func nextTurn(now: Date) throws(OfflineCacheError) -> OutboxTurn {
        let head = try read { db in
            try db.queryOne(
                """
                SELECT \(OutboxEntry.columns) FROM entries WHERE state = 'pending'
                ORDER BY sequence LIMIT 1
                """)
        }
        guard let head else { return .idle }
        let entry = try OutboxEntry(row: head)
        let due = entry.nextAttemptAt.storedMilliseconds <= now.storedMilliseconds
        return due ? .send(entry) : .wait(until: entry.nextAttemptAt)
    }

    /// Records an attempt that got no answer the order can be judged by (no network, a
    /// timeout, a 5xx), and schedules the next one by `schedule`, drawing the jitter from
    /// `random`. Returns when the next attempt is due.
    @discardableResult
    public func recordFailedAttempt(
        clientID: String, reason: String, now: Date, schedule: RetrySchedule = .standard,
        random: inout some RandomNumberGenerator
    ) throws(OfflineCacheError) -> Date {
        try writeRelaxed { db in
            let entry = try Self.entry(db, clientID: clientID)
            guard entry.state == .pending else {
                throw OfflineCacheError.notAllowed("order \(clientID) is \(entry.state.rawValue)")
            }
            let attempts = entry.attempts + 1
            let delay = schedule.delay(afterAttempts: attempts, using: &random)
            // Rounded as stored, so that the caller sees the instant `nextTurn` will use.
            let next = Date(storedMilliseconds: now.addingTimeInterval(delay).storedMilliseconds)
            try db.run(
                """
                UPDATE entries SET attempts = ?, next_attempt_at = ?, last_error = ?
                WHERE sequence = ?
                """, [attempts, next.storedMilliseconds, reason, entry.sequence])
            return next
        }
    }

    /// `recordFailedAttempt` with the system's random source.
    @discardableResult
    public func recordFailedAttempt(
        clientID: String, reason: String, now: Date, schedule: RetrySchedule = .standard
    ) throws(OfflineCacheError) -> Date {
        var random = SystemRandomNumberGenerator()
        return try recordFailedAttempt(
            clientID: clientID, reason: reason, now: now, schedule: schedule, random: &random)
    }

    /// Makes every pending entry due now, e.g. when the probe finds the server back.
    public func retryNow(now: Date) throws(OfflineCacheError) {
        try writeRelaxed { db in
            try db.run(
                """
                UPDATE entries SET next_attempt_at = ?1
                WHERE state = 'pending' AND next_attempt_at > ?1
                """, [now.storedMilliseconds])
        }
    }

    /// Records the server's order for an entry: it is sent, and its real number replaces the
    /// provisional one on screen. The server's word wins whatever the entry's state: an
    /// entry another desk window already resolved is marked sent too, and its open conflict
    /// closed as `stored`. Marking an entry sent twice returns it unchanged.
    @discardableResult
    public func markSent(clientID: String, order: OrderInfo, now: Date)
        throws(OfflineCacheError) -> OutboxEntry
    {
        guard order.clientID == clientID else {
            throw .notAllowed("order \(order.number) belongs to client id \(order.clientID)")
        }
        return try writeRelaxed { db in
            let entry = try Self.entry(db, clientID: clientID)
            guard entry.state != .sent else { return entry }
            if entry.state != .pending {
                logger.warning(
                    "server stored an order the desk had set aside",
                    ["state": entry.state.rawValue, "provisional": entry.provisionalNumber])
            }
            try db.run(
                """
                UPDATE entries SET state = 'sent', order_id = ?, order_number = ?,
                    finished_at = ?, last_error = NULL, shortage_check = ?
                WHERE sequence = ?
                """,
                [
                    order.id.rawValue, order.number, now.storedMilliseconds, order.forced,
                    entry.sequence,
                ])
            try db.run(
                """
                UPDATE conflicts SET resolved_at = ?, resolution = 'stored'
                WHERE entry_sequence = ? AND resolved_at IS NULL
                """, [now.storedMilliseconds, entry.sequence])
            return try Self.entry(db, clientID: clientID)
        }
    }

    /// The client ids of sent orders that were forced through and whose shortages have not
    /// been checked yet, in the order they were taken.
    public func awaitingShortageCheck() throws(OfflineCacheError) -> [String] {
        try read { db in
            try db.query(
                """
                SELECT client_id FROM entries WHERE state = 'sent' AND shortage_check = 1
                ORDER BY sequence
                """
            ).map { $0.text(0) }
        }
    }

    /// Records that the shortages of this forced order have been checked.
    public func shortagesChecked(clientID: String) throws(OfflineCacheError) {
        try writeRelaxed { db in
            try db.run("UPDATE entries SET shortage_check = 0 WHERE client_id = ?", [clientID])
        }
    }

    /// Forgets sent and cancelled entries finished before `instant`, with their resolved
    /// conflicts, and resolved shortages from before it. Keep a day or more: a sent entry
    /// still counts against cached availability fetched before it was sent.
    public func prune(finishedBefore instant: Date) throws(OfflineCacheError) {
        try write { db in
            let old = """
                SELECT sequence FROM entries
                WHERE state IN ('sent', 'cancelled') AND finished_at < ?1
                """
            try db.run(
                "DELETE FROM conflicts WHERE entry_sequence IN (\(old))",
                [instant.storedMilliseconds])
            try db.run(
                "DELETE FROM conflicts WHERE kind = 'shortage' AND resolved_at < ?",
                [instant.storedMilliseconds])
            try db.run(
                """
                DELETE FROM entries WHERE state IN ('sent', 'cancelled') AND finished_at < ?
                """, [instant.storedMilliseconds])
        }
    }

    /// Empties the outbox unless it holds unsent orders or open shortages; returns how many
    /// of each it holds (both 0 when it was emptied). The desk code and the provisional
    /// numbers' counter are kept.
    func wipeUnlessOpen() throws(OfflineCacheError) -> (unsent: Int, shortages: Int) {
        try write { db in
            let counts = try db.queryOne(
                """
                SELECT
                    (SELECT count(*) FROM entries WHERE state IN ('pending', 'conflict')),
                    (SELECT count(*) FROM conflicts
                     WHERE kind = 'shortage' AND resolved_at IS NULL)
                """)
            let unsent = counts?.int(0) ?? 0
            let shortages = counts?.int(1) ?? 0
            guard unsent == 0, shortages == 0 else { return (unsent, shortages) }
            try db.execute("DELETE FROM conflicts; DELETE FROM entries;")
            return (0, 0)
        }
    }
}
