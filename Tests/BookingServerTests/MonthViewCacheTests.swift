import BookingAPI
import BookingCore
import BookingServer
import Foundation
import TestSupport
import Testing

/// The month view reuses computed rows; every change of the bookings must show at once.
@Suite struct MonthViewCacheTests {
    static let day = Instant.at("2030-10-07T08:00:00Z")

    static func freeOnDay(_ client: APIClient, _ offer: OfferID) throws -> Int? {
        let month = try client.get(
            MonthAvailability.self, APIPath.monthAvailability + "?month=2030-10&offer=\(offer)")
        return month.offers.first?.free[6]
    }

    @Test func everyBookingChangeShowsAtOnce() throws {
        let clock = TestClock()
        let server = try TestServer(clock: clock)
        defer { server.stop() }
        let client = try server.client()
        try client.logIn(DemoData.staff)
        let tandem = try client.offer(named: "Tandem")
        let draft = OrderDraft(
            branchID: tandem.branchID, start: Self.day, end: Self.day + 4 * 3600,
            offers: [OrderItem(tandem.id)])
        #expect(try Self.freeOnDay(client, tandem.id) == 1)
        #expect(try Self.freeOnDay(client, tandem.id) == 1)  // now from the cache

        let order = try #require(try client.placeOrder(draft).order)
        #expect(try Self.freeOnDay(client, tandem.id) == 0)
        _ = try client.send("POST", APIPath.cancelOrder(order.id))
        #expect(try Self.freeOnDay(client, tandem.id) == 1)

        let hold = try client.send("POST", APIPath.holds, json: HoldRequest(draft: draft))
            .decode(HoldInfo.self)
        #expect(try Self.freeOnDay(client, tandem.id) == 0)
        _ = try client.send("DELETE", APIPath.hold(hold.id))
        #expect(try Self.freeOnDay(client, tandem.id) == 1)

        _ = try client.send("POST", APIPath.holds, json: HoldRequest(draft: draft))
        #expect(try Self.freeOnDay(client, tandem.id) == 0)
        clock.advance(by: 11 * 60)  // the hold expires without any write
        #expect(try Self.freeOnDay(client, tandem.id) == 1)
    }

    @Test func aSecondServerOnTheSameDataSeesTheFirstOnesOrders() throws {
        let first = try TestServer()
        defer { first.stop() }
        let second = try TestServer(folder: first.folder)
        defer { second.stop(removingData: false) }
        let reader = try second.client()
        try reader.logIn(DemoData.staff)
        let writer = try first.client()
        try writer.logIn(DemoData.staff)
        let tandem = try reader.offer(named: "Tandem")
        #expect(try Self.freeOnDay(reader, tandem.id) == 1)
        let draft = OrderDraft(
            branchID: tandem.branchID, start: Self.day, end: Self.day + 3600,
            offers: [OrderItem(tandem.id)])
        #expect(try writer.placeOrder(draft).status == 201)
        #expect(try Self.freeOnDay(reader, tandem.id) == 0)
    }
}
