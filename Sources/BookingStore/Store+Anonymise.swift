import BookingAPI
import BookingCore
import Foundation
import SQLite

/// An anonymised copy of one account: for support, tests and demos on real shapes of data
/// without real people in it.
extension BookingStore {
    /// Writes a new database at `path` holding only the account `slug`, with every name,
    /// address, e-mail address, phone number, note, bank detail and tax number replaced;
    /// user names become `user<id>`, password hashes unusable; sessions, log-in failures
    /// and superusers are left out. Orders, prices, times and the catalogue stay as they are.
    public func writeAnonymisedCopy(account slug: String, to path: String) throws {
        guard let account = try account(slug: slug) else {
            throw BackupError("no account \(slug)")
        }
        try backup(to: path)
        do {
            let copy = try Database(path: path, synchronous: .normal)
            try copy.execute("PRAGMA foreign_keys=OFF")
            try Self.keepOnly(account.id, in: copy)
            try copy.transaction {
                try Self.anonymiseCustomers(copy)
                try Self.anonymisePeople(copy)
            }
            try copy.execute("VACUUM")
            _ = try copy.queryOne("PRAGMA journal_mode=DELETE")
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }

    /// Tables with an `account_id`, children first.
    static let accountTables = [
        "audit_events", "tours", "guides", "idempotency_keys", "hold_lines", "holds",
        "order_lines", "orders", "customers", "sessions", "user_branches", "user_categories",
        "users", "offers", "categories", "branches",
    ]

    private static func keepOnly(_ account: AccountID, in db: Database) throws {
        try db.transaction {
            for table in accountTables {
                try db.run("DELETE FROM \(table) WHERE account_id <> ?", [account.rawValue])
            }
            try db.run("DELETE FROM accounts WHERE id <> ?", [account.rawValue])
            for table in ["sessions", "superuser_sessions", "superusers", "login_failures"] {
                try db.execute("DELETE FROM \(table)")
            }
        }
    }

    /// Customers and the copies of their data on orders, consistently per customer.
    private static func anonymiseCustomers(_ db: Database) throws {
        for row in try db.query("SELECT id FROM customers") {
            let id = row.int64(0)
            let email = "kunde-\(id)@example.invalid"
            let customer = CustomerData(
                firstName: "Vorname", lastName: "Kunde \(id)", email: email,
                street: "Musterstraße", houseNumber: "1", postalCode: "00000",
                city: "Musterstadt", country: "Deutschland", termsAccepted: true)
            let json = try StoredJSON.encode(customer)
            try db.run(
                """
                UPDATE customers SET email = ?, first_name = ?, last_name = ?, data = ?
                WHERE id = ?
                """, [email, customer.firstName, customer.lastName, json, id])
            try db.run(
                """
                UPDATE orders SET customer = ?,
                    search_text = unicode_lower(number || ' ' || ? || ' ' || ? || ' ' || ?)
                WHERE customer_id = ?
                """, [json, customer.firstName, customer.lastName, email, id])
        }
    }

    /// Users (customers' log-ins too), guides and the names audit events keep.
    private static func anonymisePeople(_ db: Database) throws {
        try db.execute(
            """
            UPDATE users SET username = 'user' || id, name = 'Benutzer ' || id,
                email = 'user-' || id || '@example.invalid', password_hash = '!';
            UPDATE audit_events SET actor_name = CASE actor_kind
                WHEN 'user' THEN 'user' || actor_id WHEN 'superuser' THEN 'superuser'
                ELSE actor_name END;
            """)
        for row in try db.query("SELECT id, contract_number FROM guides") {
            let id = row.int64(0)
            let guide = GuideData(
                contractNumber: row.text(1), name: "Guide \(id)",
                email: "guide-\(id)@example.invalid",
                address: PostalAddress(
                    street: "Musterstraße", houseNumber: "1", postalCode: "00000",
                    city: "Musterstadt"))
            try db.run(
                "UPDATE guides SET name = ?, email = ?, data = ? WHERE id = ?",
                [guide.name, guide.email, try StoredJSON.encode(guide), id])
        }
    }
}
