import BookingAPI
import BookingCore
import BookingServer
import DeskClient
import Foundation
import Testing

/// Orders through the real client and server: create (idempotent), list, show, the status
/// steps, and the errors the counter meets.
@Suite struct OrderCallTests {
    private func newOrder(_ catalog: DemoCatalog, _ client: BookingClient, offer: String)
        throws -> CreateOrderRequest
    {
        let draft = try catalog.draft(offer)
        let total = try client.quote(draft).total
        return CreateOrderRequest(
            clientID: UUID().uuidString, draft: draft, customer: walkIn, expectedTotal: total)
    }

    @Test func createsAnOrderOnceWhateverTheRetries() throws {
        let server = try DemoServer()
        let client = try server.staffClient()
        let catalog = try DemoCatalog(client)
        let request = try newOrder(catalog, client, offer: "Fahrrad L")

        let first = try client.createOrder(request)
        let again = try client.createOrder(request)
        let listed = try client.orders(.init(branch: catalog.nord.id))

        #expect(again.id == first.id)
        #expect(first.clientID == request.clientID)
        #expect(first.customer.note == "Größe XL – bitte prüfen")
        #expect(listed.orders.filter { $0.clientID == request.clientID }.count == 1)
        #expect(try client.order(first.id) == first)
    }

    @Test func walksAnOrderThroughPickupAndReturn() throws {
        let server = try DemoServer()
        let client = try server.staffClient()
        let catalog = try DemoCatalog(client)
        let order = try client.createOrder(try newOrder(catalog, client, offer: "Fahrrad S"))

        let picked = try client.pickUpOrder(order.id)
        let returned = try client.returnOrder(order.id)
        let error = #expect(throws: DeskClientError.self) { try client.cancelOrder(order.id) }

        #expect(picked.status == .pickedUp)
        #expect(returned.status == .returned)
        #expect(error?.messageKey == "error.invalidTransition")
    }

    @Test func cancelsAnOrder() throws {
        let server = try DemoServer()
        let client = try server.staffClient()
        let catalog = try DemoCatalog(client)
        let order = try client.createOrder(try newOrder(catalog, client, offer: "Fahrrad S"))

        let cancelled = try client.cancelOrder(order.id)
        let found = try client.orders(.init(status: .cancelled))

        #expect(cancelled.status == .cancelled)
        #expect(found.orders.map(\.id).contains(order.id))
    }

    @Test func theLastUnitTwiceIsSoldOut() throws {
        let server = try DemoServer()
        let client = try server.staffClient()
        let catalog = try DemoCatalog(client)
        _ = try client.createOrder(try newOrder(catalog, client, offer: "Tandem"))

        let error = #expect(throws: DeskClientError.self) {
            try client.createOrder(try newOrder(catalog, client, offer: "Tandem"))
        }

        #expect(error?.messageKey == "error.soldOut")
    }

    @Test func aWrongTotalIsATotalMismatch() throws {
        let server = try DemoServer()
        let client = try server.staffClient()
        let catalog = try DemoCatalog(client)
        var request = try newOrder(catalog, client, offer: "Fahrrad L")
        request.expectedTotal = Money(cents: request.expectedTotal.cents + 1)

        let error = #expect(throws: DeskClientError.self) { try client.createOrder(request) }

        #expect(error?.messageKey == "error.totalMismatch")
    }

    @Test func termsNotAcceptedIsInvalidInputNamingTheField() throws {
        let server = try DemoServer()
        let client = try server.staffClient()
        let catalog = try DemoCatalog(client)
        var request = try newOrder(catalog, client, offer: "Fahrrad L")
        request.customer.termsAccepted = false

        let error = #expect(throws: DeskClientError.self) { try client.createOrder(request) }

        #expect(error?.messageKey == "error.invalidInput")
        #expect(error?.messageParameters == ["field": "customer.termsAccepted"])
    }

    @Test func anOrderOfAnotherAccountIsNotFound() throws {
        let server = try DemoServer()
        let staff = try server.staffClient()
        let catalog = try DemoCatalog(staff)
        let order = try staff.createOrder(try newOrder(catalog, staff, offer: "Fahrrad S"))
        let other = try BookingClient(configuration: server.configuration)
        let login = DemoData.otherAdmin
        _ = try other.logIn(
            .init(account: login.account, username: login.username, password: login.password))

        let error = #expect(throws: DeskClientError.self) { try other.order(order.id) }

        #expect(error?.messageKey == "error.notFound")
    }
}
