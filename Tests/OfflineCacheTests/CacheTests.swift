import BookingAPI
import BookingCore
import Foundation
import OfflineCache
import TestFiles
import Testing

@Suite struct CacheTests {
    @Test func theSessionAndTheAccountsCalendarAreKept() throws {
        let folder = TemporaryFolder()
        let store = try folder.openStore()
        #expect(try store.cache.session() == nil)

        let wiped = try store.cache.storeSession(Demo.session(), now: Demo.now)

        #expect(!wiped)
        #expect(try store.cache.session() == Demo.session())
        #expect(try store.cache.calendar() == .berlin)
        #expect(try store.cache.syncedAt(.session) == Demo.now)
    }

    @Test func anotherUserOrOtherRightsWipeWhatWasCached() throws {
        let folder = TemporaryFolder()
        let store = try Demo.store(in: folder)
        #expect(try !store.cache.storeSession(Demo.session(), now: Demo.now))
        #expect(try store.cache.offers().count == 3)

        #expect(try store.cache.storeSession(Demo.session(branches: []), now: Demo.now))
        #expect(try store.cache.offers().isEmpty)

        try store.cache.applyCatalogueChanges(Demo.catalogue, now: Demo.now)
        #expect(try store.cache.storeSession(Demo.session(user: 8), now: Demo.now))
        #expect(try store.cache.offers().isEmpty)
        #expect(try store.cache.session()?.user.id == UserID(8))
    }

    @Test func theCatalogueIsReplacedAndThenChangedByDeltas() throws {
        let folder = TemporaryFolder()
        let store = try Demo.store(in: folder)
        #expect(try store.cache.cursor(.catalogue) == "c1")
        #expect(try store.cache.branches() == [Demo.nord])
        #expect(
            try store.cache.offers(category: Demo.extras.id).map(\.name)
                == ["Endreinigung", "Fahrradanhänger"])

        var renamed = Demo.bikeM
        renamed.name = "Fahrrad M (Trekking)"
        renamed.stock = 3
        let helmet = Offer(
            id: OfferID(4), branchID: Demo.nord.id, categoryID: Demo.extras.id, name: "Helm",
            stock: 10, price: PriceRule(unit: .perBooking, amount: .euros(2)))
        try store.cache.applyCatalogueChanges(
            CatalogueChanges(
                offers: [renamed, helmet], removedOffers: [Demo.cleaning.id], cursor: "c2",
                replacesAll: false),
            now: Demo.now)

