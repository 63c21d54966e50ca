import BookingAPI
import BookingCore
import Foundation
import SQLite

/// Account users as admins manage them. Every change writes its audit event in the same
/// transaction; changes that take rights away end the user's sessions at once.
extension BookingStore {
    /// The account's desk users and guides (not customers, not deleted users), by user name.
    public func users(scope: Scope) throws(StoreError) -> [UserRecord] {
        try read { db in
            try Self.userRecords(
                db, where: "u.account_id = ? AND u.role <> 'customer' AND u.deleted_at IS NULL",
                [scope.accountID.rawValue])
        }
    }

    /// The user `id` of the scope's account (customers' log-ins and deleted users excluded).
    public func user(_ id: UserID, scope: Scope) throws(StoreError) -> UserRecord? {
        try read { db in try Self.userRecord(db, id, scope: scope) }
    }

    static func userRecord(_ db: Database, _ id: UserID, scope: Scope) throws -> UserRecord? {
        try userRecords(
            db,
            where: """
                u.id = ? AND u.account_id = ? AND u.role <> 'customer' AND u.deleted_at IS NULL
                """, [id.rawValue, scope.accountID.rawValue]
        ).first
    }

    static func userRecords(_ db: Database, where condition: String, _ arguments: [Int64])
        throws -> [UserRecord]
    {
        let rows = try db.query(
            """
            SELECT \(userColumns), u.active, u.created_at, g.id, u.account_id
            FROM users u LEFT JOIN guides g ON g.user_id = u.id
            WHERE \(condition) ORDER BY u.username, u.id
            """, arguments)
        return try rows.map { row in
            let info = user(row)
            let (branches, categories) = try restrictions(
                db, account: AccountID(row.int64(10)), user: info.id)
            return UserRecord(
                id: info.id, username: info.username, name: info.name, email: info.email,
                role: info.role, isOwner: info.isOwner, isActive: row.bool(7),
                branchIDs: branches, categoryIDs: categories,
                guideID: row.optionalInt64(9).map { GuideID($0) },
                createdAt: Date(storedSeconds: row.int64(8)))
        }
    }

    /// Creates a staff user and returns their record.
    public func createStaffUser(
        username: String, name: String, email: String, passwordHash: String, scope: Scope,
        now: Date
    ) throws(StoreError) -> UserRecord {
        let new = NewUser(
            username: username, name: name, email: email, role: .staff,
            passwordHash: passwordHash)
        return try writeUnique("the user name \(username) is taken") { db in
            let id = try Self.insertUser(db, new, scope: scope, now: now)
            return try Self.userRecord(db, id, scope: scope)!
        }
    }

    /// Grants or revokes the admin flag. The owner keeps it; guides never get it.
    public func setAdmin(_ id: UserID, _ isAdmin: Bool, scope: Scope, now: Date)
        throws(StoreError) -> UserRecord
    {
        try changeUser(id, scope: scope) { db, user in
            guard user.role != .guide else {
                throw StoreError.conflict("a guide cannot be an admin")
            }
            guard !(user.isOwner && !isAdmin) else {
                throw StoreError.conflict("the account's owner is always an admin")
            }
            guard (user.role == .admin) != isAdmin else { return }
            try db.run(
                "UPDATE users SET is_admin = ?, role = ? WHERE id = ?",
                [isAdmin, isAdmin ? "admin" : "staff", id.rawValue])
            let action = isAdmin ? "user.admin_granted" : "user.admin_revoked"
            try Self.audit(db, AuditRecord(action, "user", id.rawValue), scope: scope, at: now)
        }
    }

