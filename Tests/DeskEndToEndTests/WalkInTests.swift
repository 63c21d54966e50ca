import BookingAPI
import BookingCore
import BookingServer
import Foundation
import TestSupport
import Testing

/// The desk end to end: `booking-desk` in tmux against a real booking server on loopback,
/// driven key by key like a person at the counter.
@Suite(.serialized) struct WalkInTests {
    /// Starts a server with the demo data, and the desk linked to it, logged in as staff.
    private func start(columns: Int = 80, rows: Int = 24) throws -> (TestServer, DeskInTmux) {
        let server = try TestServer()
        let desk = try DeskInTmux(
            arguments: ["--server", server.running.baseURL],
            columns: columns, rows: rows)
        return (server, desk)
    }

    /// Logs in, chooses Filiale Nord and takes the design's reference order up to
    /// Bestätigung; `midway` runs in the Angebot step.
    private func takeReferenceOrder(_ desk: DeskInTmux, midway: () throws -> Void = {}) throws {
        let tmux = desk.session
        try desk.logIn(account: "demo", username: "staff", password: "demo-staff")
        try tmux.waitFor("Kalender")
        tmux.press("b")
        try tmux.waitFor("Filiale wählen")
        tmux.type("Nord")
        tmux.press("Enter")
        tmux.press("c")
        try tmux.waitFor("Kategorie wählen")
        tmux.type("Fahrr")
        tmux.press("Enter")
        try tmux.waitFor("Filiale Nord · Fahrräder")
        tmux.press("n")
        try tmux.waitFor("Abholung am")
        tmux.press("C-u")
        tmux.type(Self.aWeekAhead)
        tmux.press("Enter")
        try tmux.waitFor("Abholung um")
        #expect(tmux.screen().contains("08:00"))
        #expect(tmux.screen().contains("18:00"))
        tmux.press("Enter")
        try tmux.waitUntil("free units in the Angebot step") { screen in
            screen.contains("Fahrrad M") && screen.contains("0,00 € / Buchung     6")
        }
        try midway()
        tmux.press("/")
        tmux.type("Fahrrad M")
        tmux.press("Enter")
        tmux.type("2")
        try tmux.waitFor("- 2 +")
        tmux.press("Enter")
        try tmux.waitFor("Fahrradanhänger")
        tmux.type("1")
        try tmux.waitFor("Summe 10,00 €")
        tmux.press("Enter")
        try tmux.waitFor("AGB akzeptiert")
        tmux.press("Enter")
        tmux.type("Jürgen")
        tmux.press("Enter")
        tmux.type("Weiß")
        tmux.press("Enter")
        tmux.type("j.weiss@example.de")
        tmux.press("Enter", times: 8)
        tmux.press("Space")
        tmux.press("Enter")
        try tmux.waitFor("Anzahlung 50 %")
    }

    /// A day a week from now in the demo account's zone, as the desk takes it: never today
    /// (so Zeit starts at the opening hour) and never in the past.
    static var aWeekAhead: String {
        let day = AccountCalendar.berlin.date(of: Date() + 7 * 86_400)
        return String(format: "%02d.%02d.%04d", day.day, day.month, day.year)
    }

    /// The order number shown after confirming.
    private func confirm(_ desk: DeskInTmux) throws -> String {
        desk.session.press("Enter")
        let screen = try desk.session.waitFor("ist angelegt")
        let line = try #require(screen.split(separator: "\n").first { $0.contains("ist angelegt") })
        let words = line.split(separator: " ")
        let index = try #require(words.firstIndex(of: "Bestellung"))
        return String(words[index + 1])
    }

    @Test func takesTheReferenceBikeOrderAndTheAPIHasIt() throws {
        let (server, desk) = try start()
        defer { server.stop() }
        try takeReferenceOrder(desk)
        let screen = desk.session.screen()
        #expect(screen.contains("2× Fahrrad M"))
        #expect(screen.contains("1× Fahrradanhänger"))
        #expect(screen.contains("enthaltene MwSt. 19 %"))
        #expect(screen.contains("10,00 €"))
        let number = try confirm(desk)

        let api = try server.client()
        try api.logIn(DemoData.staff)
        let found = try api.get(OrderList.self, APIPath.orders + "?q=" + number)
        let order = try #require(found.orders.first { $0.number == number })
        #expect(order.priced.total.cents == 1000)
        #expect(order.draft.offers.map(\.quantity) == [2])
        #expect(order.draft.options.map(\.quantity) == [1])
        #expect(order.customer.lastName == "Weiß")
        #expect(order.status == .reserved)

        desk.session.press("Enter")
        try desk.session.waitFor("Filiale Nord · Fahrräder")
    }

    @Test func survivesAResizeInTheMiddleOfTheWizard() throws {
        let (server, desk) = try start()
        defer { server.stop() }
        try takeReferenceOrder(desk) {
            desk.session.resize(columns: 120, rows: 40)
            try desk.session.waitUntil("the wizard at 120 columns") { screen in
                screen.split(separator: "\n").contains { $0.count > 100 && $0.contains("Menge") }
            }
            desk.session.resize(columns: 70, rows: 20)
            try desk.session.waitFor("mindestens 80×24")
            desk.session.resize(columns: 80, rows: 24)
            try desk.session.waitFor("3 Angebot")
        }
        let number = try confirm(desk)
        #expect(number.hasPrefix("20"))
    }

    @Test func aWrongPasswordGivesAMessage() throws {
        let (server, desk) = try start()
        defer { server.stop() }
        try desk.logIn(account: "demo", username: "staff", password: "falsch")
        try desk.session.waitFor("Konto, Benutzer oder Passwort stimmen nicht.")
        desk.session.type("demo-staff")
        desk.session.press("Enter")
        try desk.session.waitFor("Kalender")
    }

    @Test func aStoppedServerGivesAMessageNotACrash() throws {
        let (server, desk) = try start()
        try desk.logIn(account: "demo", username: "staff", password: "demo-staff")
        try desk.session.waitFor("Kalender")
        server.stop()
        desk.session.press("F5")
        try desk.session.waitFor("Der Server ist nicht erreichbar")
        try desk.session.waitFor("offline")
        desk.session.press("n")
        try desk.session.waitFor("Abholung am")
        #expect(desk.session.exitStatus() == nil)
    }
}
