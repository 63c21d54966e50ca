import BookingAPI
import BookingCore
import Foundation
import OfflineCache
import TestFiles
import Testing

@Suite struct OfflineAvailabilityTests {
    let march = LocalDate("2016-03-01")!
    let monday = LocalDate("2016-03-07")!
    let sunday = LocalDate("2016-03-06")!

    /// A store whose cache holds March 2016 as the server counted it at `Demo.now`: both
    /// bikes, the trailer and the unlimited cleaning free every day.
    func storeWithMarch(_ folder: TemporaryFolder) throws -> OfflineStore {
        let store = try Demo.store(in: folder)
        try store.cache.storeMonthAvailability(
            Demo.month(
                march, free: [Demo.bikeM.id: 2, Demo.trailer.id: 1, Demo.cleaning.id: nil]),
            fetchedAt: Demo.now)
        return store
    }

    func days(_ store: OfflineStore, _ offer: OfferID, _ dates: [LocalDate]) throws -> [Int?] {
        let month = try store.monthAvailability(of: [offer], days: dates)
        return month.offers[0].days.map { $0?.availability.units }
    }

    @Test func unsentOrdersReduceTheCachedMonth() throws {
        let folder = TemporaryFolder()
        let store = try storeWithMarch(folder)
        try store.outbox.enqueue(
            Demo.request([OrderItem(Demo.bikeM.id), OrderItem(Demo.cleaning.id)]), kind: .walkIn,
            takenOffline: true, now: Demo.now)
        try store.outbox.enqueue(
            Demo.request([OrderItem(Demo.trailer.id)], from: "10:00", to: "11:00"),
            kind: .reservation, takenOffline: true, now: Demo.now)

        let dates = [Demo.saturday, monday]
        #expect(try days(store, Demo.bikeM.id, dates) == [1, 2])
        #expect(try days(store, Demo.trailer.id, dates) == [0, 1])
        let cleaning = try store.monthAvailability(of: [Demo.cleaning.id], days: dates)
        #expect(cleaning.offers[0].days.map { $0?.availability } == [.unlimited, .unlimited])
        #expect(cleaning.offers[0].days[0]?.fetchedAt == Demo.now)
    }

    @Test func aDayCountsOnlyItsOpeningHoursAsTheServerDoes() throws {
        let folder = TemporaryFolder()
        let store = try storeWithMarch(folder)
        // Out after closing time: the server's Saturday figure would not count it either.
        try store.outbox.enqueue(
            Demo.request([OrderItem(Demo.bikeM.id, quantity: 2)], from: "18:00", to: "20:00"),
            kind: .reservation, takenOffline: true, now: Demo.now)
        // Sunday is closed, so the whole day counts.
        try store.outbox.enqueue(
            Demo.request([OrderItem(Demo.bikeM.id)], on: sunday, from: "20:00", to: "21:00"),
            kind: .reservation, takenOffline: true, now: Demo.now)

        #expect(try days(store, Demo.bikeM.id, [Demo.saturday, sunday]) == [2, 1])
        let month = try store.monthAvailability(of: [Demo.bikeM.id], days: [sunday])
        #expect(month.offers[0].days[0]?.closed == true)
    }

    @Test func aSentOrderCountsUntilFiguresFetchedAfterItArrive() throws {
        let folder = TemporaryFolder()
        let store = try storeWithMarch(folder)
        let request = Demo.request([OrderItem(Demo.bikeM.id)])
        try store.outbox.enqueue(request, kind: .walkIn, takenOffline: true, now: Demo.now)
        let sentAt = Demo.now.addingTimeInterval(60)
        try store.recordSent(
            clientID: request.clientID, order: Demo.order(for: request, id: 1), now: sentAt)

        // The cached figures are older than the order on the server: it still counts.
        #expect(try days(store, Demo.bikeM.id, [Demo.saturday]) == [1])

        // The server's newer count includes it; counting it again would hide a free bike.
        try store.cache.storeMonthAvailability(
            Demo.month(march, free: [Demo.bikeM.id: 1]), fetchedAt: sentAt.addingTimeInterval(1))
        #expect(try days(store, Demo.bikeM.id, [Demo.saturday, monday]) == [1, 1])
    }

