import BookingAPI
import BookingCore
import BookingServer
import BookingStore
import Foundation
import SQLite
import TestSupport
import Testing

/// Privacy tools: everything stored about a person, an anonymised copy of an account,
/// backups on a schedule and a restore that finds the orders again.
@Suite struct PrivacyTests {
    @Test func anAdminExportsEverythingStoredAboutACustomer() throws {
        let server = try TestServer()
        defer { server.stop() }
        let admin = try server.client(loggedInAs: DemoData.admin)
        let orders = try admin.get(OrderList.self, APIPath.orders + "?q=aylin").orders
        let customerID = try #require(orders.first?.customerID)
        let response = try admin.send("GET", APIPath.customerExport(customerID))
        let export = try response.decode(PersonExport.self)
        #expect(export.kind == "customer" && export.account.slug == "demo")
        #expect(export.customer?.email == "aylin@example.org")
        #expect(Set(export.orders.map(\.id)) == Set(orders.map(\.id)))
        #expect(export.auditEvents.contains { $0.action == "customer.created" })
        #expect(!response.text.contains("argon2") && !response.text.contains("token"))
        let trail = try admin.get(
            AuditEventList.self, APIPath.auditEvents + "?action=customer.exported")
        #expect(
            trail.events.first?.target == AuditTarget(type: "customer", id: customerID.rawValue))
    }

    @Test func anAdminExportsEverythingStoredAboutAUserAndTheCommandDoesToo() throws {
        let server = try TestServer()
        defer { server.stop() }
        let admin = try server.client(loggedInAs: DemoData.admin)
        _ = try server.client(loggedInAs: DemoData.guide)
        let guide = try #require(
            try admin.get([UserRecord].self, APIPath.users).first { $0.role == .guide })
        let export = try admin.get(PersonExport.self, APIPath.userExport(guide.id))
        #expect(export.user?.username == "guide")
        #expect(export.guide?.data.bank?.iban.value == "DE89370400440532013000")
        #expect(export.sessions.count == 1 && export.sessions[0].endedAt == nil)
        #expect(export.auditEvents.contains { $0.action == "session.logged_in" })

        let bytes = try Administration.exportPerson(
            dataFolder: server.folder, account: "demo", username: "guide")
        let fromCommand = try APIJSON.decoder().decode(PersonExport.self, from: bytes)
        #expect(fromCommand.user == export.user && fromCommand.guide == export.guide)
        let customer = try Administration.exportPerson(
            dataFolder: server.folder, account: "demo", customerEmail: "SVEN.HANSEN@example.org")
        #expect(try APIJSON.decoder().decode(PersonExport.self, from: customer).orders.count == 2)
        #expect(throws: (any Error).self) {
            try Administration.exportPerson(
                dataFolder: server.folder, account: "demo", username: "x")
        }
    }

    @Test func theAnonymisedCopyKeepsOneAccountWithoutItsPeople() throws {
        let server = try TestServer()
        let admin = try server.client(loggedInAs: DemoData.admin)
        let orders = try admin.get(OrderList.self, APIPath.orders).orders
        let copy = server.folder + "-anonymised.sqlite"
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try Administration.anonymise(dataFolder: server.folder, account: "demo", to: copy)
        server.stop()

        let bytes = try #require(FileManager.default.contents(atPath: copy))
        for person in [
            "juergen.weiss@example.org", "Öztürk", "Hansen", "Greta Gerber", "guide@example.com",
            "Anna Admin", "admin@example.com", "Lindenweg", "+49 4561", "DE89370400440532013000",
            "$argon2id", "Nordsee Verleih",
        ] {
            #expect(bytes.range(of: Data(person.utf8)) == nil, "the copy holds \(person)")
        }
        let db = try Database(path: copy, readOnly: true)
        #expect(try db.query("SELECT slug FROM accounts").map { $0.text(0) } == ["demo"])
        #expect(try db.queryOne("SELECT count(*) FROM orders")?.int(0) == orders.count)
        #expect(try db.queryOne("SELECT count(*) FROM sessions")?.int(0) == 0)
        let mode = try FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions]
        #expect((mode as? NSNumber)?.intValue == 0o600)
        #expect(throws: (any Error).self) {
            try Administration.anonymise(dataFolder: server.folder, account: "nowhere", to: copy)
        }
    }

    @Test func backupsRunOnTheirScheduleAndOnlyTheNewestAreKept() throws {
        let folder = TestServer.makeFolder()
        let server = try TestServer(folder: folder) {
            $0.backupInterval = 0.2
            $0.backupsKept = 2
        }
        defer { server.stop() }
        let backups = folder + "/backups"
        var seen: Set<String> = []
        let deadline = Date() + 10
        while seen.count < 4, Date() < deadline {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: backups)) ?? [])
                .filter { $0.hasSuffix(".sqlite") }  // not the journal of one being written
            #expect(names.count <= 2, "\(names)")
            seen.formUnion(names)
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(seen.count >= 4)
        let newest = try #require(
            try FileManager.default.contentsOfDirectory(atPath: backups).max())
        let db = try Database(path: backups + "/" + newest, readOnly: true)
        #expect(try db.isIntact())
        #expect(try db.queryOne("SELECT count(*) FROM accounts")?.int(0) == 2)
    }

    @Test func aRestoredBackupHasItsOrdersAndNotTheLaterOnes() throws {
        let server = try TestServer()
        let staff = try server.client(loggedInAs: DemoData.staff)
        let nord = try #require(
            try staff.get([Branch].self, APIPath.branches).first { $0.name == "Filiale Nord" })
        let tandem = try staff.offer(named: "Tandem")
        func order(_ day: String) throws -> OrderInfo {
            try #require(
                try staff.placeOrder(
                    OrderDraft(
                        branchID: nord.id, start: Instant.at(day + "T08:00:00Z"),
                        end: Instant.at(day + "T12:00:00Z"), offers: [OrderItem(tandem.id)])
                ).order)
        }
        let kept = try order("2031-08-01")
        let backup = try Administration.backup(dataFolder: server.folder)
        let lost = try order("2031-08-02")
        // Not while the server has the folder open.
        #expect(throws: (any Error).self) {
            try Administration.restore(dataFolder: server.folder, from: backup)
        }
        server.stop(removingData: false)

        let replaced = try Administration.restore(dataFolder: server.folder, from: backup)
        #expect(FileManager.default.fileExists(atPath: replaced))
        let restored = try TestServer(folder: server.folder)
        defer { restored.stop() }
        let client = try restored.client(loggedInAs: DemoData.staff)
        #expect(try client.get(OrderInfo.self, APIPath.order(kept.id)) == kept)
        #expect(try client.send("GET", APIPath.order(lost.id)).status == 404)
    }

    @Test func onlyAnIntactStoreIsRestored() throws {
        let folder = TestServer.makeFolder()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let junk = folder + "/junk.sqlite"
        try "not a database".write(toFile: junk, atomically: true, encoding: .utf8)
        #expect(throws: BackupError.self) {
            try Administration.restore(dataFolder: folder, from: junk)
        }
        #expect(throws: BackupError.self) {
            try Administration.restore(dataFolder: folder, from: folder + "/missing.sqlite")
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/booking.sqlite"))
    }
}
