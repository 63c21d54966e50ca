import BookingAPI
import BookingCore
import Foundation
import SQLite
import TestFiles
import Testing

@testable import BookingStore

/// The migration that stores `idempotency_keys` WITHOUT ROWID, on a file the schema before
/// it made.
@Suite struct IdempotencyKeysUpgradeTests {
    static let migration = "idempotency-keys-without-rowid"

    /// An order taken under key "key-1", with the migrations before `migration` only.
    static func makeOldStore(in folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let db = try Database(path: folder + "/" + BookingStore.fileName)
        let old = Schema.migrations.prefix { $0.name != migration }
        #expect(old.count == Schema.migrations.count - 1)
        try db.migrate(Array(old), appliedAt: 0)
        try db.execute(
            """
            INSERT INTO accounts (id, slug, name, time_zone, currency, prepayment_percent,
                prepayment_due_days, hold_minutes, next_order_number)
            VALUES (1, 'a', 'A', 'Europe/Berlin', 'EUR', 50, 5, 10, 2);
            INSERT INTO branches (id, account_id, name, address, opens, closes, closed_weekdays)
            VALUES (1, 1, 'Nord', '', '08:00', '18:00', '');
            INSERT INTO categories (id, account_id, name, kind) VALUES (1, 1, 'Räder', 'rental');
            INSERT INTO offers (id, account_id, branch_id, category_id, name, stock, price_unit,
                price_cents, currency, vat_rate, longest_booking)
            VALUES (1, 1, 1, 1, 'Tandem', 1, 'per_day', 1000, 'EUR', 1900, 86400);
            INSERT INTO customers (id, account_id, email, last_name, data)
            VALUES (1, 1, 'm@example.com', 'M', '{}');
            INSERT INTO orders (id, account_id, number, client_id, status, branch_id,
                return_branch_id, starts_at, ends_at, persons, customer_id, customer, priced,
                total_cents, currency, search_text, forced, taken_offline, created_at,
                updated_at)
            VALUES (1, 1, '2030-000001', 'key-1', 'reserved', 1, 1, 1900000000, 1900086400, 1,
                1, '{"lastName":"M","email":"m@example.com","termsAccepted":true}',
                '{"lines":[],"vatTotals":[],"total":{"cents":0,"currency":"EUR"},
                "prepayment":{"cents":0,"currency":"EUR"},"prepaymentDue":"2030-03-01",
                "vatRounding":"half_up_per_line"}', 0, 'EUR', '', 0, 0, 0, 0);
            INSERT INTO order_lines (account_id, order_id, offer_id, is_option, quantity,
                starts_at, ends_at, takes_units)
            VALUES (1, 1, 1, 0, 1, 1900000000, 1900086400, 1);
            INSERT INTO idempotency_keys (account_id, key, fingerprint, order_id, created_at)
            VALUES (1, 'key-1', 'fp-1', 1, 0);
            """)
    }

    /// The stored order's request under `key` with `fingerprint`, `days` later.
    static func request(key: String, fingerprint: String, days: Double = 0) throws -> NewOrder {
        let start = Date(timeIntervalSince1970: 1_900_000_000 + days * 86400)
        let draft = OrderDraft(
            branchID: BranchID(1), start: start, end: start + 86400,
            offers: [OrderItem(OfferID(1), quantity: 1)])
        let priced = PricedOrder(
            lines: [], vatTotals: [], total: Money(cents: 0), prepayment: Money(cents: 0),
            prepaymentDue: LocalDate(year: 2030, month: 3, day: 1)!,
            vatRounding: "half_up_per_line")
        let request = CreateOrderRequest(
            clientID: key, draft: draft,
            customer: CustomerData(lastName: "M", email: "m@example.com", termsAccepted: true),
            expectedTotal: Money(cents: 0))
        return try NewOrder(
            request: request, priced: priced, idempotencyKey: key, fingerprint: fingerprint,
            year: 2030)
    }

    @Test func keysSurviveAndStillAnswerTheFirstOrder() throws {
        let folder = TemporaryFolder(prefix: "store-test")
        try Self.makeOldStore(in: folder.path)

        let store = try BookingStore(folder: folder.path)
        defer { store.close() }
        let scope = Scope.account(AccountID(1))
        #expect(try store.appliedMigrations().last == Self.migration)
        let replay = try store.createOrder(
            Self.request(key: "key-1", fingerprint: "fp-1"), scope: scope, now: Date())
        #expect(replay.replayed && replay.order.number == "2030-000001")
        #expect(throws: StoreError.idempotencyKeyReused) {
            try store.createOrder(
                Self.request(key: "key-1", fingerprint: "fp-2"), scope: scope, now: Date())
        }

        // A new key is stored beside the old one.
        let second = try store.createOrder(
            Self.request(key: "key-2", fingerprint: "fp-2", days: 7), scope: scope, now: Date())
        #expect(!second.replayed)
        let keys = try store.read { db in
            try db.query("SELECT key FROM idempotency_keys ORDER BY key").map { $0.text(0) }
        }
        #expect(keys == ["key-1", "key-2"])
    }

    /// One b-tree: no rowid, and no separate index for the primary key.
    @Test func theTableHasNoRowid() throws {
        let folder = TemporaryFolder(prefix: "store-test")
        try Self.makeOldStore(in: folder.path)

        let store = try BookingStore(folder: folder.path)
        defer { store.close() }
        let (withoutRowid, objects, sql) = try store.read { db in
            (
                try db.queryOne(
                    "SELECT wr FROM pragma_table_list WHERE name = 'idempotency_keys'")?.int(0),
                try db.queryOne(
                    "SELECT count(*) FROM sqlite_schema WHERE tbl_name = 'idempotency_keys'")?
                    .int(0),
                try db.queryOne("SELECT sql FROM sqlite_schema WHERE name = 'idempotency_keys'")?
                    .text(0) ?? ""
            )
        }
        #expect(withoutRowid == 1)
        #expect(objects == 1)
        #expect(sql.hasSuffix("WITHOUT ROWID"))
        #expect(try store.read { db in try db.isIntact() })
    }
}
