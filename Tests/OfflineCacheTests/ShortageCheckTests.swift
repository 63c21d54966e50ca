import BookingAPI
import BookingCore
import Foundation
import OfflineCache
import TestFiles
import Testing

/// A forced walk-in's shortages are checked once, after the orders are refreshed, and the
/// check is remembered in the outbox so that neither a restart nor a second refresh skips
/// or repeats it.
@Suite struct ShortageCheckTests {
    private func reserveBothBikesFromNoon(_ store: OfflineStore) throws -> [OrderInfo] {
        let reserved = (1...2).map { id in
            Demo.order(
                for: Demo.request([OrderItem(Demo.bikeM.id)], from: "12:00", to: "18:00"),
                id: Int64(id))
        }
        try store.cache.storeOrders(reserved, now: Demo.now)
        return reserved
    }

    /// Takes a walk-in offline and records the server's forced order for it.
    private func sendForcedWalkIn(_ store: OfflineStore, id: Int64 = 3) throws -> OrderInfo {
        let walkIn = Demo.request([OrderItem(Demo.bikeM.id)], from: "09:00", to: "18:00")
        let entry = try store.outbox.enqueue(
            walkIn, kind: .walkIn, takenOffline: true, now: Demo.now)
        #expect(entry.request.force)
        let forced = Demo.order(for: entry.request, id: id)
        try store.recordSent(clientID: walkIn.clientID, order: forced, now: Demo.now)
        return forced
    }

    @Test func aSentForcedOrderIsCheckedOnceAndAnAcknowledgedShortageStaysClosed() throws {
        let folder = TemporaryFolder()
        let store = try Demo.store(in: folder)
        let reserved = try reserveBothBikesFromNoon(store)
        let forced = try sendForcedWalkIn(store)
        #expect(try store.outbox.awaitingShortageCheck() == [forced.clientID])

        let recorded = try store.checkShortages(now: Demo.now)
        #expect(recorded.map(\.orderID) == reserved.map(\.id))
        #expect(try store.outbox.awaitingShortageCheck().isEmpty)

        for conflict in recorded {
            try store.outbox.resolve(conflict.id, .acknowledge, now: Demo.now)
        }
        #expect(try store.checkShortages(now: Demo.now).isEmpty)
        #expect(try store.outbox.conflicts().isEmpty)
    }

    @Test func theCheckSurvivesARestart() throws {
        let folder = TemporaryFolder()
        do {
            let store = try Demo.store(in: folder)
            _ = try reserveBothBikesFromNoon(store)
            _ = try sendForcedWalkIn(store)
        }
        let reopened = try folder.openStore()
        #expect(try reopened.checkShortages(now: Demo.now).count == 2)
    }

    @Test func anOrderSentWithoutForceNeedsNoCheck() throws {
        let folder = TemporaryFolder()
        let store = try Demo.store(in: folder)
        let request = Demo.request([OrderItem(Demo.bikeM.id)])
        try store.outbox.enqueue(request, kind: .reservation, takenOffline: true, now: Demo.now)
        try store.recordSent(
            clientID: request.clientID, order: Demo.order(for: request, id: 1), now: Demo.now)
        #expect(try store.outbox.awaitingShortageCheck().isEmpty)
    }

    @Test func anUncachedForcedOrderWaitsUntilItHasEnded() throws {
        let folder = TemporaryFolder()
        let store = try Demo.store(in: folder)
        let forced = try sendForcedWalkIn(store)
        try store.cache.wipe()
        #expect(try store.checkShortages(now: Demo.now).isEmpty)
        #expect(try store.outbox.awaitingShortageCheck() == [forced.clientID])
        let evening = Demo.instant(Demo.saturday, "19:00")
        #expect(try store.checkShortages(now: evening).isEmpty)
        #expect(try store.outbox.awaitingShortageCheck().isEmpty)
    }

    @Test func relaxedRecordsAreKeptAcrossAReopen() throws {
        let folder = TemporaryFolder()
        let request = Demo.request([OrderItem(Demo.bikeM.id)])
        let refused = Demo.request([OrderItem(Demo.bikeM.id)])
        do {
            let store = try Demo.store(in: folder)
            try store.outbox.enqueue(request, kind: .reservation, takenOffline: true, now: Demo.now)
            try store.outbox.enqueue(refused, kind: .reservation, takenOffline: true, now: Demo.now)
            try store.recordSent(
                clientID: request.clientID, order: Demo.order(for: request, id: 1), now: Demo.now)
            try store.outbox.markConflict(
                clientID: refused.clientID,
                error: ErrorEnvelope.Body(code: .soldOut, message: "sold out"), now: Demo.now)
        }
        let reopened = try folder.openStore()
        #expect(try reopened.outbox.entry(clientID: request.clientID)?.state == .sent)
        #expect(try reopened.outbox.entry(clientID: refused.clientID)?.state == .conflict)
        // Durable writes still work after relaxed ones on the same connection.
        let later = Demo.request([OrderItem(Demo.bikeM.id)])
        let entry = try reopened.outbox.enqueue(
            later, kind: .walkIn, takenOffline: true, now: Demo.now)
        #expect(entry.provisionalNumber.hasSuffix("0003"))
    }
}

/// Closing the store at the end of the program leaves whole files behind.
@Suite struct CloseTests {
    @Test func closingFoldsTheLogsIntoTheFilesAndKeepsTheOutbox() throws {
        let folder = TemporaryFolder()
        let store = try Demo.store(in: folder)
        let request = Demo.request([OrderItem(Demo.bikeM.id)])
        try store.outbox.enqueue(request, kind: .walkIn, takenOffline: true, now: Demo.now)
        store.close()
        for name in [Cache.fileName, Outbox.fileName] {
            #expect(!FileManager.default.fileExists(atPath: folder.file(name + "-wal")), "\(name)")
        }
        #expect(throws: OfflineCacheError.self) { try store.outbox.unsentCount() }
        #expect(try store.cache.session() != nil)
        let reopened = try folder.openStore()
        #expect(try reopened.outbox.unsent().map(\.clientID) == [request.clientID])
    }

    @Test func countsAreUnsentOrdersAndOpenConflicts() throws {
        let folder = TemporaryFolder()
        let store = try Demo.store(in: folder)
        let pending = Demo.request([OrderItem(Demo.bikeM.id)])
        let refused = Demo.request([OrderItem(Demo.bikeM.id)])
        for request in [pending, refused] {
            try store.outbox.enqueue(request, kind: .reservation, takenOffline: true, now: Demo.now)
        }
        let conflict = try store.outbox.markConflict(
            clientID: refused.clientID, error: .init(code: .soldOut, message: "gone"),
            now: Demo.now)
        #expect(try store.outbox.counts() == (2, 1))
        try store.outbox.resolve(conflict.id, .cancel, now: Demo.now)
        #expect(try store.outbox.counts() == (1, 0))
    }
}
