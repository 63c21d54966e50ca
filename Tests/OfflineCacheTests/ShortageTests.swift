import BookingAPI
import BookingCore
import Foundation
import OfflineCache
import TestFiles
import Testing

@Suite struct ShortageTests {
    @Test func aForcedWalkInLeavesTheLaterOrdersShort() throws {
        let folder = TemporaryFolder()
        let store = try Demo.store(in: folder)
        // Both bikes are reserved from 12:00; one of them also 10:00–11:00.
        let early = Demo.order(
            for: Demo.request([OrderItem(Demo.bikeM.id)], from: "10:00", to: "11:00"), id: 1)
        let noonOne = Demo.order(
            for: Demo.request([OrderItem(Demo.bikeM.id)], from: "12:00", to: "18:00"), id: 2)
        let noonTwo = Demo.order(
            for: Demo.request([OrderItem(Demo.bikeM.id)], from: "13:00", to: "18:00"), id: 3)
        var cancelled = Demo.order(
            for: Demo.request([OrderItem(Demo.bikeM.id)], from: "12:00", to: "18:00"), id: 4)
        cancelled.status = .cancelled
        // A walk-in took a bike for the whole day while the desk was offline.
        var forced = Demo.order(
            for: Demo.request([OrderItem(Demo.bikeM.id)], from: "09:00", to: "18:00"), id: 5)
        forced.forced = true
        try store.cache.storeOrders([early, noonOne, noonTwo, cancelled, forced], now: Demo.now)

        let shortages = try store.cache.shortages(causedBy: forced)

        // 10:00 still has a bike for the early order; from 13:00 three orders want two
        // bikes, so either noon order may be the one left without.
        #expect(shortages.map(\.order.id) == [noonOne.id, noonTwo.id])
        #expect(shortages.allSatisfy { $0.missingUnits == 1 && $0.offerID == Demo.bikeM.id })
    }

    @Test func theShortagesOfASentWalkInBecomeConflictsOnce() throws {
        let folder = TemporaryFolder()
        let store = try Demo.store(in: folder)
        let reserved = (1...2).map { id in
            Demo.order(
                for: Demo.request([OrderItem(Demo.bikeM.id)], from: "12:00", to: "18:00"),
                id: Int64(id))
        }
        try store.cache.storeOrders(reserved, now: Demo.now)
        let walkIn = Demo.request([OrderItem(Demo.bikeM.id)], from: "09:00", to: "18:00")
        try store.outbox.enqueue(walkIn, kind: .walkIn, takenOffline: true, now: Demo.now)
        let forced = Demo.order(for: walkIn, id: 3)
        try store.recordSent(clientID: walkIn.clientID, order: forced, now: Demo.now)

        let first = try store.recordShortages(causedBy: forced, now: Demo.now)
        let again = try store.recordShortages(causedBy: forced, now: Demo.now)

        #expect(first.map(\.orderID) == reserved.map(\.id))
        #expect(first.allSatisfy { $0.kind == .shortage && $0.causedBy == walkIn.clientID })
        #expect(again.map(\.id) == first.map(\.id))
        #expect(try store.outbox.conflicts().count == 2)
        // The short orders are on the server: they are no unsent orders.
        #expect(try store.outbox.unsentCount() == 0)
    }

    @Test func aForcedOrderWithinTheStockLeavesNothingShort() throws {
        let folder = TemporaryFolder()
        let store = try Demo.store(in: folder)
        let later = Demo.order(
            for: Demo.request([OrderItem(Demo.bikeM.id)], from: "12:00", to: "18:00"), id: 1)
        let forced = Demo.order(
            for: Demo.request(
                [OrderItem(Demo.bikeM.id), OrderItem(Demo.cleaning.id)], from: "09:00",
                to: "18:00"), id: 2)
        try store.cache.storeOrders([later], now: Demo.now)

        #expect(try store.cache.shortages(causedBy: forced).isEmpty)
    }
}
