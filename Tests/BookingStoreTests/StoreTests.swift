import BookingAPI
import BookingCore
import Foundation
import SQLite
import Synchronization
import TestFiles
import Testing

@testable import BookingStore

@Suite struct MigrationTests {
    @Test func migrationsAreRecordedOnceAndDataSurvivesReopening() throws {
        let folder = TemporaryFolder(prefix: "store-test")
        do {
            let store = try BookingStore(folder: folder.path)
            defer { store.close() }
            #expect(
                try store.appliedMigrations() == [
                    "0001-accounts-users-sessions", "0002-catalog", "0003-orders-holds-idempotency",
                    "0004-bounded-availability-reads", "0005-security", "change-feed",
                    "idempotency-keys-without-rowid",
                ])
            _ = try store.createAccount(NewAccount(slug: "kept", name: "Kept"))
        }
        let again = try BookingStore(folder: folder.path)
        defer { again.close() }
        #expect(try again.appliedMigrations().count == 7)
        let mode = try FileManager.default.attributesOfItem(atPath: again.path)[.posixPermissions]
        #expect((mode as? NSNumber)?.intValue == 0o600)
        #expect(try again.account(slug: "kept")?.name == "Kept")
        #expect(try !again.isEmpty())
    }

    @Test func theFileIsInWALModeWithForeignKeysEnforced() throws {
        let fixture = try StoreFixture()
        let db = try Database(path: fixture.store.path)
        #expect(try db.queryOne("PRAGMA journal_mode")?.text(0) == "wal")
        #expect(throws: SQLiteError.self) {
            try db.run(
                "INSERT INTO branches (account_id, name, address, opens, closes, closed_weekdays) "
                    + "VALUES (999, 'x', '', '08:00', '18:00', '')"
            )
        }
    }
}

@Suite struct TenantTests {
    @Test func theStoreAddsTheAccountFilterItself() throws {
        let f = try StoreFixture()
        #expect(try f.store.branches(scope: f.other).map(\.name) == ["Fremd"])
        #expect(try f.store.offer(f.tandem.id, scope: f.other) == nil)
        #expect(try f.store.offer(f.foreignOffer.id, scope: f.main) == nil)
        #expect(try f.store.offers(scope: f.main).count == 3)

        let order = try f.store.createOrder(
            f.newOrder(f.draft(f.bikes)), scope: f.main, now: Date())
        #expect(try f.store.order(order.order.id, scope: f.other) == nil)
        #expect(try f.store.orders(OrderQuery(), scope: f.other).orders.isEmpty)
        #expect(throws: StoreError.notFound("order")) {
            try f.store.moveOrder(order.order.id, to: .cancelled, scope: f.other, now: Date())
        }
    }

    @Test func ordersForAnotherAccountsOfferAreRefusedAsMissing() throws {
        let f = try StoreFixture()
        #expect(throws: StoreError.notFound("branch")) {
            try f.store.createOrder(f.newOrder(f.draft(f.foreignOffer)), scope: f.main, now: Date())
        }
        var draft = f.draft(f.bikes)
        draft.offers = [OrderItem(f.foreignOffer.id)]
        #expect(throws: StoreError.notFound("offer")) {
            try f.store.createOrder(f.newOrder(draft), scope: f.main, now: Date())
        }
        #expect(try f.store.orders(OrderQuery(), scope: f.main).orders.isEmpty)
    }

    @Test func branchRestrictionsHideOtherBranchesEverywhere() throws {
        let f = try StoreFixture()
        let sued = try #require(
            try f.store.offers(scope: f.main).first { $0.offer.name == "Südrad" })
        let order = try f.store.createOrder(
            f.newOrder(f.draft(sued.offer)), scope: f.main, now: Date())
        var restricted = f.main
        restricted.branchIDs = [f.branch.id]
        #expect(try f.store.branches(scope: restricted).map(\.id) == [f.branch.id])
        #expect(
            try f.store.offers(scope: restricted).allSatisfy { $0.offer.branchID == f.branch.id })
        #expect(try f.store.offer(sued.offer.id, scope: restricted) == nil)
        #expect(try f.store.order(order.order.id, scope: restricted) == nil)
    }
}

