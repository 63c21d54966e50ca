import BookingAPI
import BookingCore
import Foundation
import OfflineCache
import TestFiles
import Testing

@Suite struct ConflictTests {
    let soldOut = ErrorEnvelope.Body(code: .soldOut, message: "no unit of offer 1 is free")

    @Test func aRefusedOrderWaitsForStaffAndDoesNotHoldUpTheRest() throws {
        let folder = TemporaryFolder()
        let store = try folder.openStore()
        let refused = Demo.request([OrderItem(Demo.bikeM.id)])
        let next = Demo.request([OrderItem(Demo.bikeM.id)])
        let entry = try store.outbox.enqueue(
            refused, kind: .reservation, takenOffline: true, now: Demo.now)
        try store.outbox.enqueue(next, kind: .reservation, takenOffline: true, now: Demo.now)

        let conflict = try store.outbox.markConflict(
            clientID: refused.clientID, error: soldOut, now: Demo.now)
        let again = try store.outbox.markConflict(
            clientID: refused.clientID, error: soldOut, now: Demo.now)

        #expect(again == conflict)
        #expect(conflict.kind == .refused && conflict.errorCode == .soldOut)
        #expect(conflict.provisionalNumber == entry.provisionalNumber)
        #expect(try store.outbox.conflicts() == [conflict])
        #expect(try store.outbox.unsentCount() == 2)
        guard case .send(let due) = try store.outbox.nextTurn(now: Demo.now) else {
            Issue.record("the next order is held up")
            return
        }
        #expect(due.clientID == next.clientID)
    }

    @Test func aChangedOrderGoesBackWithANewClientIDAndTheSameNumber() throws {
        let folder = TemporaryFolder()
        let store = try folder.openStore()
        let refused = Demo.request([OrderItem(Demo.bikeM.id)])
        let entry = try store.outbox.enqueue(
            refused, kind: .walkIn, takenOffline: true, now: Demo.now)
        let conflict = try store.outbox.markConflict(
            clientID: refused.clientID, error: soldOut, now: Demo.now)
        let changed = Demo.request([OrderItem(Demo.bikeM.id)], from: "12:00", to: "18:00")

        let resolved = try store.outbox.resolve(
            conflict.id, .changeOrder(changed), now: Demo.now)

        #expect(resolved.outcome == .changed(replacementClientID: changed.clientID))
        #expect(!resolved.isOpen)
        #expect(try store.outbox.conflicts().isEmpty)
        let replaced = try #require(try store.outbox.entry(clientID: changed.clientID))
        #expect(replaced.provisionalNumber == entry.provisionalNumber)
        #expect(replaced.sequence == entry.sequence)
        #expect(replaced.state == .pending && replaced.attempts == 0)
        #expect(replaced.request.draft == changed.draft)
        // Still a walk-in taken offline, so still forced.
        #expect(replaced.request.force && replaced.request.takenOffline)
        #expect(try store.outbox.entry(clientID: refused.clientID) == nil)
    }

