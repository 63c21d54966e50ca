import BookingAPI
import BookingCore
import Foundation
import SQLite

/// Which customers a list shows, newest first.
public struct CustomerQuery: Sendable {
    /// Part of the e-mail address or name, any case.
    public var text: String?
    public var limit: Int
    /// Only customers older than this one (the cursor of the previous page).
    public var after: CustomerID?

    public init(text: String? = nil, limit: Int = 50, after: CustomerID? = nil) {
        self.text = text
        self.limit = limit
        self.after = after
    }
}

extension BookingStore {
    /// One page of the customers the scope may see (see `Scope`), newest first.
    public func customers(_ query: CustomerQuery, scope: Scope) throws(StoreError)
        -> CustomerList
    {
        var condition = "1 = 1"
        var arguments: [SQLiteValue] = []
        if let text = query.text?.lowercased(), !text.isEmpty {
            condition +=
                " AND instr(unicode_lower(c.email || ' ' || coalesce(c.first_name, '') || ' '"
                + " || c.last_name), ?) > 0"
            arguments.append(.text(text))
        }
        if let after = query.after {
            condition += " AND c.id < ?"
            arguments.append(.integer(after.rawValue))
        }
        let limit = min(max(query.limit, 1), 200)
        let sql = condition
        let values = arguments
        let page = try read { db in
            try Self.customerRecords(db, where: sql, values, scope: scope, limit: limit + 1)
        }
        let shown = Array(page.prefix(limit))
        return CustomerList(
            customers: shown,
            nextCursor: page.count > limit ? shown.last.map { "\($0.id)" } : nil)
    }

    /// The customer `id`, if the scope may see them.
    public func customer(_ id: CustomerID, scope: Scope) throws(StoreError) -> CustomerRecord? {
        try read { db in
            try Self.customerRecords(
                db, where: "c.id = ?", [.integer(id.rawValue)], scope: scope, limit: 1
            ).first
        }
    }

    static func customerRecords(
        _ db: Database, where condition: String, _ arguments: [SQLiteValue], scope: Scope,
        limit: Int
    ) throws -> [CustomerRecord] {
        let counted = scope.orderFilter("vc")
        let visible = scope.customerFilter("c")
        let rows = try db.query(
            """
            SELECT c.id, c.email, c.data, c.user_id IS NOT NULL,
                (SELECT count(*) FROM orders vc WHERE vc.customer_id = c.id AND \(counted.sql))
            FROM customers c WHERE \(visible.sql) AND \(condition)
            ORDER BY c.id DESC LIMIT \(limit)
            """,
            counted.arguments.map(\.sqliteValue) + visible.arguments.map(\.sqliteValue)
                + arguments)
        return try rows.map { row in
            CustomerRecord(
                id: CustomerID(row.int64(0)), email: row.text(1),
                data: try StoredJSON.decode(CustomerData.self, row.text(2)),
                hasLogin: row.bool(3), orderCount: row.int(4))
        }
    }

    // MARK: - Account settings

    public func accountSettings(scope: Scope) throws(StoreError) -> AccountSettings {
        try read { db in try Self.accountSettings(db, scope.accountID) }
    }

    static func accountSettings(_ db: Database, _ account: AccountID) throws -> AccountSettings {
        let row = try db.queryOne(
            "SELECT customer_passwords FROM accounts WHERE id = ?", [account.rawValue])
        return AccountSettings(customerPasswords: row?.bool(0) ?? false)
    }

    public func setAccountSettings(_ settings: AccountSettings, scope: Scope, now: Date)
        throws(StoreError) -> AccountSettings
    {
        try write { db in
            try db.run(
                "UPDATE accounts SET customer_passwords = ? WHERE id = ?",
                [settings.customerPasswords, scope.accountID.rawValue])
            try Self.audit(
                db,
                AuditRecord(
                    "account.settings_changed", "account", scope.accountID.rawValue,
                    details: ["customerPasswords": String(settings.customerPasswords)]),
                scope: scope, at: now)
            return try Self.accountSettings(db, scope.accountID)
        }
    }

    /// Whether an order for `email` would make a new customer who gets a log-in: the
    /// account's setting says so and no customer has that address yet.
    public func customerWouldGetLogin(email: String, scope: Scope) throws(StoreError) -> Bool {
        let email = email.lowercased()
        return try read { db in
            try db.queryOne(
                """
                SELECT a.customer_passwords AND NOT EXISTS (SELECT 1 FROM customers c
                    WHERE c.account_id = a.id AND c.email = ?)
                FROM accounts a WHERE a.id = ?
                """, [email, scope.accountID.rawValue])?.bool(0) ?? false
        }
    }
}
