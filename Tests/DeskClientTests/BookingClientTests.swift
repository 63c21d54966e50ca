import BookingAPI
import BookingCore
import BookingServer
import DeskClient
import Foundation
import Testing

/// Every endpoint through the real libcurl client against a real booking-server.
@Suite struct BookingClientTests {
    @Test func checksHealthWithoutASession() throws {
        let server = try DemoServer()
        let client = try BookingClient(configuration: server.configuration)

        let health = try client.health()

        #expect(health.status == "ok")
    }

    @Test func logsInAndTellsWhoIsLoggedIn() throws {
        let server = try DemoServer()
        let client = try BookingClient(configuration: server.configuration)
        let login = DemoData.staff

        let response = try client.logIn(
            .init(account: login.account, username: login.username, password: login.password))
        let me = try client.me()

        #expect(client.token == response.token)
        #expect(me.user.username == "staff")
        #expect(me.account.slug == "demo")
        #expect(me == response.session)
    }

    @Test func aWrongPasswordIsInvalidCredentials() throws {
        let server = try DemoServer()
        let client = try BookingClient(configuration: server.configuration)

        let error = #expect(throws: DeskClientError.self) {
            try client.logIn(.init(account: "demo", username: "staff", password: "falsch"))
        }

        #expect(error == .invalidCredentials)
        #expect(error?.messageKey == "error.invalidCredentials")
        #expect(client.token == nil)
    }

    @Test func aCallWithoutASessionIsSessionEnded() throws {
        let server = try DemoServer()
        let client = try BookingClient(configuration: server.configuration)

        let error = #expect(throws: DeskClientError.self) { try client.branches() }

        #expect(error == .sessionEnded)
    }

    @Test func aTokenWithALineBreakIsInvalidInputNotOffline() throws {
        let server = try DemoServer()
        let client = try BookingClient(
            configuration: server.configuration, token: "abc\r\nX-Injected: 1")

        let error = #expect(throws: DeskClientError.self) { try client.me() }

        #expect(error?.messageKey == "error.invalidInput")
        #expect(error?.isUnreachable == false)
    }

    @Test func logOutEndsTheSessionOnTheServer() throws {
        let server = try DemoServer()
        let client = try server.staffClient()
        let token = client.token

        try client.logOut()
        let other = try BookingClient(configuration: server.configuration, token: token)
        let error = #expect(throws: DeskClientError.self) { try other.me() }

        #expect(client.token == nil)
        #expect(error == .sessionEnded)
        #expect(other.token == nil)
    }

    @Test func readsTheCatalogue() throws {
        let server = try DemoServer()
        let client = try server.staffClient()

        let branches = try client.branches()
        let categories = try client.categories()
        let catalog = try DemoCatalog(client)
        let bike = try #require(catalog.offers["Fahrrad M"])
        let fetched = try client.offer(bike.id)
        let found = try client.offers(.init(text: "Größe S"))

        #expect(branches.map(\.name).contains("Filiale Tourist-Info"))
        #expect(categories.contains { $0.name == "Fahrräder" && $0.kind == .rental })
        #expect(fetched == bike)
        #expect(catalog.options["Fahrradanhänger"]?.stock == 2)
        #expect(found.map(\.name) == ["Touren-eBike E-Ville C A8 / Größe S"])
    }

    @Test func anUnknownOfferIsNotFound() throws {
        let server = try DemoServer()
        let client = try server.staffClient()

        let error = #expect(throws: DeskClientError.self) { try client.offer(OfferID(999_999)) }

        #expect(error?.messageKey == "error.notFound")
    }

    @Test func readsAvailabilityForAMonthAndAnInterval() throws {
        let server = try DemoServer()
        let client = try server.staffClient()
        let catalog = try DemoCatalog(client)
        let bike = try #require(catalog.offers["Fahrrad M"])
        let draft = try catalog.draft("Fahrrad M")
        let month = try #require(LocalDate(year: 2027, month: 2, day: 1))

        let monthly = try client.monthAvailability(month: month, .init(offer: bike.id))
        let interval = try client.intervalAvailability(
            start: draft.start, end: draft.end, .init(branch: catalog.nord.id))

        #expect(monthly.days.count == 28)
        #expect(monthly.offers.map(\.offerID) == [bike.id])
        #expect(monthly.offers.first?.free.allSatisfy { $0 == 6 } == true)
        #expect(interval.offers.first { $0.offerID == bike.id }?.free == 6)
    }

    @Test func quotesTheReferenceFigureOfFilialeNord() throws {
        let server = try DemoServer()
        let client = try server.staffClient()
        let catalog = try DemoCatalog(client)

        let priced = try client.quote(
            try catalog.draft("Fahrrad M", quantity: 2, options: ["Fahrradanhänger": 1]))

        #expect(priced.total == Money(cents: 1000))
        #expect(priced.lines.count == 2)
    }

    @Test func holdsUnitsAndReleasesThem() throws {
        let server = try DemoServer()
        let client = try server.staffClient()
        let catalog = try DemoCatalog(client)
        let draft = try catalog.draft("Tandem")

        let hold = try client.createHold(draft)
        let during = try client.intervalAvailability(
            start: draft.start, end: draft.end, .init(offer: hold.draft.offers[0].offerID))
        try client.releaseHold(hold.id)
        let after = try client.intervalAvailability(
            start: draft.start, end: draft.end, .init(offer: hold.draft.offers[0].offerID))

        #expect(hold.expiresAt > Date())
        #expect(during.offers.first?.free == 0)
        #expect(after.offers.first?.free == 1)
    }
}
