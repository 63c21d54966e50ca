import BookingCore
import Testing

@Suite struct OrderStatusTests {
    /// Every allowed move, written out: reserved → picked up → returned, or cancelled.
    private static let allowed: Set<[OrderStatus]> = [
        [.reserved, .pickedUp], [.reserved, .cancelled], [.pickedUp, .returned],
    ]

    private static let allPairs = OrderStatus.allCases.flatMap { from in
        OrderStatus.allCases.map { to in [from, to] }
    }

    @Test(arguments: [
        (OrderStatus.reserved, OrderStatus.pickedUp), (.reserved, .cancelled),
        (.pickedUp, .returned),
    ])
    func allowedMoves(from: OrderStatus, to: OrderStatus) {
        #expect(from.canMove(to: to))
        #expect(from.next.contains(to))
    }

    @Test(arguments: allPairs.filter { !allowed.contains($0) })
    func refusedMoves(pair: [OrderStatus]) {
        #expect(!pair[0].canMove(to: pair[1]))
        #expect(!pair[0].next.contains(pair[1]))
    }

    @Test func everyPairIsEitherAllowedOrRefused() {
        #expect(Self.allPairs.count == 16)
        #expect(Self.allPairs.filter { $0[0].canMove(to: $0[1]) }.count == 3)
    }

    @Test func returnedAndCancelledAreFinal() {
        #expect(OrderStatus.returned.next.isEmpty)
        #expect(OrderStatus.cancelled.next.isEmpty)
    }

    @Test func onlyCancelledOrdersFreeTheirUnits() {
        #expect(OrderStatus.reserved.holdsUnits)
        #expect(OrderStatus.pickedUp.holdsUnits)
        #expect(OrderStatus.returned.holdsUnits)
        #expect(!OrderStatus.cancelled.holdsUnits)
    }

    @Test func statusesTravelAsSnakeCase() {
        #expect(OrderStatus.pickedUp.rawValue == "picked_up")
        #expect(OrderStatus(rawValue: "picked_up") == .pickedUp)
        #expect(OrderStatus(rawValue: "shipped") == nil)
    }
}
