import BookingAPI
import BookingCore
import Foundation
import OfflineCache
import TestFiles
import Testing

@Suite struct OutboxTests {
    @Test func enqueuedOrdersAreSentInTheOrderTheyWereTaken() throws {
        let folder = TemporaryFolder()
        let store = try folder.openStore()
        let names = ["Fuchs", "Igel", "Dachs"]
        for name in names {
            try store.outbox.enqueue(
                Demo.request([OrderItem(Demo.bikeM.id)], lastName: name), kind: .reservation,
                takenOffline: true, now: Demo.now)
        }

        #expect(try store.outbox.unsent().map(\.request.customer.lastName) == names)
        #expect(try store.outbox.unsentCount() == 3)
        guard case .send(let first) = try store.outbox.nextTurn(now: Demo.now) else {
            Issue.record("nothing to send")
            return
        }
        #expect(first.request.customer.lastName == "Fuchs")
    }

    @Test func provisionalNumbersAreReadableAndNeverGivenTwice() throws {
        let folder = TemporaryFolder()
        var numbers: [String] = []
        let code: String
        do {
            let store = try folder.openStore()
            code = store.outbox.deskCode
            for _ in 0..<2 {
                numbers.append(
                    try store.outbox.enqueue(
                        Demo.request([OrderItem(Demo.bikeM.id)]), kind: .walkIn,
                        takenOffline: true, now: Demo.now
                    ).provisionalNumber)
            }
            try sendAll(store)
            #expect(try store.logOut() == .done)
        }
        // A later session at the same desk goes on counting.
        let store = try folder.openStore()
        numbers.append(
            try store.outbox.enqueue(
                Demo.request([OrderItem(Demo.bikeM.id)]), kind: .walkIn, takenOffline: true,
                now: Demo.now
            ).provisionalNumber)

        #expect(code.count == 4)
        #expect(store.outbox.deskCode == code)
        #expect(numbers == ["V-\(code)-0001", "V-\(code)-0002", "V-\(code)-0003"])
    }

    @Test func enqueuingTheSameRequestTwiceKeepsOneOrder() throws {
        let folder = TemporaryFolder()
        let store = try folder.openStore()
        let request = Demo.request([OrderItem(Demo.bikeM.id)])

        let first = try store.outbox.enqueue(
            request, kind: .reservation, takenOffline: false, now: Demo.now)
        let again = try store.outbox.enqueue(
            request, kind: .reservation, takenOffline: false, now: Demo.now)

        #expect(again == first)
        #expect(try store.outbox.unsentCount() == 1)
    }

