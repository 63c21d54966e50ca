import BookingAPI
import BookingCore
import Foundation
import TestSupport
import Testing

@testable import BookingServer

/// An audit event for every change, read by admins with filters; one access-log line per
/// request without secrets and with the address shortened.
@Suite struct AuditTests {
    @Test func everyChangeIsRecordedWithWhoWhatAndWhen() throws {
        let server = try TestServer()
        defer { server.stop() }
        let admin = try server.client(loggedInAs: DemoData.admin)
        let staff = try server.client(loggedInAs: DemoData.staff)
        let nord = try #require(
            try staff.get([Branch].self, APIPath.branches).first { $0.name == "Filiale Nord" })
        let bike = try staff.offer(named: "Fahrrad S")
        let draft = OrderDraft(
            branchID: nord.id, start: Instant.at("2031-05-05T08:00:00Z"),
            end: Instant.at("2031-05-05T12:00:00Z"), offers: [OrderItem(bike.id)])
        var request = try staff.orderRequest(draft, clientID: "offline-1", force: true)
        request.takenOffline = true
        let order = try staff.send(
            "POST", APIPath.orders, json: request, headers: ["Idempotency-Key": "offline-1"]
        ).decode(OrderInfo.self)
        _ = try staff.send("POST", APIPath.cancelOrder(order.id))
        let user = try #require(
            try admin.get([UserRecord].self, APIPath.users).first { $0.username == "staff" })
        _ = try admin.send(
            "PUT", APIPath.userAdminFlag(user.id), json: AdminFlagRequest(isAdmin: true))
        _ = try admin.send(
            "PUT", APIPath.userRestrictions(user.id),
            json: RestrictionsRequest(branchIDs: [nord.id]))
        _ = try admin.send("POST", APIPath.deactivateUser(user.id))

        let events = try admin.get(AuditEventList.self, APIPath.auditEvents + "?limit=20").events
        let actions = events.map(\.action)
        for expected in [
            "order.created", "order.cancelled", "user.admin_granted",
            "user.restrictions_changed", "user.deactivated", "session.logged_in",
        ] {
            #expect(actions.contains(expected), "\(expected) in \(actions)")
        }
        let created = try #require(events.first { $0.action == "order.created" })
        #expect(created.actor == AuditActor(kind: .user, id: user.id.rawValue, name: "staff"))
        #expect(created.target == AuditTarget(type: "order", id: order.id.rawValue))
        #expect(created.takenOffline && created.forced)
        #expect(created.details["number"] == order.number)
        let restricted = try #require(events.first { $0.action == "user.restrictions_changed" })
        #expect(restricted.details == ["branches": "\(nord.id)", "categories": "all"])
        #expect(restricted.actor.name == "admin")
        // Details never hold personal data.
        let text = try admin.send("GET", APIPath.auditEvents + "?limit=500").text
        #expect(!text.contains("erika@example.com") && !text.contains("Mustermann"))
    }

    @Test func filtersNarrowTheTrail() throws {
        let server = try TestServer()
        defer { server.stop() }
        let admin = try server.client(loggedInAs: DemoData.admin)
        _ = try server.client(loggedInAs: DemoData.staff)
        func actions(_ query: String) throws -> [String] {
            try admin.get(AuditEventList.self, APIPath.auditEvents + query).events.map(\.action)
        }
        #expect(try actions("?action=tour.").allSatisfy { $0.hasPrefix("tour.") })
        #expect(try actions("?action=tour.").count == 4)  // the demo's four tours
        #expect(try actions("?action=session.logged_in&actor=staff") == ["session.logged_in"])
        let guide = try #require(try admin.get([GuideRecord].self, APIPath.guides).first)
        #expect(
            try actions("?target=guide:\(guide.id)") == ["guide.access_created", "guide.created"])
        #expect(try actions("?target=account").contains("account.created"))
        #expect(try actions("?from=2099-01-01T00:00:00Z").isEmpty)
        #expect(try actions("?to=2000-01-01T00:00:00Z").isEmpty)

        let page = try admin.get(AuditEventList.self, APIPath.auditEvents + "?limit=2")
        let cursor = try #require(page.nextCursor)
        let next = try admin.get(
            AuditEventList.self, APIPath.auditEvents + "?limit=2&after=\(cursor)")
        #expect(next.events.allSatisfy { $0.id < page.events.last!.id })
        for query in [
            "?limit=0", "?limit=501", "?after=x", "?target=:5", "?target=a:b", "?from=gestern",
        ] {
            #expect(try admin.send("GET", APIPath.auditEvents + query).status == 400, "\(query)")
        }
    }
}

@Suite struct AccessLogTests {
    @Test func oneLinePerRequestWithoutSecretsAndWithAShortenedAddress() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try server.client(loggedInAs: DemoData.staff)
        let token = try #require(client.token)
        _ = try client.send(
            "GET", APIPath.orders + "?q=Mustermann&limit=5",
            headers: [
                "User-Agent": "booking-desk/1.0", "Referer": "https://u:pw@desk.example/x?secret=1",
            ])
        let lines = try server.accessLogLines()
        #expect(lines.count == 2)  // log-in and search
        let search = try #require(lines.last)
        #expect(search.contains("[access] request method=GET"))
        #expect(search.contains("path=/api/v1/orders?q=&limit= status=200"))
        #expect(search.contains("ip=127.0.0.0"))
        #expect(search.contains("agent=booking-desk/1.0"))
        #expect(search.contains("referrer=https://desk.example/x"))
        #expect(search.contains(" ms="))
        let all = lines.joined(separator: "\n")
        for secret in [token, "Mustermann", "demo-staff", "pw@", "secret=1", "127.0.0.1"] {
            #expect(!all.contains(secret), "the access log holds \(secret)")
        }
        let mode = try FileManager.default.attributesOfItem(
            atPath: server.folder + "/logs/access.log")[.posixPermissions]
        #expect((mode as? NSNumber)?.intValue == 0o600)
    }

    @Test(arguments: [
        ("192.0.2.77", "192.0.2.0"), ("10.1.2.3", "10.1.2.0"),
        ("2001:db8:1234:5678::1", "2001:db8:1234::"), ("2001:db8::1", "2001:db8:0::"),
        ("::ffff:198.51.100.9", "198.51.100.0"), ("::1", "0:0:0::"), ("", "-"), ("nonsense", "-"),
    ])
    func addressesAreShortenedToTheirNetwork(_ address: String, _ shortened: String) {
        #expect(ClientAddress.shortened(address) == shortened)
    }

    @Test(arguments: [
        (nil, "-"), ("", "-"), ("https://desk.example/kalender", "https://desk.example/kalender"),
        ("https://anna:geheim@desk.example/x?q=Meier#top", "https://desk.example/x"),
        ("android-app://com.example", "android-app://com.example"), ("kein URL?a=b", "kein URL"),
    ])
    func referrersLoseQueryFragmentAndCredentials(_ referrer: String?, _ logged: String) {
        #expect(AccessLog.referrer(referrer) == logged)
    }
}

@Suite struct AccessLogFormatTests {
    @Test(arguments: [(0, "0.000"), (7, "0.007"), (1234, "1.234"), (1_000_000, "1000.000")])
    func durationsAreWrittenInMilliseconds(_ micros: UInt64, _ text: String) {
        #expect(AccessLog.milliseconds(micros) == text)
    }
}