    @Test func aConflictStillCountsAndACancelledOrderNoLonger() throws {
        let folder = TemporaryFolder()
        let store = try storeWithMarch(folder)
        let request = Demo.request([OrderItem(Demo.bikeM.id)])
        try store.outbox.enqueue(request, kind: .reservation, takenOffline: true, now: Demo.now)
        let conflict = try store.outbox.markConflict(
            clientID: request.clientID, error: .init(code: .soldOut, message: "sold out"),
            now: Demo.now)
        #expect(try days(store, Demo.bikeM.id, [Demo.saturday]) == [1])

        try store.outbox.resolve(conflict.id, .cancel, now: Demo.now)

        #expect(try days(store, Demo.bikeM.id, [Demo.saturday]) == [2])
    }

    @Test func anOverbookedDayShowsTheShortage() throws {
        let folder = TemporaryFolder()
        let store = try Demo.store(in: folder)
        try store.cache.storeMonthAvailability(
            Demo.month(march, free: [Demo.bikeM.id: 0]), fetchedAt: Demo.now)
        try store.outbox.enqueue(
            Demo.request([OrderItem(Demo.bikeM.id)]), kind: .walkIn, takenOffline: true,
            now: Demo.now)

        #expect(try days(store, Demo.bikeM.id, [Demo.saturday]) == [-1])
    }

    @Test func daysNotInTheCacheAreUnknown() throws {
        let folder = TemporaryFolder()
        let store = try storeWithMarch(folder)
        let april = LocalDate("2016-04-01")!

        #expect(try days(store, Demo.bikeM.id, [Demo.saturday, april]) == [2, nil])
        #expect(try days(store, OfferID(99), [Demo.saturday]) == [nil])
    }

    @Test func anIntervalIsReducedByTheOrdersOverlappingIt() throws {
        let folder = TemporaryFolder()
        let store = try storeWithMarch(folder)
        try store.outbox.enqueue(
            Demo.request([OrderItem(Demo.bikeM.id, quantity: 2)], from: "11:00", to: "13:00"),
            kind: .reservation, takenOffline: true, now: Demo.now)
        try store.outbox.enqueue(
            Demo.request([OrderItem(Demo.bikeM.id)], on: monday), kind: .reservation,
            takenOffline: true, now: Demo.now)

        let morning = try store.availability(
            of: [Demo.bikeM.id], over: Demo.period(Demo.saturday, "08:00", "11:00"))
        let noon = try store.availability(
            of: [Demo.bikeM.id, Demo.cleaning.id],
            over: Demo.period(Demo.saturday, "10:00", "12:00"))

        #expect(morning[Demo.bikeM.id]?.availability == .free(2))
        #expect(noon[Demo.bikeM.id]?.availability == .free(0))
        #expect(noon[Demo.bikeM.id]?.fetchedAt == Demo.now)
        #expect(noon[Demo.cleaning.id]?.availability == .unlimited)
    }

    @Test func anIntervalOverSeveralDaysTakesTheSmallestDay() throws {
        let folder = TemporaryFolder()
        let store = try storeWithMarch(folder)
        var month = Demo.month(march, free: [Demo.bikeM.id: 2])
        month.offers[0].free[monday.day - 1] = 1
        try store.cache.storeMonthAvailability(month, fetchedAt: Demo.now)
        let weekend = try Period(
            start: Demo.instant(Demo.saturday, "10:00"), end: Demo.instant(monday, "10:00"))
        let april = try Period(
            start: Demo.instant(LocalDate("2016-03-31")!, "10:00"),
            end: Demo.instant(LocalDate("2016-04-01")!, "10:00"))

        let free = try store.availability(of: [Demo.bikeM.id], over: weekend)
        let uncovered = try store.availability(of: [Demo.bikeM.id], over: april)

        #expect(free[Demo.bikeM.id]?.availability == .free(1))
        #expect(uncovered.isEmpty)
    }

