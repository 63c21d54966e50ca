import BookingAPI
import BookingCore
import BookingServer
import Foundation
import TestSupport
import Testing

/// The vendor's support log-in: created by the command, acting in the account named by
/// `X-Account` on every request, each request audited with the superuser's name.
@Suite struct SuperuserTests {
    @Test func actsOnlyInTheAccountEachRequestNames() throws {
        let server = try TestServer()
        defer { server.stop() }
        let login = try server.createSuperuser("anna")
        let support = try server.client()

        // The log-in itself names the account too.
        let bare = try support.send(
            "POST", APIPath.session,
            json: LoginRequest(
                account: login.account, username: login.username, password: login.password))
        #expect(bare.status == 400)
        #expect(bare.envelope?.error.field == APIPath.accountHeader)
        support.actingAccount = "demo"
        let session = try support.logIn(login).session
        #expect(session.user.role == .superuser)
        #expect(session.account.slug == "demo")

        let demoOffers = try support.get([Offer].self, APIPath.offers)
        #expect(demoOffers.count >= 20)
        support.actingAccount = "nordsee"
        let nordseeOffers = try support.get([Offer].self, APIPath.offers)
        #expect(nordseeOffers.map(\.name) == ["Strandrad"])
        #expect(try support.get(SessionInfo.self, APIPath.session).account.slug == "nordsee")
        // No account named: refused; an unknown one: not found.
        support.actingAccount = nil
        #expect(try support.send("GET", APIPath.offers).status == 400)
        support.actingAccount = "nirgendwo"
        #expect(try support.send("GET", APIPath.offers).status == 404)
    }

    @Test func everyRequestIsAuditedWithTheSuperusersName() throws {
        let server = try TestServer()
        defer { server.stop() }
        let support = try server.client()
        support.actingAccount = "demo"
        try support.logIn(try server.createSuperuser("anna"))
        _ = try support.send("GET", APIPath.orders)
        let order = try #require(try support.get(OrderList.self, APIPath.orders).orders.first)
        _ = try support.send("POST", APIPath.cancelOrder(order.id))
        _ = try support.send("GET", APIPath.guideTours)  // refused, audited all the same

        let admin = try server.client(loggedInAs: DemoData.admin)
        let accesses = try admin.get(
            AuditEventList.self, APIPath.auditEvents + "?action=session.superuser_access"
        ).events
        #expect(accesses.count == 4)
        #expect(
            accesses.allSatisfy { $0.actor == AuditActor(kind: .superuser, id: 1, name: "anna") })
        #expect(accesses.map { $0.details["route"] ?? "" }.contains(APIPath.guideTours))
        #expect(accesses.first?.details["status"] == "403")
        let cancelled = try admin.get(
            AuditEventList.self, APIPath.auditEvents + "?action=order.cancelled"
        ).events
        #expect(cancelled.first?.actor.name == "anna")
        #expect(cancelled.first?.target == AuditTarget(type: "order", id: order.id.rawValue))

        // The other account sees none of it.
        let other = try server.client(loggedInAs: DemoData.otherAdmin)
        let theirs = try other.get(
            AuditEventList.self, APIPath.auditEvents + "?action=session.superuser_access")
        #expect(theirs.events.isEmpty)
    }

    @Test func superusersHaveNoAccountPasswordAndUsersNoSupportLogIn() throws {
        let server = try TestServer()
        defer { server.stop() }
        let login = try server.createSuperuser("anna")
        let client = try server.client()
        // A superuser's name is no user of an account, and a user is no superuser.
        let asUser = try client.send(
            "POST", APIPath.session,
            json: LoginRequest(account: "demo", username: "anna", password: login.password))
        #expect(asUser.status == 401)
        client.actingAccount = "demo"
        let asSupport = try client.send(
            "POST", APIPath.session,
            json: LoginRequest(
                account: LoginRequest.supportAccount, username: "admin", password: "demo-admin"))
        #expect(asSupport.status == 401)
        #expect(throws: (any Error).self) { try server.createSuperuser("anna") }
    }
}
