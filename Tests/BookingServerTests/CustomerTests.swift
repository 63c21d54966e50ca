import BookingAPI
import BookingCore
import BookingServer
import Foundation
import TestSupport
import Testing

/// Customers: made with their first order, one per e-mail address in an account, a log-in
/// where the account's setting says so, and visible through the orders a user may see.
@Suite struct CustomerTests {
    struct Desk {
        let server: TestServer
        let admin: APIClient
        let nord: Branch
        let hafen: Branch

        init() throws {
            server = try TestServer()
            admin = try server.client(loggedInAs: DemoData.admin)
            let branches = try admin.get([Branch].self, APIPath.branches)
            nord = try #require(branches.first { $0.name == "Filiale Nord" })
            hafen = try #require(branches.first { $0.name == "Filiale Hafen" })
        }

        /// Places an order at `branch` for `email` on day `day` of July 2031.
        @discardableResult
        func order(_ email: String, at branch: Branch, day: Int, by client: APIClient? = nil)
            throws -> OrderInfo
        {
            let offer = try admin.offer(named: branch == nord ? "Fahrrad L" : "Strandrad")
            let start = Instant.at("2031-07-01T09:00:00Z") + Double(day) * 86_400
            let draft = OrderDraft(
                branchID: branch.id, start: start, end: start + 3600, offers: [OrderItem(offer.id)])
            var request = try admin.orderRequest(draft, clientID: UUID().uuidString)
            request.customer = CustomerData(
                firstName: "Frieda", lastName: "Fischer", email: email, termsAccepted: true)
            let response = try (client ?? admin).send(
                "POST", APIPath.orders, json: request,
                headers: [APIPath.idempotencyKeyHeader: request.clientID])
            guard response.status == 201 else {
                throw TestFailure("order answered \(response.status): \(response.text)")
            }
            return try response.decode(OrderInfo.self)
        }
    }

    @Test func oneCustomerPerEMailAddressWhateverItsCase() throws {
        let desk = try Desk()
        defer { desk.server.stop() }
        let first = try desk.order("Frieda@Example.com", at: desk.nord, day: 1)
        let second = try desk.order("frieda@example.com", at: desk.hafen, day: 2)
        #expect(first.customerID == second.customerID)
        let found = try desk.admin.get(CustomerList.self, APIPath.customers + "?q=frieda")
        #expect(found.customers.count == 1)
        #expect(found.customers.first?.email == "frieda@example.com")
        #expect(found.customers.first?.orderCount == 2)
        #expect(found.customers.first?.hasLogin == false)
        #expect(try desk.server.mails(to: "frieda@example.com").isEmpty)
    }

    @Test func theAccountsSettingGivesNewCustomersAMailedPassword() throws {
        let desk = try Desk()
        defer { desk.server.stop() }
        let settings = try desk.admin.send(
            "PUT", APIPath.accountSettings, json: AccountSettings(customerPasswords: true))
        #expect(try settings.decode(AccountSettings.self).customerPasswords)
        let order = try desk.order("neu@example.com", at: desk.nord, day: 3)
        try desk.order("neu@example.com", at: desk.nord, day: 4)
        let mails = try desk.server.mails(to: "neu@example.com")
        #expect(mails.count == 1)  // with the first order only
        let password = try desk.server.mailedPassword(to: "neu@example.com")
        #expect(password.count >= 16)
        let customer = try desk.admin.get(
            CustomerRecord.self, APIPath.customer(order.customerID))
        #expect(customer.hasLogin)
        // Customers already known when the setting was switched on get no log-in.
        let known = try desk.order("frieda@example.com", at: desk.nord, day: 5)
        _ = try desk.admin.send(
            "PUT", APIPath.accountSettings, json: AccountSettings(customerPasswords: false))
        try desk.order("spaeter@example.com", at: desk.nord, day: 6)
        #expect(try desk.server.mails(to: "spaeter@example.com").isEmpty)
        #expect(
            try desk.admin.get(CustomerRecord.self, APIPath.customer(known.customerID)).hasLogin)
    }

    @Test func restrictedStaffSeeOnlyCustomersOfOrdersTheyMaySee() throws {
        let desk = try Desk()
        defer { desk.server.stop() }
        let inside = try desk.order("nord@kunden.example", at: desk.nord, day: 7)
        let outside = try desk.order("hafen@kunden.example", at: desk.hafen, day: 8)
        let both = try desk.order("beide@kunden.example", at: desk.hafen, day: 9)
        try desk.order("beide@kunden.example", at: desk.nord, day: 10)
        let nord = try desk.server.client(loggedInAs: DemoData.nord)
        let seen = try nord.get(CustomerList.self, APIPath.customers + "?q=kunden.example")
        #expect(Set(seen.customers.map(\.id)) == [inside.customerID, both.customerID])
        // Of a customer with orders at both branches, only the visible orders count.
        #expect(seen.customers.first { $0.id == both.customerID }?.orderCount == 1)
        #expect(try nord.send("GET", APIPath.customer(outside.customerID)).status == 404)
        let orders = try nord.get(OrderList.self, APIPath.orders + "?q=beide")
        #expect(orders.orders.map(\.draft.branchID) == [desk.nord.id])
    }

    @Test func customerListsPageAndRefuseBadArguments() throws {
        let desk = try Desk()
        defer { desk.server.stop() }
        for day in 0..<3 { try desk.order("p\(day)@seiten.example", at: desk.nord, day: day) }
        let page = try desk.admin.get(CustomerList.self, APIPath.customers + "?q=seiten&limit=2")
        #expect(page.customers.map(\.email) == ["p2@seiten.example", "p1@seiten.example"])
        let next = try #require(page.nextCursor)
        let rest = try desk.admin.get(
            CustomerList.self, APIPath.customers + "?q=seiten&limit=2&after=\(next)")
        #expect(rest.customers.map(\.email) == ["p0@seiten.example"] && rest.nextCursor == nil)
        for query in ["?limit=0", "?limit=500", "?after=-1", "?after=x"] {
            #expect(try desk.admin.send("GET", APIPath.customers + query).status == 400, "\(query)")
        }
        #expect(try desk.admin.send("GET", APIPath.customer(99_999)).status == 404)
    }
}