@Suite struct OrderStoreTests {
    @Test func anOrderTakesUnitsAndCancellingFreesThem() throws {
        let f = try StoreFixture()
        let draft = f.draft(f.tandem)
        let created = try f.store.createOrder(f.newOrder(draft), scope: f.main, now: Date())
        #expect(created.order.number == "2030-000001")
        #expect(try f.free(f.tandem, draft) == 0)
        #expect(throws: StoreError.soldOut(offerID: f.tandem.id, free: 0)) {
            try f.store.createOrder(f.newOrder(draft), scope: f.main, now: Date())
        }
        _ = try f.store.moveOrder(created.order.id, to: .cancelled, scope: f.main, now: Date())
        #expect(try f.free(f.tandem, draft) == 1)
        let next = try f.store.createOrder(f.newOrder(draft), scope: f.main, now: Date())
        #expect(next.order.number == "2030-000002")
    }

    @Test func touchingPeriodsDoNotCollide() throws {
        let f = try StoreFixture()
        let morning = f.draft(f.tandem, hours: 4)
        let afternoon = f.draft(f.tandem, hours: 4, from: morning.end)
        _ = try f.store.createOrder(f.newOrder(morning), scope: f.main, now: Date())
        _ = try f.store.createOrder(f.newOrder(afternoon), scope: f.main, now: Date())
        #expect(try f.free(f.tandem, morning) == 0)
    }

    @Test func forceOverbooksAndTheShortageShows() throws {
        let f = try StoreFixture()
        let draft = f.draft(f.tandem)
        _ = try f.store.createOrder(f.newOrder(draft), scope: f.main, now: Date())
        let forced = try f.store.createOrder(
            f.newOrder(draft, force: true), scope: f.main, now: Date())
        #expect(forced.order.forced)
        #expect(try f.free(f.tandem, draft) == -1)
    }

    @Test func statusesMoveOnlyAlongTheirRules() throws {
        let f = try StoreFixture()
        let order = try f.store.createOrder(
            f.newOrder(f.draft(f.bikes)), scope: f.main, now: Date())
        let id = order.order.id
        #expect(throws: StoreError.invalidTransition(from: .reserved, to: .returned)) {
            try f.store.moveOrder(id, to: .returned, scope: f.main, now: Date())
        }
        #expect(
            try f.store.moveOrder(id, to: .pickedUp, scope: f.main, now: Date()).status == .pickedUp
        )
        #expect(
            try f.store.moveOrder(id, to: .returned, scope: f.main, now: Date()).status == .returned
        )
        #expect(try f.store.order(id, scope: f.main)?.status == .returned)
    }

    @Test func theSameKeyReplaysAndAnotherFingerprintIsRefused() throws {
        let f = try StoreFixture()
        let new = f.newOrder(f.draft(f.bikes), key: "k1")
        let first = try f.store.createOrder(new, scope: f.main, now: Date())
        let second = try f.store.createOrder(new, scope: f.main, now: Date())
        #expect(!first.replayed)
        #expect(second.replayed)
        #expect(second.order == first.order)
        #expect(throws: StoreError.idempotencyKeyReused) {
            try f.store.createOrder(
                f.newOrder(f.draft(f.bikes, quantity: 2), key: "k1", fingerprint: "other"),
                scope: f.main, now: Date())
        }
        var reusedClient = f.newOrder(f.draft(f.bikes), key: "k2")
        reusedClient.request.clientID = "k1"
        #expect(throws: StoreError.duplicateClientID) {
            try f.store.createOrder(reusedClient, scope: f.main, now: Date())
        }
        #expect(try f.store.orders(OrderQuery(), scope: f.main).orders.count == 1)
    }

    @Test func aReturningCustomerKeepsTheirRecordWithTheLatestData() throws {
        let f = try StoreFixture()
        func order(city: String?) throws -> OrderCreation {
            let new = f.newOrder(f.draft(f.bikes))
            var request = new.request
            request.customer.city = city
            return try f.store.createOrder(
                NewOrder(
                    request: request, priced: new.priced, idempotencyKey: new.idempotencyKey,
                    fingerprint: new.fingerprint, year: 2030), scope: f.main, now: Date())
        }

        let first = try order(city: nil)
        let second = try order(city: "Kiel")
        let unchanged = try order(city: "Kiel")

        #expect(second.order.customerID == first.order.customerID)
        #expect(!unchanged.replayed && unchanged.order.customerID == first.order.customerID)
        let record = try f.store.customer(first.order.customerID, scope: f.main)
        #expect(record?.data.city == "Kiel")
        #expect(record?.orderCount == 3)
    }
}