        #expect(try store.cache.cursor(.catalogue) == "c2")
        #expect(try store.cache.offer(Demo.bikeM.id) == renamed)
        #expect(try store.cache.offer(Demo.cleaning.id) == nil)
        #expect(
            try store.cache.offers().map(\.name)
                == ["Fahrrad M (Trekking)", "Fahrradanhänger", "Helm"])
        let catalog = try store.cache.catalog()
        #expect(catalog.offer(helmet.id).map(catalog.isOption) == true)
    }

    @Test func aRemovedOfferTakesItsAvailabilityAlong() throws {
        let folder = TemporaryFolder()
        let store = try Demo.store(in: folder)
        try store.cache.storeMonthAvailability(
            Demo.month(LocalDate("2016-03-01")!, free: [Demo.trailer.id: 1]), fetchedAt: Demo.now)

        try store.cache.applyCatalogueChanges(
            CatalogueChanges(removedOffers: [Demo.trailer.id], cursor: "c2", replacesAll: false),
            now: Demo.now)

        let month = try store.monthAvailability(of: [Demo.trailer.id], days: [Demo.saturday])
        #expect(month.offers[0].days == [nil])
    }

    @Test func orderChangesInsertUpdateCancelAndRemove() throws {
        let folder = TemporaryFolder()
        let store = try Demo.store(in: folder)
        let first = Demo.order(for: Demo.request([OrderItem(Demo.bikeM.id)]), id: 1)
        let second = Demo.order(
            for: Demo.request([OrderItem(Demo.bikeM.id)], from: "12:00", to: "14:00"), id: 2)
        let third = Demo.order(
            for: Demo.request([OrderItem(Demo.trailer.id)], from: "09:00", to: "10:00"), id: 3)
        try store.cache.applyOrderChanges(
            OrderChanges(orders: [first, second, third], cursor: "o1", replacesAll: true),
            now: Demo.now)
        #expect(try store.cache.orders().map(\.id.rawValue) == [1, 3, 2])

        var pickedUp = first
        pickedUp.status = .pickedUp
        var cancelled = second
        cancelled.status = .cancelled
        try store.cache.applyOrderChanges(
            OrderChanges(
                orders: [pickedUp, cancelled], removed: [third.id], cursor: "o2",
                replacesAll: false),
            now: Demo.now)

        #expect(try store.cache.cursor(.orders) == "o2")
        #expect(try store.cache.orders().map(\.status) == [.pickedUp, .cancelled])
        #expect(try store.cache.order(third.id) == nil)
        #expect(try store.cache.order(clientID: second.clientID)?.status == .cancelled)
    }

    @Test func aFullOrderFetchReplacesEverythingAndItsCursor() throws {
        let folder = TemporaryFolder()
        let store = try Demo.store(in: folder)
        let old = Demo.order(for: Demo.request([OrderItem(Demo.bikeM.id)]), id: 1)
        try store.cache.applyOrderChanges(
            OrderChanges(orders: [old], cursor: "o1", replacesAll: true), now: Demo.now)
        let fresh = Demo.order(for: Demo.request([OrderItem(Demo.bikeM.id)]), id: 2)

        try store.cache.applyOrderChanges(
            OrderChanges(orders: [fresh], cursor: nil, replacesAll: true), now: Demo.now)

        #expect(try store.cache.orders() == [fresh])
        #expect(try store.cache.cursor(.orders) == nil)
    }

    @Test func ordersAreFoundByBranchAndPeriodAndPruned() throws {
        let folder = TemporaryFolder()
        let store = try Demo.store(in: folder)
        let monday = LocalDate("2016-03-07")!
        let saturday = Demo.order(for: Demo.request([OrderItem(Demo.bikeM.id)]), id: 1)
        let nextWeek = Demo.order(
            for: Demo.request([OrderItem(Demo.bikeM.id)], on: monday), id: 2)
        try store.cache.storeOrders([saturday, nextWeek], now: Demo.now)

        let found = try store.cache.orders(
            branch: Demo.nord.id, overlapping: Demo.period(monday, "09:00", "10:00"))
        let elsewhere = try store.cache.orders(branch: BranchID(2))
        try store.cache.pruneOrders(endedBefore: Demo.instant(monday, "00:00"))

        #expect(found == [nextWeek])
        #expect(elsewhere.isEmpty)
        #expect(try store.cache.orders() == [nextWeek])
        #expect(try store.cache.cursor(.orders) == nil)
    }

    @Test func toursAreReplacedWholeAndReadByStart() throws {
        let folder = TemporaryFolder()
        let store = try Demo.store(in: folder)
        let tours = [
            GuideTour(
                id: TourID(2), name: "Weinbergtour", start: Demo.now.addingTimeInterval(7200),
                end: Demo.now.addingTimeInterval(14_400), participants: 4),
            GuideTour(
                id: TourID(1), name: "Stadtführung Altstadt", start: Demo.now,
                end: Demo.now.addingTimeInterval(3600), participants: 9),
        ]

        try store.cache.replaceTours(tours, now: Demo.now)
        #expect(try store.cache.tours() == tours.reversed())
        #expect(try store.cache.tours(from: Demo.now.addingTimeInterval(1)) == [tours[0]])
        #expect(try store.cache.syncedAt(.tours) == Demo.now)

        try store.cache.replaceTours([tours[1]], now: Demo.now)
        #expect(try store.cache.tours() == [tours[1]])
    }

    @Test func bothFilesRecordTheirMigrations() throws {
        let folder = TemporaryFolder()
        let store = try folder.openStore()

        #expect(
            try store.cache.appliedMigrations()
                == ["0001-session-catalogue", "0002-availability", "0003-orders-tours-cursors"])
        #expect(
            try store.outbox.appliedMigrations()
                == ["0001-desk-entries-conflicts", "0002-offline-unlock", "0003-shortage-checks"])
    }

    @Test func theDataFolderFollowsXDG() {
        #expect(
            OfflineStore.dataFolder(environment: ["XDG_DATA_HOME": "/x/data", "HOME": "/h"])
                == "/x/data/booking-desk")
        #expect(
            OfflineStore.dataFolder(environment: ["XDG_DATA_HOME": "relative", "HOME": "/h"])
                == "/h/.local/share/booking-desk")
        #expect(OfflineStore.dataFolder(environment: [:]) == nil)
    }
}
