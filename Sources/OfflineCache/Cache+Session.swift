import BookingAPI
import BookingCore
import Foundation
import SQLite

extension Cache {
    /// Stores who is logged in and the account's settings, after each log-in and session
    /// check. The cache holds only what one user may see: when the user, their role or
    /// their branch and category restrictions differ from what is cached, everything cached
    /// is wiped first. Returns whether it was.
    @discardableResult
    public func storeSession(_ session: SessionInfo, now: Date) throws(OfflineCacheError)
        -> Bool
    {
        let stored = try self.session()
        let wipes = stored.map { !Self.seesTheSame($0, session) } ?? false
        if wipes {
            logger.info("another user or other rights than cached; cache wiped")
            try wipe()
        }
        let json = try StoredJSON.encode(session)
        try write { db in
            try db.run(
                """
                INSERT OR REPLACE INTO session (id, account_id, user_id, data, stored_at)
                VALUES (1, ?, ?, ?, ?)
                """,
                [
                    session.account.id.rawValue, session.user.id.rawValue, json,
                    now.storedMilliseconds,
                ])
            try Self.recordSync(db, .session, cursor: nil, replace: true, at: now)
        }
        return wipes
    }

    /// The session stored last; nil before the first log-in or after a wipe.
    public func session() throws(OfflineCacheError) -> SessionInfo? {
        let json = try read { db in
            try db.queryOne("SELECT data FROM session WHERE id = 1")?.text(0)
        }
        return try json.map { (text) throws(OfflineCacheError) in
            try StoredJSON.decode(SessionInfo.self, text)
        }
    }

    /// The account's calendar (its time zone), from the stored session.
    public func calendar() throws(OfflineCacheError) -> AccountCalendar {
        guard let session = try session() else { throw .notCached("the account's settings") }
        guard let calendar = AccountCalendar(identifier: session.account.timeZone) else {
            throw .unreadable("unknown time zone \(session.account.timeZone)")
        }
        return calendar
    }

    private static func seesTheSame(_ a: SessionInfo, _ b: SessionInfo) -> Bool {
        a.account.id == b.account.id && a.user.id == b.user.id && a.user.role == b.user.role
            && Set(a.branchIDs) == Set(b.branchIDs) && Set(a.categoryIDs) == Set(b.categoryIDs)
    }
}