    /// Replaces a desk user's restrictions (nil: all branches or all categories). Ids must
    /// be the account's. They apply whenever the user is not an admin.
    public func setRestrictions(
        _ id: UserID, branches: Set<BranchID>?, categories: Set<CategoryID>?, scope: Scope,
        now: Date
    ) throws(StoreError) -> UserRecord {
        try changeUser(id, scope: scope) { db, user in
            guard user.role != .guide else {
                throw StoreError.conflict(
                    "a guide sees only their tours; restrictions do not apply")
            }
            let account = scope.accountID.rawValue
            try db.run(
                "DELETE FROM user_branches WHERE account_id = ? AND user_id = ?",
                [account, id.rawValue])
            try db.run(
                "DELETE FROM user_categories WHERE account_id = ? AND user_id = ?",
                [account, id.rawValue])
            try Self.insertRestrictions(
                db, user: id, branches: branches, categories: categories, scope: scope)
            let cleared = branches == nil && categories == nil
            let details = [
                "branches": branches.map { Self.idList($0.map(\.rawValue)) } ?? "all",
                "categories": categories.map { Self.idList($0.map(\.rawValue)) } ?? "all",
            ]
            try Self.audit(
                db,
                AuditRecord(
                    cleared ? "user.restrictions_cleared" : "user.restrictions_changed", "user",
                    id.rawValue, details: details), scope: scope, at: now)
        }
    }

    /// Deactivates (ending the user's sessions at once) or reactivates a user. The owner
    /// cannot be deactivated.
    public func setActive(_ id: UserID, _ active: Bool, scope: Scope, now: Date)
        throws(StoreError) -> UserRecord
    {
        try changeUser(id, scope: scope) { db, user in
            guard !(user.isOwner && !active) else {
                throw StoreError.conflict("the account's owner cannot be deactivated")
            }
            guard user.isActive != active else { return }
            try db.run("UPDATE users SET active = ? WHERE id = ?", [active, id.rawValue])
            if !active { try Self.endSessions(db, user: id, now: now) }
            let action = active ? "user.activated" : "user.deactivated"
            try Self.audit(db, AuditRecord(action, "user", id.rawValue), scope: scope, at: now)
        }
    }

    /// Deletes a user: their log-in, restrictions and personal data go, their sessions end
    /// at once; the row stays, nameless, for the orders and audit events that point to it.
    /// The owner cannot be deleted.
    public func deleteUser(_ id: UserID, scope: Scope, now: Date) throws(StoreError) {
        _ = try changeUser(id, scope: scope) { db, user in
            guard !user.isOwner else {
                throw StoreError.conflict("the account's owner cannot be deleted")
            }
            try Self.eraseUser(db, id, scope: scope, now: now)
        }
    }

    static func eraseUser(_ db: Database, _ id: UserID, scope: Scope, now: Date) throws {
        try endSessions(db, user: id, now: now)
        try db.run("DELETE FROM user_branches WHERE user_id = ?", [id.rawValue])
        try db.run("DELETE FROM user_categories WHERE user_id = ?", [id.rawValue])
        try db.run("UPDATE guides SET user_id = NULL WHERE user_id = ?", [id.rawValue])
        try db.run(
            """
            UPDATE users SET username = 'deleted-' || id, name = '', email = '',
                password_hash = '!', active = 0, is_admin = 0, deleted_at = ?
            WHERE id = ?
            """, [now.storedSeconds, id.rawValue])
        try audit(db, AuditRecord("user.deleted", "user", id.rawValue), scope: scope, at: now)
    }

    /// Replaces a user's password hash and ends their sessions.
    public func setPasswordHash(_ id: UserID, _ hash: String, scope: Scope, now: Date)
        throws(StoreError) -> UserRecord
    {
        try changeUser(id, scope: scope) { db, _ in
            try db.run("UPDATE users SET password_hash = ? WHERE id = ?", [hash, id.rawValue])
            try Self.endSessions(db, user: id, now: now)
            try Self.audit(
                db, AuditRecord("user.password_reset", "user", id.rawValue), scope: scope, at: now)
        }
    }

    /// Runs `change` on the writer for the user `id` of the scope's account and returns
    /// the user as stored afterwards; a missing user is `.notFound`.
    private func changeUser(
        _ id: UserID, scope: Scope,
        _ change: @escaping @Sendable (Database, UserRecord) throws -> Void
    ) throws(StoreError) -> UserRecord {
        try write { db in
            guard let user = try Self.userRecord(db, id, scope: scope) else {
                throw StoreError.notFound("user")
            }
            try change(db, user)
            return try Self.userRecord(db, id, scope: scope) ?? user
        }
    }

    static func idList(_ ids: [Int64]) -> String {
        ids.sorted().map(String.init).joined(separator: ",")
    }
}
