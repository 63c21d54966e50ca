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
        let account = scope.accountID
        let user = scope.userID
        let id = try write { db in
            try Self.checkVisible(db, draft: draft, scope: scope)
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
                    try StoredJSON.encode(draft), now.storedSeconds, expiresAt.storedSeconds,
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
            }
            return HoldID(hold)
        }
        return HoldInfo(
            id: id, draft: draft, expiresAt: Date(storedSeconds: expiresAt.storedSeconds))
    }

    /// Releases a hold before it expires.
    public func deleteHold(_ id: HoldID, scope: Scope) throws(StoreError) {
        let filter = scope.filter("h")
        try write { db in
            let found = try db.queryOne(
                "SELECT id FROM holds h WHERE h.id = ? AND \(filter.sql)",
                [id.rawValue] + filter.arguments)
            guard found != nil else { throw StoreError.notFound("hold") }
            try db.run("DELETE FROM hold_lines WHERE hold_id = ?", [id.rawValue])
            try db.run("DELETE FROM holds WHERE id = ?", [id.rawValue])
        }
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