    @Test func theFreshestCachedFigureWins() throws {
        let folder = TemporaryFolder()
        let store = try storeWithMarch(folder)
        let wanted = Demo.period(Demo.saturday, "10:00", "12:00")
        let later = Demo.now.addingTimeInterval(600)
        let interval = IntervalAvailability(
            start: Demo.instant(Demo.saturday, "09:00"), end: Demo.instant(Demo.saturday, "17:00"),
            offers: [.init(offerID: Demo.bikeM.id, free: 0)])

        try store.cache.storeIntervalAvailability(interval, fetchedAt: later)
        let fresher = try store.availability(of: [Demo.bikeM.id], over: wanted)
        try store.cache.storeMonthAvailability(
            Demo.month(march, free: [Demo.bikeM.id: 2]), fetchedAt: later.addingTimeInterval(1))
        let freshest = try store.availability(of: [Demo.bikeM.id], over: wanted)

        #expect(
            fresher[Demo.bikeM.id] == OfflineAvailability(availability: .free(0), fetchedAt: later))
        #expect(freshest[Demo.bikeM.id]?.availability == .free(2))
    }

    @Test func olderFiguresNeverOverwriteNewerOnes() throws {
        let folder = TemporaryFolder()
        let store = try storeWithMarch(folder)

        try store.cache.storeMonthAvailability(
            Demo.month(march, free: [Demo.bikeM.id: 0]), fetchedAt: Demo.now.addingTimeInterval(-60)
        )

        #expect(try days(store, Demo.bikeM.id, [Demo.saturday]) == [2])
    }

    @Test func theOrderBeingReplacedIsLeftOut() throws {
        let folder = TemporaryFolder()
        let store = try storeWithMarch(folder)
        let request = Demo.request([OrderItem(Demo.bikeM.id, quantity: 2)])
        try store.outbox.enqueue(request, kind: .reservation, takenOffline: true, now: Demo.now)
        let saturday = Demo.period(Demo.saturday, "08:00", "18:00")

        let with = try store.availability(of: [Demo.bikeM.id], over: saturday)
        let without = try store.availability(
            of: [Demo.bikeM.id], over: saturday, excluding: request.clientID)

        #expect(with[Demo.bikeM.id]?.availability == .free(0))
        #expect(without[Demo.bikeM.id]?.availability == .free(2))
    }

    @Test func aMonthWithoutOneFigurePerDayIsRefusedWhole() throws {
        let folder = TemporaryFolder()
        let store = try Demo.store(in: folder)
        var month = Demo.month(march, free: [Demo.bikeM.id: 2, Demo.trailer.id: 1])
        month.offers[1].free.removeLast()

        #expect(throws: OfflineCacheError.self) {
            try store.cache.storeMonthAvailability(month, fetchedAt: Demo.now)
        }
        #expect(try days(store, Demo.bikeM.id, [Demo.saturday]) == [nil])
    }

    @Test func anIntervalThatEndsBeforeItStartsIsRefused() throws {
        let folder = TemporaryFolder()
        let store = try Demo.store(in: folder)
        let backwards = IntervalAvailability(
            start: Demo.instant(Demo.saturday, "12:00"), end: Demo.instant(Demo.saturday, "10:00"),
            offers: [.init(offerID: Demo.bikeM.id, free: 2)])

        #expect(throws: OfflineCacheError.self) {
            try store.cache.storeIntervalAvailability(backwards, fetchedAt: Demo.now)
        }
    }

    @Test func withoutTheAccountsSettingsNothingCanBeCounted() throws {
        let folder = TemporaryFolder()
        let store = try folder.openStore()

        #expect(throws: OfflineCacheError.self) {
            try store.availability(
                of: [Demo.bikeM.id], over: Demo.period(Demo.saturday, "10:00", "12:00"))
        }
    }

    @Test func prunedDaysAreForgotten() throws {
        let folder = TemporaryFolder()
        let store = try storeWithMarch(folder)

        try store.cache.pruneAvailability(before: monday)

        #expect(try days(store, Demo.bikeM.id, [Demo.saturday, monday]) == [nil, 2])
    }
}
