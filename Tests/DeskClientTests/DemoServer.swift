import BookingAPI
import BookingCore
import BookingServer
import DeskClient
import Foundation
import TestSupport
import Testing

/// A real booking-server with the demo data (TestSupport's), on 127.0.0.1 and a free
/// port over a SQLite file in a unique temporary folder; stopped and removed when the
/// value goes away.
final class DemoServer {
    private let server: TestServer

    init() throws {
        server = try TestServer()
    }

    deinit { server.stop() }

    var configuration: BookingClient.Configuration {
        .init(baseURL: server.running.baseURL)
    }

    /// A client logged in as the demo account's staff user.
    func staffClient() throws -> BookingClient {
        let client = try BookingClient(configuration: configuration)
        let login = DemoData.staff
        _ = try client.logIn(
            .init(account: login.account, username: login.username, password: login.password))
        return client
    }
}

/// The demo catalogue as the API shows it, looked up by name.
struct DemoCatalog {
    let nord: Branch
    let offers: [String: Offer]
    let options: [String: Offer]

    init(_ client: BookingClient) throws {
        nord = try #require(try client.branches().first { $0.name == "Filiale Nord" })
        let found = try client.offers(.init(branch: nord.id))
        offers = Dictionary(uniqueKeysWithValues: found.map { ($0.name, $0) })
        let extras = try client.options(branch: nord.id)
        options = Dictionary(uniqueKeysWithValues: extras.map { ($0.name, $0) })
    }

    /// A draft at Filiale Nord, 30 days from now, 10:00 to 14:00 UTC (inside its hours).
    func draft(_ offer: String, quantity: Int = 1, options: [String: Int] = [:]) throws
        -> OrderDraft
    {
        let day = Date().timeIntervalSince1970 + 30 * 86_400
        let start = Date(timeIntervalSince1970: (day / 86_400).rounded(.down) * 86_400 + 36_000)
        let extras = try options.map { name, count in
            OrderItem(try #require(self.options[name]).id, quantity: count)
        }
        return OrderDraft(
            branchID: nord.id, start: start, end: start + 4 * 3600,
            offers: [OrderItem(try #require(offers[offer]).id, quantity: quantity)],
            options: extras)
    }
}

let walkIn = CustomerData(
    salutation: "Herr", firstName: "Jürgen", lastName: "Müller", email: "juergen@example.org",
    street: "Straße des 17. Juni", houseNumber: "5", postalCode: "10623", city: "Berlin",
    country: "Deutschland", note: "Größe XL – bitte prüfen", termsAccepted: true)