    @Test func aChangedOrderMustNotReuseAClientID() throws {
        let folder = TemporaryFolder()
        let store = try folder.openStore()
        let refused = Demo.request([OrderItem(Demo.bikeM.id)])
        try store.outbox.enqueue(refused, kind: .reservation, takenOffline: true, now: Demo.now)
        let conflict = try store.outbox.markConflict(
            clientID: refused.clientID, error: soldOut, now: Demo.now)
        var changed = refused
        changed.draft.start = Demo.instant(Demo.saturday, "12:00")

        #expect(throws: OfflineCacheError.clientIDReused(refused.clientID)) {
            try store.outbox.resolve(conflict.id, .changeOrder(changed), now: Demo.now)
        }
        changed.clientID = "bad"
        #expect(throws: OfflineCacheError.invalidClientID("bad")) {
            try store.outbox.resolve(conflict.id, .changeOrder(changed), now: Demo.now)
        }
        #expect(try store.outbox.conflicts() == [conflict])
        #expect(try store.outbox.entry(clientID: refused.clientID)?.state == .conflict)
    }

    @Test func aCancelledOrderIsKeptAsARecordAndNoLongerUnsent() throws {
        let folder = TemporaryFolder()
        let store = try folder.openStore()
        let refused = Demo.request([OrderItem(Demo.bikeM.id)])
        try store.outbox.enqueue(refused, kind: .reservation, takenOffline: true, now: Demo.now)
        let conflict = try store.outbox.markConflict(
            clientID: refused.clientID, error: soldOut, now: Demo.now)

        let resolved = try store.outbox.resolve(conflict.id, .cancel, now: Demo.now)

        #expect(resolved.outcome == .cancelled)
        #expect(try store.outbox.entry(clientID: refused.clientID)?.state == .cancelled)
        #expect(try store.outbox.unsentCount() == 0)
        #expect(try store.outbox.conflicts(includingResolved: true) == [resolved])
        #expect(throws: OfflineCacheError.unknownConflict(conflict.id)) {
            try store.outbox.resolve(conflict.id, .cancel, now: Demo.now)
        }
    }

    @Test func aShortageIsRecordedOnceAndOnlyAcknowledged() throws {
        let folder = TemporaryFolder()
        let store = try folder.openStore()
        let walkIn = Demo.request([OrderItem(Demo.bikeM.id)])
        let short = Demo.order(for: Demo.request([OrderItem(Demo.bikeM.id)]), id: 5)

        let first = try store.outbox.recordShortage(
            order: short, offerID: Demo.bikeM.id, missingUnits: 1, causedBy: walkIn.clientID,
            now: Demo.now)
        let again = try store.outbox.recordShortage(
            order: short, offerID: Demo.bikeM.id, missingUnits: 2, causedBy: walkIn.clientID,
            now: Demo.now)

        #expect(again.id == first.id && again.missingUnits == 2)
        #expect(again.orderNumber == short.number && again.causedBy == walkIn.clientID)
        #expect(try store.outbox.conflicts().count == 1)
        for wrong in [ConflictResolution.cancel, .changeOrder(walkIn)] {
            #expect(throws: OfflineCacheError.self) {
                try store.outbox.resolve(first.id, wrong, now: Demo.now)
            }
        }
        let resolved = try store.outbox.resolve(first.id, .acknowledge, now: Demo.now)
        #expect(resolved.outcome == .acknowledged)
        #expect(try store.outbox.conflicts().isEmpty)
    }

    @Test func aRefusedOrderCannotBeAcknowledgedAway() throws {
        let folder = TemporaryFolder()
        let store = try folder.openStore()
        let refused = Demo.request([OrderItem(Demo.bikeM.id)])
        try store.outbox.enqueue(refused, kind: .reservation, takenOffline: true, now: Demo.now)
        let conflict = try store.outbox.markConflict(
            clientID: refused.clientID, error: soldOut, now: Demo.now)

        #expect(throws: OfflineCacheError.self) {
            try store.outbox.resolve(conflict.id, .acknowledge, now: Demo.now)
        }
        #expect(throws: OfflineCacheError.unknownConflict(999)) {
            try store.outbox.resolve(999, .cancel, now: Demo.now)
        }
        #expect(try store.outbox.unsentCount() == 1)
    }

    @Test func aSentOrderCannotBecomeAConflict() throws {
        let folder = TemporaryFolder()
        let store = try folder.openStore()
        let request = Demo.request([OrderItem(Demo.bikeM.id)])
        try store.outbox.enqueue(request, kind: .reservation, takenOffline: true, now: Demo.now)
        try store.outbox.markSent(
            clientID: request.clientID, order: Demo.order(for: request, id: 1), now: Demo.now)

        #expect(throws: OfflineCacheError.self) {
            try store.outbox.markConflict(
                clientID: request.clientID, error: soldOut, now: Demo.now)
        }
        #expect(try store.outbox.conflicts(includingResolved: true).isEmpty)
    }

    @Test func theServersWordWinsOverAConflict() throws {
        let folder = TemporaryFolder()
        let store = try folder.openStore()
        let request = Demo.request([OrderItem(Demo.bikeM.id)])
        try store.outbox.enqueue(request, kind: .reservation, takenOffline: true, now: Demo.now)
        try store.outbox.markConflict(clientID: request.clientID, error: soldOut, now: Demo.now)

        let entry = try store.outbox.markSent(
            clientID: request.clientID, order: Demo.order(for: request, id: 3), now: Demo.now)

        #expect(entry.state == .sent)
        #expect(try store.outbox.conflicts().isEmpty)
        #expect(try store.outbox.conflicts(includingResolved: true).first?.outcome == .stored)
    }
}