@Suite struct HoldStoreTests {
    @Test func aHoldTakesUnitsUntilItExpires() throws {
        let f = try StoreFixture()
        let draft = f.draft(f.tandem)
        let now = Date()
        _ = try f.store.createHold(draft: draft, scope: f.main, now: now, expiresAt: now + 600)
        #expect(try f.free(f.tandem, draft, now: now) == 0)
        #expect(throws: StoreError.soldOut(offerID: f.tandem.id, free: 0)) {
            try f.store.createOrder(f.newOrder(draft), scope: f.main, now: now + 60)
        }
        #expect(try f.free(f.tandem, draft, now: now + 601) == 1)
        _ = try f.store.createOrder(f.newOrder(draft), scope: f.main, now: now + 601)
    }

    @Test func aHoldBecomesItsOrderAndAnExpiredOneIsRefused() throws {
        let f = try StoreFixture()
        let draft = f.draft(f.tandem)
        let now = Date()
        let hold = try f.store.createHold(
            draft: draft, scope: f.main, now: now, expiresAt: now + 600)
        _ = try f.store.createOrder(f.newOrder(draft, hold: hold.id), scope: f.main, now: now + 60)
        #expect(try f.free(f.tandem, draft, now: now + 60) == 0)
        #expect(throws: StoreError.notFound("hold")) {
            try f.store.deleteHold(hold.id, scope: f.main)
        }

        let later = f.draft(f.tandem, from: draft.end + 3600)
        let expiring = try f.store.createHold(
            draft: later, scope: f.main, now: now, expiresAt: now + 600)
        #expect(throws: StoreError.holdExpired) {
            try f.store.createOrder(
                f.newOrder(later, hold: expiring.id), scope: f.main, now: now + 601)
        }
    }

    @Test func anotherAccountCannotReleaseAHold() throws {
        let f = try StoreFixture()
        let now = Date()
        let hold = try f.store.createHold(
            draft: f.draft(f.tandem), scope: f.main, now: now, expiresAt: now + 600)
        #expect(throws: StoreError.notFound("hold")) {
            try f.store.deleteHold(hold.id, scope: f.other)
        }
        try f.store.deleteHold(hold.id, scope: f.main)
        #expect(try f.free(f.tandem, f.draft(f.tandem), now: now) == 1)
    }
}

@Suite struct ConcurrencyStoreTests {
    @Test func thirtyTwoThreadsForTheLastUnitMakeOneOrder() throws {
        let f = try StoreFixture()
        let store = f.store
        let scope = f.main
        let orders = (0..<32).map { f.newOrder(f.draft(f.tandem), key: "race-\($0)") }
        let outcomes = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: orders.count) { index in
            let outcome: String
            do {
                _ = try store.createOrder(orders[index], scope: scope, now: Date())
                outcome = "created"
            } catch StoreError.soldOut {
                outcome = "sold out"
            } catch {
                outcome = "\(error)"
            }
            outcomes.withLock { $0.append(outcome) }
        }
        let all = outcomes.withLock { $0 }
        #expect(all.filter { $0 == "created" }.count == 1)
        #expect(all.filter { $0 == "sold out" }.count == 31)
    }

    /// Jobs that write and then throw, mixed into the same groups as jobs that succeed:
    /// every failing job leaves nothing behind, every other one is kept.
    @Test func aFailingJobUndoesOnlyItsOwnWrites() throws {
        let f = try StoreFixture()
        let store = f.store
        try store.write { db in try db.execute("CREATE TABLE marks (n INTEGER)") }
        struct Refused: Error {}
        DispatchQueue.concurrentPerform(iterations: 200) { index in
            _ = try? store.write { db in
                try db.run("INSERT INTO marks (n) VALUES (?)", [index])
                if index % 3 == 0 { throw Refused() }
            }
        }
        let kept = try store.read { db in try db.query("SELECT n FROM marks").map { $0.int(0) } }
        #expect(Set(kept) == Set((0..<200).filter { $0 % 3 != 0 }))
        #expect(kept.count == 133)
    }

    @Test func concurrentCommitsAreAllDurable() throws {
        let folder = TemporaryFolder(prefix: "store-test")
        let store = try BookingStore(folder: folder.path)
        let scope = Scope.account(try store.createAccount(NewAccount(slug: "a", name: "A")).id)
        DispatchQueue.concurrentPerform(iterations: 200) { index in
            _ = try? store.addBranch(StoreFixture.branch("Filiale \(index)"), scope: scope)
        }
        store.close()
        let reopened = try BookingStore(folder: folder.path)
        defer { reopened.close() }
        #expect(try reopened.branches(scope: scope).count == 200)
        #expect(throws: StoreError.unavailable) {
            try store.addBranch(StoreFixture.branch("late"), scope: scope)
        }
    }
}

