import BookingAPI
import BookingCore
import BookingServer
import Foundation
import TestSupport
import Testing

@Suite struct CatalogTests {
    @Test func demoCatalogueHasTheReferenceOffersAndEnoughVariety() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try server.client()
        try client.logIn(DemoData.staff)
        let branches = try client.get([Branch].self, APIPath.branches)
        #expect(Set(branches.map(\.name)).isSuperset(of: ["Filiale Nord", "Filiale Tourist-Info"]))
        #expect(branches.count == 3)
        let offers = try client.get([Offer].self, APIPath.offers)
        let options = try client.get([Offer].self, APIPath.options)
        #expect(offers.count >= 20)
        #expect(offers.allSatisfy { ($0.stock ?? 0) >= 1 && ($0.stock ?? 0) <= 10 })
        #expect(offers.contains { $0.name == "Fahrrad M" })
        #expect(offers.contains { $0.name == "Touren-eBike E-Ville C A8 / Größe S" })
        #expect(options.contains { $0.name == "Fahrradanhänger" && $0.stock != nil })
        #expect(options.contains { $0.name == "Endreinigung" && $0.stock == nil })
        let categories = try client.get([BookingCore.Category].self, APIPath.categories)
        #expect(categories.contains { $0.kind == .tour })
    }

    @Test func offersFilterByBranchAndText() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try server.client()
        try client.logIn(DemoData.staff)
        let nord = try #require(
            try client.get([Branch].self, APIPath.branches).first { $0.name == "Filiale Nord" })
        let atNord = try client.get([Offer].self, APIPath.offers + "?branch=\(nord.id)")
        #expect(!atNord.isEmpty)
        #expect(atNord.allSatisfy { $0.branchID == nord.id })
        let ebikes = try client.get([Offer].self, APIPath.offers + "?q=e-ville")
        #expect(ebikes.count == 3)
        // Upper-case umlauts find lower-case ones: "FÜHRUNG" finds "Stadtführung Altstadt".
        let tours = try client.get([Offer].self, APIPath.offers + "?q=F%C3%9CHRUNG")
        #expect(tours.map(\.name).contains("Stadtführung Altstadt"))
        let offer = try client.get(Offer.self, APIPath.offer(ebikes[0].id))
        #expect(offer == ebikes[0])
    }

    @Test func anotherAccountsRowsAnswer404LikeMissingOnes() throws {
        let server = try TestServer()
        defer { server.stop() }
        let other = try server.client()
        try other.logIn(DemoData.otherAdmin)
        let foreignOffer = try #require(try other.get([Offer].self, APIPath.offers).first)
        let foreignBranch = try #require(try other.get([Branch].self, APIPath.branches).first)

        let client = try server.client()
        try client.logIn(DemoData.admin)
        #expect(
            try client.get([Offer].self, APIPath.offers).allSatisfy { $0.id != foreignOffer.id })
        let missing = try client.send("GET", APIPath.offer(999_999))
        let foreign = try client.send("GET", APIPath.offer(foreignOffer.id))
        #expect(foreign.status == 404)
        #expect(foreign.text == missing.text)
        let availability = try client.send(
            "GET", APIPath.monthAvailability + "?month=2030-07&offer=\(foreignOffer.id)")
        #expect(availability.status == 404)
        let draft = OrderDraft(
            branchID: foreignBranch.id, start: Instant.at("2030-07-01T08:00:00Z"),
            end: Instant.at("2030-07-01T12:00:00Z"), offers: [OrderItem(foreignOffer.id)])
        let quote = try client.send("POST", APIPath.quotes, json: draft)
        #expect(quote.status == 404)

        // An order of the other account is invisible and cannot be cancelled from here.
        let placed = try other.placeOrder(draft)
        let order = try #require(placed.order)
        #expect(try client.send("GET", APIPath.order(order.id)).status == 404)
        #expect(try client.send("POST", APIPath.cancelOrder(order.id)).status == 404)
        #expect(
            try client.get(OrderList.self, APIPath.orders).orders.allSatisfy { $0.id != order.id })
        #expect(try other.get(OrderInfo.self, APIPath.order(order.id)).status == .reserved)
    }
}
