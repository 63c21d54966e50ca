import BookingAPI
import BookingCore
import Foundation
import OfflineCache
import TestFiles
import Testing

@Suite struct LogOutTests {
    @Test func logOutIsRefusedWhileOrdersAreUnsentAndSaysHowMany() throws {
        let folder = TemporaryFolder()
        let store = try Demo.store(in: folder)
        try store.unlock.remember(
            account: "demo", username: "staff7", password: "pw", now: Demo.now)
        let pending = Demo.request([OrderItem(Demo.bikeM.id)])
        let refused = Demo.request([OrderItem(Demo.bikeM.id)])
        for request in [pending, refused] {
            try store.outbox.enqueue(request, kind: .reservation, takenOffline: true, now: Demo.now)
        }
        try store.outbox.markConflict(
            clientID: refused.clientID, error: .init(code: .soldOut, message: "sold out"),
            now: Demo.now)

        #expect(try store.logOut() == .refused(unsentOrders: 2, openShortages: 0))
        #expect(try store.cache.session() != nil)
        #expect(try store.unlock.lastUser() != nil)
        #expect(try store.outbox.unsentCount() == 2)
    }

    @Test func logOutIsRefusedWhileAShortageWaitsForStaff() throws {
        let folder = TemporaryFolder()
        let store = try Demo.store(in: folder)
        let short = Demo.order(for: Demo.request([OrderItem(Demo.bikeM.id)]), id: 1)
        let conflict = try store.outbox.recordShortage(
            order: short, offerID: Demo.bikeM.id, missingUnits: 1, causedBy: nil, now: Demo.now)

        #expect(try store.logOut() == .refused(unsentOrders: 0, openShortages: 1))

        try store.outbox.resolve(conflict.id, .acknowledge, now: Demo.now)
        #expect(try store.logOut() == .done)
    }

    @Test func logOutWipesTheCacheTheHashAndTheFinishedOrders() throws {
        let folder = TemporaryFolder()
        let store = try Demo.store(in: folder)
        try store.unlock.remember(
            account: "demo", username: "staff7", password: "pw", now: Demo.now)
        let request = Demo.request([OrderItem(Demo.bikeM.id)])
        try store.outbox.enqueue(request, kind: .walkIn, takenOffline: true, now: Demo.now)
        try store.recordSent(
            clientID: request.clientID, order: Demo.order(for: request, id: 1), now: Demo.now)

        #expect(try store.logOut() == .done)

        #expect(try store.cache.session() == nil)
        #expect(try store.cache.offers().isEmpty && store.cache.orders().isEmpty)
        #expect(try store.cache.cursor(.catalogue) == nil)
        #expect(try store.unlock.lastUser() == nil)
        #expect(try store.outbox.entries().isEmpty)
        // The files are still there and work after the wipe.
        try store.cache.storeSession(Demo.session(), now: Demo.now)
        #expect(try store.cache.session() == Demo.session())
    }

    @Test func anEndedSessionWipesTheCacheButKeepsTheOutbox() throws {
        let folder = TemporaryFolder()
        let store = try Demo.store(in: folder)
        try store.unlock.remember(
            account: "demo", username: "staff7", password: "pw", now: Demo.now)
        let request = Demo.request([OrderItem(Demo.bikeM.id)])
        try store.outbox.enqueue(request, kind: .walkIn, takenOffline: true, now: Demo.now)

        let waiting = try store.sessionEnded()

        #expect(waiting == 1)
        #expect(try store.cache.session() == nil && store.cache.offers().isEmpty)
        #expect(try store.unlock.lastUser() == nil)
        #expect(try store.outbox.unsent().map(\.clientID) == [request.clientID])
    }

    @Test func anEndedSessionForgetsTheSentOrdersThatNameTheLastUsersCustomers() throws {
        let folder = TemporaryFolder()
        let store = try Demo.store(in: folder)
        let (sent, waiting) = try Self.oneSentOneWaiting(store)

        try store.sessionEnded()

        #expect(try store.outbox.entries().map(\.clientID) == [waiting.clientID])
        #expect(try store.outbox.entry(clientID: sent.clientID) == nil)
    }

    @Test func anotherUserLoggingInForgetsTheSentOrdersOfTheLastOne() throws {
        let folder = TemporaryFolder()
        let store = try Demo.store(in: folder)
        let (sent, waiting) = try Self.oneSentOneWaiting(store)

        #expect(try !store.storeSession(Demo.session(), now: Demo.now))
        #expect(try store.outbox.entry(clientID: sent.clientID) != nil)

        #expect(try store.storeSession(Demo.session(user: 8), now: Demo.now))
        #expect(try store.outbox.entries().map(\.clientID) == [waiting.clientID])
    }

    /// An outbox with one order sent and one still waiting, for the session of `Demo`.
    private static func oneSentOneWaiting(_ store: OfflineStore) throws
        -> (sent: CreateOrderRequest, waiting: CreateOrderRequest)
    {
        try store.cache.storeSession(Demo.session(), now: Demo.now)
        let sent = Demo.request([OrderItem(Demo.bikeM.id)])
        let waiting = Demo.request([OrderItem(Demo.bikeM.id)])
        for request in [sent, waiting] {
            try store.outbox.enqueue(request, kind: .walkIn, takenOffline: true, now: Demo.now)
        }
        try store.recordSent(
            clientID: sent.clientID, order: Demo.order(for: sent, id: 1), now: Demo.now)
        return (sent, waiting)
    }
}
