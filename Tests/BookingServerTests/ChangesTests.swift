import BookingAPI
import BookingCore
import BookingServer
import Foundation
import TestSupport
import Testing

/// The delta-sync feed: `GET /changes/catalogue` and `GET /changes/orders` against a real
/// server, through the real libcurl client.
@Suite struct ChangesTests {
    private func catalogue(_ client: APIClient, since: String? = nil) throws -> ChangedCatalogue {
        try client.get(
            ChangedCatalogue.self, APIPath.catalogueChanges + (since.map { "?since=" + $0 } ?? ""))
    }

    private func orders(_ client: APIClient, _ query: String = "") throws -> ChangedOrders {
        try client.get(ChangedOrders.self, APIPath.orderChanges + query)
    }

    /// A same-day draft of `offer` at the branch on `day` of March 2030.
    private func draft(_ branch: Branch, _ offer: Offer, day: Int = 5) -> OrderDraft {
        let date = LocalDate(year: 2030, month: 3, day: day)!
        let calendar = AccountCalendar.berlin
        return OrderDraft(
            branchID: branch.id, start: calendar.instant(date, LocalTime(hour: 9, minute: 0)!),
            end: calendar.instant(date, LocalTime(hour: 17, minute: 0)!),
            offers: [OrderItem(offer.id)])
    }

    @Test func theFirstFetchIsEverythingAndTheNextOnlyWhatChanged() throws {
        let desk = try DemoDesk()
        defer { desk.server.stop() }
        let full = try catalogue(desk.client)
        #expect(full.replacesAll)
        #expect(full.branches.count == 3)
        #expect(full.offers.contains { $0.name == "Fahrradanhänger" })
        #expect(full.offers.contains { $0.name == "Fahrrad M" })
        let again = try catalogue(desk.client, since: full.cursor)
        #expect(!again.replacesAll)
        #expect(again.branches.isEmpty && again.categories.isEmpty && again.offers.isEmpty)
        #expect(again.cursor == full.cursor)

        let start = try orders(desk.client, "?limit=1000")
        #expect(start.replacesAll && !start.more)
        let nord = try desk.branch("Filiale Nord")
        let bike = try desk.client.offer(named: "Fahrrad M")
        let first = try #require(try desk.client.placeOrder(draft(nord, bike)).order)
        let second = try #require(try desk.client.placeOrder(draft(nord, bike, day: 6)).order)
        let created = try orders(desk.client, "?since=" + start.cursor)
        #expect(created.orders.map(\.id) == [first.id, second.id])
        #expect(!created.replacesAll)

        let cancelled = try desk.client.send("POST", APIPath.cancelOrder(first.id))
        #expect(cancelled.status == 200)
        let change = try orders(desk.client, "?since=" + created.cursor)
        #expect(change.orders.map(\.id) == [first.id])
        #expect(change.orders.first?.status == .cancelled)
        #expect(try orders(desk.client, "?since=" + change.cursor).orders.isEmpty)
        // The catalogue did not change, but its cursor moves with the account's changes.
        #expect(try catalogue(desk.client, since: full.cursor).offers.isEmpty)
    }

