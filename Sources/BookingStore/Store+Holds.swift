import BookingAPI
import BookingCore
import Foundation
import SQLite

extension BookingStore {
    /// Holds the draft's units until `expiresAt`, if they are free; sold out otherwise.
    public func createHold(
        draft: OrderDraft, scope: Scope, now: Date, expiresAt: Date
    ) throws(StoreError) -> HoldInfo {
        let period = try Self.period(of: draft)
        guard period.end > now - Self.pastGrace else { throw .periodOver }
        let account = scope.accountID
        let user = scope.userID
        let encodedDraft: String
        do {
            encodedDraft = try StoredJSON.encode(draft)
        } catch {
            throw .conflict("the draft cannot be stored: \(error)")
        }
        let id = try write { db in
            try Self.checkVisible(db, draft: draft, scope: scope)
            try Self.forgetOldHolds(db, account: account, now: now)
            try Self.checkAvailable(
                db, items: (draft.offers + draft.options).map { ($0.offerID, $0.quantity) },
                account: account,
                period: period, now: now, excludingHold: nil)
            try db.run(
                """
                INSERT INTO holds (account_id, user_id, branch_id, draft, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                [
                    account.rawValue, user?.rawValue, draft.branchID.rawValue,
                    encodedDraft, now.storedSeconds, expiresAt.storedSeconds,
                ])
            let hold = db.lastInsertRowID
            for item in draft.offers + draft.options {
                try db.run(
                    """
                    INSERT INTO hold_lines (account_id, hold_id, offer_id, quantity, starts_at,
                        ends_at, expires_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        account.rawValue, hold, item.offerID.rawValue, item.quantity,
                        period.start.storedSeconds, period.end.storedSeconds,
                        expiresAt.storedSeconds,
                    ])
                try Self.noteBooking(db, offer: item.offerID, period: period)
            }
            try Self.audit(db, AuditRecord("hold.created", "hold", hold), scope: scope, at: now)
            return HoldID(hold)
        }
        return HoldInfo(
            id: id, draft: draft, expiresAt: Date(storedSeconds: expiresAt.storedSeconds))
    }

    /// Releases a hold before it expires.
    public func deleteHold(_ id: HoldID, scope: Scope, now: Date = Date()) throws(StoreError) {
        let filter = scope.holdFilter("h")
        try write { db in
            let found = try db.queryOne(
                "SELECT id FROM holds h WHERE h.id = ? AND \(filter.sql)",
                [id.rawValue] + filter.arguments)
            guard found != nil else { throw StoreError.notFound("hold") }
            try Self.releaseHold(db, id)
            try Self.audit(
                db, AuditRecord("hold.released", "hold", id.rawValue), scope: scope, at: now)
        }
    }

    /// Deletes the account's holds that expired a day ago or earlier: they count for nothing,
    /// and a day is long enough to tell a late order "expired" rather than "not found".
    static func forgetOldHolds(_ db: Database, account: AccountID, now: Date) throws {
        let cutoff = now.storedSeconds - 86_400
        try db.run(
            "DELETE FROM hold_lines WHERE account_id = ? AND expires_at <= ?",
            [account.rawValue, cutoff])
        try db.run(
            "DELETE FROM holds WHERE account_id = ? AND expires_at <= ?",
            [account.rawValue, cutoff])
    }

    /// Deletes a hold and its lines; its offers' availability changes.
    static func releaseHold(_ db: Database, _ id: HoldID) throws {
        let offers = try db.query(
            "SELECT offer_id FROM hold_lines WHERE hold_id = ?", [id.rawValue]
        ).map { OfferID($0.int64(0)) }
        try db.run("DELETE FROM hold_lines WHERE hold_id = ?", [id.rawValue])
        try db.run("DELETE FROM holds WHERE id = ?", [id.rawValue])
        try noteChange(db, offers: offers)
    }

    /// The draft's period; a draft whose end is not after its start is refused.
    static func period(of draft: OrderDraft) throws(StoreError) -> Period {
        do {
            return try Period(start: draft.start, end: draft.end)
        } catch {
            throw .conflict("the period is invalid: \(error)")
        }
    }

    /// Checks that the draft's branches and offers exist in the scope.
    static func checkVisible(_ db: Database, draft: OrderDraft, scope: Scope) throws {
        let branches = Set([draft.branchID, draft.returnBranchID ?? draft.branchID])
        let branchFilter = scope.filter("b", branchColumn: "id")
        for branch in branches {
            let found = try db.queryOne(
                "SELECT 1 FROM branches b WHERE b.id = ? AND \(branchFilter.sql)",
                [branch.rawValue] + branchFilter.arguments)
            guard found != nil else { throw StoreError.notFound("branch") }
        }
        let offerFilter = scope.filter("o", categoryColumn: "category_id")
        for item in draft.offers + draft.options {
            let found = try db.queryOne(
                "SELECT 1 FROM offers o WHERE o.id = ? AND \(offerFilter.sql)",
                [item.offerID.rawValue] + offerFilter.arguments)
            guard found != nil else { throw StoreError.notFound("offer") }
        }
    }
}