@Suite struct UpgradeTests {
    /// A database made before migration 0004 keeps its bookings, and their length now
    /// bounds availability reads.
    @Test func migration0004KeepsAndMeasuresExistingBookings() throws {
        let folder = TemporaryFolder(prefix: "store-test")
        do {
            let db = try Database(path: folder.path + "/" + BookingStore.fileName)
            try db.execute(
                "CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)")
            for migration in Schema.migrations.prefix(3) {
                try db.execute(migration.sql)
                try db.run("INSERT INTO migrations VALUES (?, 0)", [migration.name])
            }
            try db.execute(
                """
                INSERT INTO accounts VALUES (1, 'a', 'A', 'Europe/Berlin', 'EUR', 50, 5, 10, 2);
                INSERT INTO branches VALUES (1, 1, 'Nord', '', '08:00', '18:00', '');
                INSERT INTO categories VALUES (1, 1, 'Räder', 'rental');
                INSERT INTO offers VALUES (1, 1, 1, 1, 'Tandem', 1, 'per_day', 1000, NULL, 'EUR',
                    1900, NULL, 0);
                INSERT INTO customers VALUES (1, 1, 'm@example.com', NULL, 'M', '{}');
                INSERT INTO orders VALUES (1, 1, '2030-000001', 'c', 'reserved', 1, 1,
                    1900000000, 1900086400, 1, 1, '{}', '{}', 0, 'EUR', '', 0, 0, NULL, 0, 0);
                INSERT INTO order_lines VALUES (1, 1, 1, 1, 0, 1, 1900000000, 1900086400, 1);
                """)
        }
        let store = try BookingStore(folder: folder.path)
        defer { store.close() }
        #expect(try store.appliedMigrations() == Schema.migrations.map(\.name))
        let scope = Scope.account(AccountID(1))
        // A later, shorter period inside the old booking still sees it.
        let inside = try Period(
            start: Date(timeIntervalSince1970: 1_900_080_000),
            end: Date(timeIntervalSince1970: 1_900_083_600))
        let booked = try store.bookedUnits(
            offers: [OfferID(1)], over: inside, scope: scope, now: Date())
        #expect(booked[OfferID(1)]?.count == 1)
    }
}

@Suite struct SessionStoreTests {
    /// Reads stay reads: a session's use is written at most once a minute.
    @Test func lastSeenIsWrittenAtMostOnceAMinute() throws {
        let f = try StoreFixture()
        let user = try f.store.createUser(
            NewUser(
                username: "u", name: "U", email: "u@example.com", role: .staff, passwordHash: "!"),
            scope: f.main)
        let start = Date(timeIntervalSince1970: 1_900_000_000)
        try f.store.createSession(
            tokenHash: "h", user: user.id, scope: f.main, now: start, expiresAt: start + 3600)
        func lastSeen() throws -> Date? {
            try f.store.waitForQueuedWrites()
            // Bound first: chaining `.sessions.first?` straight off this call crashed in
            // Swift 6.3.1 debug builds (a bad pointer reading the array).
            let export = try f.store.exportUser(user.id, scope: f.main, now: start)
            return export.sessions.first?.lastSeenAt
        }
        #expect(try f.store.session(tokenHash: "h", now: start + 30, idleTimeout: 600) != nil)
        #expect(try lastSeen() == start)
        #expect(try f.store.session(tokenHash: "h", now: start + 61, idleTimeout: 600) != nil)
        #expect(try lastSeen() == start + 61)
        #expect(try f.store.session(tokenHash: "h", now: start + 61 + 601, idleTimeout: 600) == nil)
    }
}

@Suite struct AuditDetailsTests {
    @Test func detailsAreWrittenAsJSONTheDecoderReadsBack() throws {
        let details = [
            "number": "2031-000001", "quote": "a \"b\" c", "slash": "back\\slash",
            "line": "one\ntwo\u{1}", "umlaut": "Größe", "": "",
        ]
        let text = BookingStore.detailsJSON(details)
        #expect(try JSONDecoder().decode([String: String].self, from: Data(text.utf8)) == details)
        #expect(BookingStore.detailsJSON([:]) == "{}")
        #expect(BookingStore.detailsJSON(["b": "2", "a": "1"]) == #"{"a":"1","b":"2"}"#)
    }
}
