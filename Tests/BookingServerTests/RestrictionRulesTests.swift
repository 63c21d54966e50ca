import BookingAPI
import BookingCore
import BookingServer
import Foundation
import TestSupport
import Testing

/// What "outside the restrictions" means for orders that touch more than one branch or
/// category: an order belongs to its pickup and its return branch, and is visible only
/// if every line is of a category the user may see.
@Suite struct RestrictionRulesTests {
    @Test func anOrderWithOneLineOutsideTheCategoriesIsInvisibleAsAWhole() throws {
        let world = try SecurityWorld()
        let admin = world.client(.admin)
        let ebike = try admin.offer(named: "E-Bike Trekking M")  // E-Bikes: not `rad`'s
        var draft = try world.insideDraft()
        draft.offers.append(OrderItem(ebike.id))
        let mixed = try #require(try admin.placeOrder(draft).order)
        let rad = world.client(.rad)
        #expect(try rad.send("GET", APIPath.order(mixed.id)).status == 404)
        #expect(try rad.send("POST", APIPath.cancelOrder(mixed.id)).status == 404)
        let listed = try rad.get(OrderList.self, APIPath.orders + "?limit=200").orders
        #expect(!listed.contains { $0.id == mixed.id })
        let changed = try rad.get(ChangedOrders.self, APIPath.orderChanges).orders
        #expect(!changed.contains { $0.id == mixed.id })
        // `nord` may see every category of Filiale Nord.
        #expect(try world.client(.nord).send("GET", APIPath.order(mixed.id)).status == 200)
        // Nor may `rad` quote or place such an order: the offer outside answers as a
        // missing one.
        #expect(try rad.send("POST", APIPath.quotes, json: draft).status == 404)
        let request = try admin.orderRequest(draft, clientID: "mixed-by-rad")
        let refused = try rad.send(
            "POST", APIPath.orders, json: request, headers: ["Idempotency-Key": "mixed-by-rad"])
        #expect(refused.status == 404)
    }

    @Test func anOrderReturnedAtTheUsersBranchIsTheirsToo() throws {
        let world = try SecurityWorld()
        let admin = world.client(.admin)
        let (user, login) = try world.createUser("hafen")
        _ = try admin.send(
            "PUT", APIPath.userRestrictions(user.id),
            json: RestrictionsRequest(branchIDs: [world.hafenBranch.id]))
        let hafen = try world.server.client(loggedInAs: login)
        let bike = try admin.offer(named: "Fahrrad L")  // at Nord, may be returned elsewhere
        let start = Instant.at("2031-09-09T08:00:00Z")
        let draft = OrderDraft(
            branchID: world.nordBranch.id, returnBranchID: world.hafenBranch.id, start: start,
            end: start + 3600, offers: [OrderItem(bike.id)])
        let order = try #require(try admin.placeOrder(draft).order)
        #expect(try hafen.get(OrderInfo.self, APIPath.order(order.id)).id == order.id)
        let listed = try hafen.get(OrderList.self, APIPath.orders + "?limit=200").orders
        #expect(listed.contains { $0.id == order.id })
        let changed = try hafen.get(ChangedOrders.self, APIPath.orderChanges).orders
        #expect(changed.contains { $0.id == order.id })
        _ = try admin.send("POST", APIPath.pickUpOrder(order.id))
        #expect(try hafen.send("POST", APIPath.returnOrder(order.id)).status == 200)
    }
}
