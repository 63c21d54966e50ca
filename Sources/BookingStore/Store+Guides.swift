import BookingAPI
import BookingCore
import Foundation
import SQLite

/// Tour guides' records (admins only) and their log-ins.
extension BookingStore {
    public func guides(scope: Scope) throws(StoreError) -> [GuideRecord] {
        try read { db in
            try Self.guideRecords(db, where: "g.account_id = ?", [scope.accountID.rawValue])
        }
    }

    public func guide(_ id: GuideID, scope: Scope) throws(StoreError) -> GuideRecord? {
        try read { db in try Self.guideRecord(db, id, scope: scope) }
    }

    static func guideRecord(_ db: Database, _ id: GuideID, scope: Scope) throws -> GuideRecord? {
        try guideRecords(
            db, where: "g.id = ? AND g.account_id = ?", [id.rawValue, scope.accountID.rawValue]
        ).first
    }

    static func guideRecords(_ db: Database, where condition: String, _ arguments: [Int64])
        throws -> [GuideRecord]
    {
        try db.query(
            """
            SELECT g.id, g.data, g.user_id FROM guides g WHERE \(condition)
            ORDER BY g.name, g.id
            """, arguments
        ).map { row in
            GuideRecord(
                id: GuideID(row.int64(0)), data: try StoredJSON.decode(GuideData.self, row.text(1)),
                userID: row.optionalInt64(2).map { UserID($0) })
        }
    }

    /// Adds a guide; the contract number must be new in the account.
    public func createGuide(_ data: GuideData, scope: Scope, now: Date) throws(StoreError)
        -> GuideRecord
    {
        let json = try Self.encodeGuide(data)
        return try writeUnique("the contract number \(data.contractNumber) is taken") { db in
            try db.run(
                """
                INSERT INTO guides (account_id, contract_number, name, email, data, created_at,
                    updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    scope.accountID.rawValue, data.contractNumber, data.name, data.email, json,
                    now.storedSeconds, now.storedSeconds,
                ])
            let id = GuideID(db.lastInsertRowID)
            try Self.audit(
                db, AuditRecord("guide.created", "guide", id.rawValue), scope: scope, at: now)
            return try Self.guideRecord(db, id, scope: scope)!
        }
    }

    /// Replaces a guide's record.
    public func updateGuide(_ id: GuideID, _ data: GuideData, scope: Scope, now: Date)
        throws(StoreError) -> GuideRecord
    {
        let json = try Self.encodeGuide(data)
        return try writeUnique("the contract number \(data.contractNumber) is taken") { db in
            let changed = try db.run(
                """
                UPDATE guides SET contract_number = ?, name = ?, email = ?, data = ?,
                    updated_at = ?
                WHERE id = ? AND account_id = ?
                """,
                [
                    data.contractNumber, data.name, data.email, json, now.storedSeconds,
                    id.rawValue, scope.accountID.rawValue,
                ])
            guard changed == 1 else { throw StoreError.notFound("guide") }
            try Self.audit(
                db, AuditRecord("guide.updated", "guide", id.rawValue), scope: scope, at: now)
            return try Self.guideRecord(db, id, scope: scope)!
        }
    }

    /// Deletes a guide: their tours lose their guide, their log-in is deleted (ending its
    /// sessions at once).
    public func deleteGuide(_ id: GuideID, scope: Scope, now: Date) throws(StoreError) {
        try write { db in
            guard let guide = try Self.guideRecord(db, id, scope: scope) else {
                throw StoreError.notFound("guide")
            }
            if let user = guide.userID { try Self.eraseUser(db, user, scope: scope, now: now) }
            try db.run(
                "UPDATE tours SET guide_id = NULL, updated_at = ? WHERE guide_id = ?",
                [now.storedSeconds, id.rawValue])
            try db.run("DELETE FROM guides WHERE id = ?", [id.rawValue])
            try Self.audit(
                db, AuditRecord("guide.deleted", "guide", id.rawValue), scope: scope, at: now)
        }
    }

    /// Makes the guide's log-in (role `guide`) with an already hashed password. The guide
    /// needs an e-mail address and must not have a log-in yet.
    public func createGuideAccess(
        _ id: GuideID, username: String, passwordHash: String, scope: Scope, now: Date
    ) throws(StoreError) -> UserRecord {
        try writeUnique("the user name \(username) is taken") { db in
            guard let guide = try Self.guideRecord(db, id, scope: scope) else {
                throw StoreError.notFound("guide")
            }
            guard guide.userID == nil else {
                throw StoreError.conflict("the guide has a log-in already")
            }
            guard let email = guide.data.email, !email.isEmpty else {
                throw StoreError.conflict("the guide needs an e-mail address for the password")
            }
            let user = try Self.insertUser(
                db,
                NewUser(
                    username: username, name: guide.data.name, email: email, role: .guide,
                    passwordHash: passwordHash), scope: scope, now: now)
            try db.run("UPDATE guides SET user_id = ? WHERE id = ?", [user.rawValue, id.rawValue])
            try Self.audit(
                db, AuditRecord("guide.access_created", "guide", id.rawValue), scope: scope, at: now
            )
            return try Self.userRecord(db, user, scope: scope)!
        }
    }

    private static func encodeGuide(_ data: GuideData) throws(StoreError) -> String {
        do {
            return try StoredJSON.encode(data)
        } catch {
            throw .conflict("the guide cannot be stored: \(error)")
        }
    }
}