    @Test func theSameClientIDWithAnotherRequestIsRefused() throws {
        let folder = TemporaryFolder()
        let store = try folder.openStore()
        let request = Demo.request([OrderItem(Demo.bikeM.id)])
        try store.outbox.enqueue(request, kind: .reservation, takenOffline: false, now: Demo.now)
        var changed = request
        changed.draft.offers = [OrderItem(Demo.bikeM.id, quantity: 2)]

        #expect(throws: OfflineCacheError.clientIDReused(request.clientID)) {
            try store.outbox.enqueue(
                changed, kind: .reservation, takenOffline: false, now: Demo.now)
        }
        #expect(try store.outbox.unsent().map(\.request) == [request])
    }

    @Test(arguments: ["", "order-1", "not a uuid at all", "'; DROP TABLE entries; --"])
    func aClientIDThatIsNoUUIDIsRefused(clientID: String) throws {
        let folder = TemporaryFolder()
        let store = try folder.openStore()

        #expect(throws: OfflineCacheError.invalidClientID(clientID)) {
            try store.outbox.enqueue(
                Demo.request([OrderItem(Demo.bikeM.id)], clientID: clientID), kind: .walkIn,
                takenOffline: true, now: Demo.now)
        }
        #expect(try store.outbox.unsentCount() == 0)
    }

    @Test func aWalkInTakenOfflineIsForcedAndAReservationIsNot() throws {
        let folder = TemporaryFolder()
        let store = try folder.openStore()
        let item = [OrderItem(Demo.bikeM.id)]

        let walkIn = try store.outbox.enqueue(
            Demo.request(item), kind: .walkIn, takenOffline: true, now: Demo.now)
        let reservation = try store.outbox.enqueue(
            Demo.request(item), kind: .reservation, takenOffline: true, now: Demo.now)
        let onlineWalkIn = try store.outbox.enqueue(
            Demo.request(item), kind: .walkIn, takenOffline: false, now: Demo.now)

        #expect(walkIn.request.force && walkIn.request.takenOffline)
        #expect(!reservation.request.force && reservation.request.takenOffline)
        #expect(!onlineWalkIn.request.force && !onlineWalkIn.request.takenOffline)
    }

    @Test func aSentOrderShowsItsRealNumber() throws {
        let folder = TemporaryFolder()
        let store = try Demo.store(in: folder)
        let request = Demo.request([OrderItem(Demo.bikeM.id)])
        let entry = try store.outbox.enqueue(
            request, kind: .walkIn, takenOffline: true, now: Demo.now)
        #expect(entry.displayNumber == entry.provisionalNumber)

        let order = Demo.order(for: entry.request, id: 42, number: "2016-000042")
        let sent = try store.recordSent(clientID: request.clientID, order: order, now: Demo.now)
        let again = try store.recordSent(clientID: request.clientID, order: order, now: Demo.now)

        #expect(sent.state == .sent && again == sent)
        #expect(sent.displayNumber == "2016-000042")
        #expect(
            try store.outbox.realNumber(forProvisional: entry.provisionalNumber) == "2016-000042")
        #expect(try store.outbox.unsentCount() == 0)
        #expect(try store.outbox.nextTurn(now: Demo.now) == .idle)
        #expect(try store.cache.order(clientID: request.clientID) == order)
    }

    @Test func anAnswerForAnotherClientIDIsRefused() throws {
        let folder = TemporaryFolder()
        let store = try folder.openStore()
        let request = Demo.request([OrderItem(Demo.bikeM.id)])
        try store.outbox.enqueue(request, kind: .walkIn, takenOffline: true, now: Demo.now)
        let stranger = Demo.order(for: Demo.request([OrderItem(Demo.bikeM.id)]), id: 9)

        #expect(throws: OfflineCacheError.self) {
            try store.outbox.markSent(clientID: request.clientID, order: stranger, now: Demo.now)
        }
        #expect(throws: OfflineCacheError.unknownOrder(clientID: stranger.clientID)) {
            try store.outbox.markSent(
                clientID: stranger.clientID, order: stranger, now: Demo.now)
        }
        #expect(try store.outbox.entry(clientID: request.clientID)?.state == .pending)
    }

    @Test func aFailedAttemptWaitsForItsBackOffAndHoldsUpTheLaterOrders() throws {
        let folder = TemporaryFolder()
        let store = try folder.openStore()
        let first = Demo.request([OrderItem(Demo.bikeM.id)])
        try store.outbox.enqueue(first, kind: .walkIn, takenOffline: true, now: Demo.now)
        try store.outbox.enqueue(
            Demo.request([OrderItem(Demo.bikeM.id)]), kind: .walkIn, takenOffline: true,
            now: Demo.now)
        var random = SeededRandom(seed: 1)

        let next = try store.outbox.recordFailedAttempt(
            clientID: first.clientID, reason: "curl error 7", now: Demo.now,
            schedule: RetrySchedule(first: 10, maximum: 60), random: &random)

        let delay = next.timeIntervalSince(Demo.now)
        #expect((5...10).contains(delay))
        #expect(try store.outbox.nextTurn(now: Demo.now) == .wait(until: next))
        let entry = try #require(try store.outbox.entry(clientID: first.clientID))
        #expect(entry.attempts == 1 && entry.lastError == "curl error 7")
        guard case .send(let due) = try store.outbox.nextTurn(now: next) else {
            Issue.record("the first order is not due after its back-off")
            return
        }
        #expect(due.clientID == first.clientID)
    }

    @Test func onlyAPendingOrderCanFailAnAttempt() throws {
        let folder = TemporaryFolder()
        let store = try folder.openStore()
        let request = Demo.request([OrderItem(Demo.bikeM.id)])
        try store.outbox.enqueue(request, kind: .walkIn, takenOffline: true, now: Demo.now)
        try store.outbox.markSent(
            clientID: request.clientID, order: Demo.order(for: request, id: 1), now: Demo.now)

        #expect(throws: OfflineCacheError.self) {
            try store.outbox.recordFailedAttempt(
                clientID: request.clientID, reason: "late timeout", now: Demo.now)
        }
        #expect(throws: OfflineCacheError.unknownOrder(clientID: "nobody")) {
            try store.outbox.recordFailedAttempt(clientID: "nobody", reason: "x", now: Demo.now)
        }
        #expect(try store.outbox.entry(clientID: request.clientID)?.state == .sent)
    }

    @Test func retryNowMakesWaitingOrdersDue() throws {
        let folder = TemporaryFolder()
        let store = try folder.openStore()
        let request = Demo.request([OrderItem(Demo.bikeM.id)])
        try store.outbox.enqueue(request, kind: .walkIn, takenOffline: true, now: Demo.now)
        try store.outbox.recordFailedAttempt(
            clientID: request.clientID, reason: "timeout", now: Demo.now)

        let later = Demo.now.addingTimeInterval(0.2)
        try store.outbox.retryNow(now: later)

        guard case .send(let entry) = try store.outbox.nextTurn(now: later) else {
            Issue.record("the order is not due")
            return
        }
        #expect(entry.attempts == 1)
    }

    @Test func prunedEntriesAreOnlyFinishedOnes() throws {
        let folder = TemporaryFolder()
        let store = try folder.openStore()
        let sent = Demo.request([OrderItem(Demo.bikeM.id)])
        try store.outbox.enqueue(sent, kind: .walkIn, takenOffline: true, now: Demo.now)
        try store.outbox.markSent(
            clientID: sent.clientID, order: Demo.order(for: sent, id: 1), now: Demo.now)
        let waiting = Demo.request([OrderItem(Demo.bikeM.id)])
        try store.outbox.enqueue(waiting, kind: .walkIn, takenOffline: true, now: Demo.now)

        try store.outbox.prune(finishedBefore: Demo.now.addingTimeInterval(86_400))

        #expect(try store.outbox.entries().map(\.clientID) == [waiting.clientID])
    }

    private func sendAll(_ store: OfflineStore) throws {
        for (index, entry) in try store.outbox.unsent().enumerated() {
            try store.recordSent(
                clientID: entry.clientID,
                order: Demo.order(for: entry.request, id: Int64(index + 1)), now: Demo.now)
        }
    }
}
