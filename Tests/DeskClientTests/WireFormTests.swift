import BookingAPI
import BookingCore
import Foundation
import Testing

@testable import DeskClient

/// The wire forms the client sends.
@Suite struct WireFormTests {
    @Test func roundTripsAnOrderWithUmlautsThroughTheAPIsJSON() throws {
        let draft = OrderDraft(
            branchID: .init(1), start: Date(timeIntervalSince1970: 1_457_164_800),
            end: Date(timeIntervalSince1970: 1_457_200_800),
            offers: [OrderItem(.init(7), quantity: 2)], options: [OrderItem(.init(9))])
        let order = CreateOrderRequest(
            clientID: "6F9619FF-8B86-D011-B42D-00C04FC964FF", draft: draft, customer: walkIn,
            expectedTotal: Money(cents: 1000), force: true, takenOffline: true)

        let data = try APIJSON.encoder().encode(order)
        let decoded = try APIJSON.decoder().decode(CreateOrderRequest.self, from: data)

        #expect(decoded == order)
        #expect(String(decoding: data, as: UTF8.self).contains("Jürgen"))
    }

    @Test func percentEncodesQueryValues() {
        let query = BookingClient.queryString([
            ("q", "Größe S & M/L?"), ("branch", nil), ("limit", "20"),
        ])

        #expect(query == "?q=Gr%C3%B6%C3%9Fe%20S%20%26%20M%2FL%3F&limit=20")
        #expect(BookingClient.queryString([("branch", nil)]) == "")
    }

    @Test func writesInstantsAsISO8601UTC() {
        let instant = BookingClient.instant(Date(timeIntervalSince1970: 1_457_164_800))

        #expect(instant == "2016-03-05T08:00:00Z")
    }

    @Test func namesCallsWithoutTheirData() {
        let login = BookingCall.logIn(.init(account: "demo", username: "u", password: "geheim"))

        #expect(login.name == "logIn")
        #expect(BookingCall.pickUpOrder(.init(3)).name == "pickUpOrder")
        #expect(BookingCall.health.name == "health")
    }
}
