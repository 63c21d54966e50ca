import BookingAPI
import BookingCore
import Foundation
import SQLite

/// Privacy tools: everything stored about one person (right of access).
extension BookingStore {
    /// Everything the account stores about customer `id`: their record, all their orders,
    /// their log-in with its sessions if they have one, and the audit events about them.
    /// Recorded as `customer.exported`.
    public func exportCustomer(_ id: CustomerID, scope: Scope, now: Date) throws(StoreError)
        -> PersonExport
    {
        let whole = scope.unrestricted
        let export = try read { db -> PersonExport? in
            guard
                let account = try Self.account(db, where: "id = ?", whole.accountID.rawValue),
                let customer = try Self.customerRecords(
                    db, where: "c.id = ?", [.integer(id.rawValue)], scope: whole, limit: 1
                ).first
            else { return nil }
            let orders = try Self.loadOrders(
                db, where: "o.customer_id = ?", [id.rawValue], scope: whole, limit: 100_000)
            let login = try db.queryOne(
                "SELECT user_id FROM customers WHERE id = ?", [id.rawValue])?.optionalInt64(0)
            let events = try Self.personEvents(
                db, account: whole.accountID, type: "customer", id: id.rawValue, user: login)
            return PersonExport(
                kind: "customer", exportedAt: now, account: account, customer: customer,
                user: try login.flatMap { try Self.anyUserRecord(db, UserID($0), whole) },
                orders: orders,
                sessions: try login.map { try Self.sessionRecords(db, UserID($0)) } ?? [],
                auditEvents: events)
        }
        guard let export else { throw .notFound("customer") }
        try recordAudit(
            action: "customer.exported", target: AuditTarget(type: "customer", id: id.rawValue),
            scope: scope, at: now)
        return export
    }

    /// Everything the account stores about user `id`: their record, their guide record if
    /// they are a guide, their sessions and the audit events about them or made by them.
    /// Recorded as `user.exported`.
    public func exportUser(_ id: UserID, scope: Scope, now: Date) throws(StoreError)
        -> PersonExport
    {
        let whole = scope.unrestricted
        let export = try read { db -> PersonExport? in
            guard
                let account = try Self.account(db, where: "id = ?", whole.accountID.rawValue),
                let user = try Self.userRecord(db, id, scope: whole)
            else { return nil }
            return PersonExport(
                kind: "user", exportedAt: now, account: account, user: user,
                guide: try user.guideID.flatMap { try Self.guideRecord(db, $0, scope: whole) },
                sessions: try Self.sessionRecords(db, id),
                auditEvents: try Self.personEvents(
                    db, account: whole.accountID, type: "user", id: id.rawValue,
                    user: id.rawValue))
        }
        guard let export else { throw .notFound("user") }
        try recordAudit(
            action: "user.exported", target: AuditTarget(type: "user", id: id.rawValue),
            scope: scope, at: now)
        return export
    }

    /// A user of any role, customers' log-ins included.
    private static func anyUserRecord(_ db: Database, _ id: UserID, _ scope: Scope) throws
        -> UserRecord?
    {
        try userRecords(
            db, where: "u.id = ? AND u.account_id = ? AND u.deleted_at IS NULL",
            [id.rawValue, scope.accountID.rawValue]
        ).first
    }

    private static func sessionRecords(_ db: Database, _ user: UserID) throws -> [SessionRecord] {
        try db.query(
            """
            SELECT created_at, last_seen_at, expires_at, ended_at FROM sessions
            WHERE user_id = ? ORDER BY created_at
            """, [user.rawValue]
        ).map {
            SessionRecord(
                createdAt: Date(storedSeconds: $0.int64(0)),
                lastSeenAt: Date(storedSeconds: $0.int64(1)),
                expiresAt: Date(storedSeconds: $0.int64(2)),
                endedAt: $0.optionalInt64(3).map { Date(storedSeconds: $0) })
        }
    }

    /// Events about the person (as `type` `id`, or as their user) and made by their user.
    private static func personEvents(
        _ db: Database, account: AccountID, type: String, id: Int64, user: Int64?
    ) throws -> [AuditEvent] {
        try auditEvents(
            db,
            where: """
                e.account_id = ? AND ((e.target_type = ? AND e.target_id = ?)
                    OR (e.target_type = 'user' AND e.target_id = ?)
                    OR (e.actor_kind = 'user' AND e.actor_id = ?))
                """, [account.rawValue, type, id, user ?? -1, user ?? -1], limit: 100_000)
    }
}