    @Test func pagesFollowTheOrderOfChangesAndSayWhenMoreFollow() throws {
        let desk = try DemoDesk()
        defer { desk.server.stop() }
        let before = try orders(desk.client, "?limit=1000")
        let nord = try desk.branch("Filiale Nord")
        let bike = try desk.client.offer(named: "Fahrrad M")
        var placed: [OrderID] = []
        for day in 1...5 {
            placed.append(
                try #require(try desk.client.placeOrder(draft(nord, bike, day: day)).order).id)
        }
        var seen: [OrderID] = []
        var cursor = before.cursor
        var pages: [Bool] = []
        repeat {
            let page = try orders(desk.client, "?limit=2&since=" + cursor)
            #expect(page.orders.count <= 2)
            #expect(!page.replacesAll)
            seen += page.orders.map(\.id)
            pages.append(page.more)
            cursor = page.cursor
        } while pages.last == true && pages.count < 10
        #expect(seen == placed)
        #expect(pages == [true, true, false])
    }

    @Test func fromLeavesOutOrdersThatEndedBefore() throws {
        let desk = try DemoDesk()
        defer { desk.server.stop() }
        let nord = try desk.branch("Filiale Nord")
        let bike = try desk.client.offer(named: "Fahrrad M")
        let before = try orders(desk.client, "?limit=1000")
        _ = try desk.client.placeOrder(draft(nord, bike, day: 1))
        let later = try #require(try desk.client.placeOrder(draft(nord, bike, day: 20)).order)
        let page = try orders(desk.client, "?from=2030-03-10T00:00:00Z&since=" + before.cursor)
        #expect(page.orders.map(\.id) == [later.id])
    }

    @Test func restrictedStaffGetOnlyTheirBranchesOffersAndOrders() throws {
        let desk = try DemoDesk()
        defer { desk.server.stop() }
        let nord = try desk.branch("Filiale Nord")
        let info = try desk.branch("Filiale Tourist-Info")
        let restricted = try desk.server.client()
        try restricted.logIn(DemoData.nord)
        let before = try orders(restricted, "?limit=1000")
        #expect(before.orders.allSatisfy { $0.draft.branchID == nord.id })

        let seen = try catalogue(restricted)
        #expect(seen.branches.map(\.id) == [nord.id])
        #expect(!seen.offers.isEmpty)
        #expect(seen.offers.allSatisfy { $0.branchID == nord.id })

        let ebike = try desk.client.offer(named: "Touren-eBike E-Ville C A8 / Größe S")
        let bike = try desk.client.offer(named: "Fahrrad M")
        _ = try desk.client.placeOrder(draft(info, ebike))
        let mine = try #require(try desk.client.placeOrder(draft(nord, bike)).order)
        #expect(try orders(restricted, "?since=" + before.cursor).orders.map(\.id) == [mine.id])
    }

    @Test func anotherAccountsChangesStayInvisible() throws {
        let desk = try DemoDesk()
        defer { desk.server.stop() }
        let nord = try desk.branch("Filiale Nord")
        let placed = try #require(
            try desk.client.placeOrder(draft(nord, try desk.client.offer(named: "Fahrrad M")))
                .order)
        let other = try desk.server.client()
        try other.logIn(DemoData.otherAdmin)
        let theirs = try catalogue(other)
        #expect(theirs.branches.map(\.name) == ["Strand"])
        #expect(theirs.offers.map(\.name) == ["Strandrad"])
        let theirOrders = try orders(other, "?limit=1000").orders
        #expect(!theirOrders.contains { $0.id == placed.id })
    }

    @Test func aCursorThisServerNeverGaveStartsOver() throws {
        let desk = try DemoDesk()
        defer { desk.server.stop() }
        let ahead = try catalogue(desk.client, since: "9000000000")
        #expect(ahead.replacesAll)
        #expect(ahead.branches.count == 3)
        #expect(try orders(desk.client, "?since=9000000000").replacesAll)
    }

    @Test func badCursorsLimitsAndInstantsAre400WithTheField() throws {
        let desk = try DemoDesk()
        defer { desk.server.stop() }
        let cases: [(String, String)] = [
            (APIPath.catalogueChanges + "?since=abc", "since"),
            (APIPath.catalogueChanges + "?since=-1", "since"),
            (APIPath.orderChanges + "?since=1.5", "since"),
            (APIPath.orderChanges + "?since=99999999999999999999999", "since"),
            (APIPath.orderChanges + "?limit=0", "limit"),
            (APIPath.orderChanges + "?limit=1001", "limit"),
            (APIPath.orderChanges + "?limit=many", "limit"),
            (APIPath.orderChanges + "?from=yesterday", "from"),
        ]
        for (path, field) in cases {
            let response = try desk.client.send("GET", path)
            #expect(response.status == 400, "\(path)")
            #expect(response.envelope?.error.code == .invalidInput, "\(path)")
            #expect(response.envelope?.error.field == field, "\(path)")
        }
    }

    @Test func theFeedNeedsASession() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try server.client()
        for path in [APIPath.catalogueChanges, APIPath.orderChanges] {
            let response = try client.send("GET", path)
            #expect(response.status == 401)
            #expect(response.envelope?.error.code == .unauthorized)
        }
    }
}

extension Probes {
    /// The delta-sync feed lists what the caller may see: nothing in it can be outside.
    static let changes: [String: Builder] = [
        "GET /api/v1/changes/catalogue": { _, _, _ in Probe("GET", APIPath.catalogueChanges) },
        "GET /api/v1/changes/orders": { _, _, _ in Probe("GET", APIPath.orderChanges) },
    ]
}
