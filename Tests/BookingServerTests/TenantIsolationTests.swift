import BookingAPI
import BookingCore
import BookingServer
import BookingStore
import Foundation
import TestSupport
import Testing

/// For every route of the table that takes an id: an id of the other account answers 404,
/// byte for byte as a missing one, for the demo admin and for a superuser acting in the
/// demo account, and the other account's data stays as it was.
@Suite(.serialized) struct TenantIsolationTests {
    /// The other account ("nordsee") with one thing of every kind a route takes an id of.
    final class OtherAccount {
        let admin: APIClient
        var ids: [String: Int64] = [:]

        init(_ world: SecurityWorld) throws {
            admin = try world.server.client(loggedInAs: DemoData.otherAdmin)
            let offer = try #require(try admin.get([Offer].self, APIPath.offers).first)
            let tourOffer = try Self.addTourOffer(world, branch: offer.branchID)
            let start = Instant.at("2031-03-03T09:00:00Z")
            let draft = OrderDraft(
                branchID: offer.branchID, start: start, end: start + 3600,
                offers: [OrderItem(offer.id)])
            let order = try #require(try admin.placeOrder(draft).order)
            let hold = try admin.send(
                "POST", APIPath.holds, json: HoldRequest(draft: draft)
            ).decode(HoldInfo.self)
            let guide = try admin.send("POST", APIPath.guides, json: world.guideData())
                .decode(GuideRecord.self)
            let tour = try admin.send(
                "POST", APIPath.tours,
                json: TourRequest(
                    offerID: tourOffer, start: start, end: start + 3600, capacity: 5,
                    guideID: guide.id, released: true)
            ).decode(TourRecord.self)
            let user = try admin.send(
                "POST", APIPath.users,
                json: NewUserRequest(username: "sylt", name: "Sylt", email: "sylt@example.com")
            ).decode(UserCreated.self).user
            ids = [
                "offers": offer.id.rawValue, "holds": hold.id.rawValue,
                "orders": order.id.rawValue, "customers": order.customerID.rawValue,
                "users": user.id.rawValue, "guides": guide.id.rawValue,
                "tours": tour.id.rawValue,
            ]
        }

        private static func addTourOffer(_ world: SecurityWorld, branch: BranchID) throws
            -> OfferID
        {
            let store = world.server.running.store
            let account = try #require(try store.account(slug: DemoData.otherAdmin.account))
            let scope = Scope.account(account.id)
            let category = try store.addCategory(
                BookingCore.Category(id: CategoryID(0), name: "Wattwanderungen", kind: .tour),
                scope: scope)
            return try store.addOffers(
                [
                    Offer(
                        id: OfferID(0), branchID: branch, categoryID: category.id,
                        name: "Wattwanderung", stock: 30,
                        price: PriceRule(unit: .perPerson, amount: Money(cents: 900)))
                ], scope: scope)[0].id
        }
    }

    static let missing: Int64 = 987_654_321

    @Test func anIDOfTheOtherAccountAnswersAsAMissingOneOnEveryRoute() throws {
        let world = try SecurityWorld()
        let other = try OtherAccount(world)
        let routes = BookingServer.routes.filter { $0.template.contains("{id}") }
        #expect(routes.count >= 20)
        for route in routes {
            let key = route.method + " " + route.template
            let segments = route.template.split(separator: "/", omittingEmptySubsequences: false)
            let index = try #require(segments.firstIndex(of: "{id}"))
            let kind = String(segments[index - 1])
            guard let foreign = other.ids[kind] else {
                Issue.record("\(key): no id of the other account for \(kind); add one")
                continue
            }
            let probe = try #require(Probes.all[key], "\(key) has no probe")
            for principal in [Principal.admin, .superuser] {
                let request = try probe(world, principal, true)
                let answers = try [foreign, Self.missing].map { id in
                    var parts = request.path.split(separator: "/", omittingEmptySubsequences: false)
                    parts[index] = Substring(String(id))
                    return try world.client(principal).send(
                        request.method, parts.joined(separator: "/"), body: request.body,
                        headers: request.headers)
                }
                #expect(answers[0].status == 404, "\(key) as \(principal): \(answers[0].text)")
                #expect(answers[0].text == answers[1].text, "\(key) as \(principal)")
            }
        }
        try expectUnchanged(other)
    }

    /// The other account's things as they were made.
    private func expectUnchanged(_ other: OtherAccount) throws {
        let admin = other.admin
        let order = try admin.get(OrderInfo.self, APIPath.order(other.ids["orders"]!))
        #expect(order.status == .reserved)
        let user = try admin.get(UserRecord.self, APIPath.user(other.ids["users"]!))
        #expect(user.isActive && user.role == .staff && user.branchIDs == nil)
        #expect(try admin.send("GET", APIPath.guide(other.ids["guides"]!)).status == 200)
        #expect(try admin.send("GET", APIPath.tour(other.ids["tours"]!)).status == 200)
        #expect(try admin.send("DELETE", APIPath.hold(other.ids["holds"]!)).status == 204)
    }

    @Test func idsOfTheOtherAccountInBodiesAndQueriesAreMissingToo() throws {
        let world = try SecurityWorld()
        let other = try OtherAccount(world)
        let admin = world.client(.admin)
        let otherBranch = try #require(try other.admin.get([Branch].self, APIPath.branches).first)
        let restricted = try admin.send(
            "PUT", APIPath.userRestrictions(world.staffUser.id),
            json: RestrictionsRequest(branchIDs: [otherBranch.id]))
        #expect(restricted.status == 404)
        var tour = world.tourRequest(inside: true)
        tour.guideID = GuideID(other.ids["guides"]!)
        #expect(try admin.send("POST", APIPath.tours, json: tour).status == 404)
        tour = world.tourRequest(inside: true)
        tour.offerID = OfferID(other.ids["offers"]!)
        #expect(try admin.send("POST", APIPath.tours, json: tour).status == 404)
        var hold = try world.insideDraft()
        hold.offers = [OrderItem(OfferID(other.ids["offers"]!))]
        #expect(try admin.send("POST", APIPath.holds, json: HoldRequest(draft: hold)).status == 404)
        let offers = try admin.get([Offer].self, APIPath.offers + "?branch=\(otherBranch.id)")
        #expect(offers.isEmpty)
        let tours = try admin.get(
            [TourRecord].self, APIPath.tours + "?guide=\(other.ids["guides"]!)")
        #expect(tours.isEmpty)
        let staff = try admin.get(UserRecord.self, APIPath.user(world.staffUser.id))
        #expect(staff.branchIDs == nil)
    }
}
