import BookingAPI
import BookingCore
import Foundation
import SQLite
import TestFiles
import Testing

@testable import BookingStore

/// The change sequence behind the delta-sync feed, on a real SQLite file.
@Suite struct ChangeFeedStoreTests {
    /// A database made before the change feed keeps its orders: they come with a full
    /// fetch (stamped 0), not with a delta, and new changes continue the sequence.
    @Test func anUpgradedDatabaseServesItsOldOrdersInTheFullFetch() throws {
        let folder = TemporaryFolder(prefix: "store-test")
        do {
            let db = try Database(path: folder.path + "/" + BookingStore.fileName)
            try db.execute(
                "CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)")
            for migration in Schema.migrations.prefix(while: { $0.name != "change-feed" }) {
                try db.execute(migration.sql)
                try db.run("INSERT INTO migrations VALUES (?, 0)", [migration.name])
            }
            try db.execute(
                """
                INSERT INTO accounts (id, slug, name, time_zone, currency, prepayment_percent,
                    prepayment_due_days, hold_minutes, next_order_number)
                VALUES (1, 'a', 'A', 'Europe/Berlin', 'EUR', 50, 5, 10, 2);
                INSERT INTO branches VALUES (1, 1, 'Nord', '', '08:00', '18:00', '');
                INSERT INTO categories VALUES (1, 1, 'Räder', 'rental');
                INSERT INTO offers VALUES (1, 1, 1, 1, 'Tandem', 1, 'per_day', 1000, NULL, 'EUR',
                    1900, NULL, 0, 86400, 1);
                INSERT INTO customers (id, account_id, email, first_name, last_name, data)
                VALUES (1, 1, 'm@example.com', NULL, 'M', '{}');
                INSERT INTO orders VALUES (1, 1, '2030-000001', 'c', 'reserved', 1, 1,
                    1900000000, 1900086400, 1, 1, '{"lastName":"M","email":"m@example.com",
                    "termsAccepted":true}', '{"lines":[],"vatTotals":[],"total":{"cents":0,
                    "currency":"EUR"},"prepayment":{"cents":0,"currency":"EUR"},
                    "prepaymentDue":"2030-03-01","vatRounding":"half_up_per_line"}', 0, 'EUR',
                    '', 0, 0, NULL, 0, 0);
                INSERT INTO order_lines VALUES (1, 1, 1, 1, 0, 1, 1900000000, 1900086400, 1);
                """)
        }
        let store = try BookingStore(folder: folder.path)
        defer { store.close() }
        #expect(try store.appliedMigrations() == Schema.migrations.map(\.name))
        let scope = Scope.account(AccountID(1))
        let full = try store.orderChanges(since: nil, endingFrom: nil, limit: 10, scope: scope)
        #expect(full.orders.map(\.number) == ["2030-000001"])
        #expect(full.isComplete && full.sequence == 0)
        #expect(
            try store.orderChanges(since: 0, endingFrom: nil, limit: 10, scope: scope).orders
                .isEmpty)
        #expect(try store.catalogueChanges(since: nil, scope: scope).offers.count == 1)

        let moved = try store.moveOrder(OrderID(1), to: .cancelled, scope: scope, now: Date())
        #expect(moved.status == .cancelled)
        let delta = try store.orderChanges(since: 0, endingFrom: nil, limit: 10, scope: scope)
        #expect(delta.orders.map(\.status) == [.cancelled])
        #expect(delta.sequence == 1 && !delta.isComplete && !delta.more)
    }
}
