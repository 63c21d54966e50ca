import BookingAPI
import BookingCore
import BookingServer
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The offline desk end to end: the real `booking-desk` in tmux against a real server on
/// loopback that is stopped and started again, or behind a proxy that cuts the line or
/// loses an answer. Every order must reach the server exactly once.
@Suite(.serialized) struct OfflineEndToEndTests {
    /// A staff client of the server, to see what arrived.
    private func orders(named lastName: String, at url: String) throws -> [OrderInfo] {
        let api = try APIClient(baseURL: url)
        try api.logIn(DemoData.staff)
        let found = try api.get(OrderList.self, APIPath.orders + "?q=" + lastName)
        return found.orders.filter { $0.customer.lastName == lastName }
    }

    /// Today's date in Berlin (the demo account's zone) at `hour` o'clock there.
    static func todayInBerlin(at hour: Int) -> Date {
        let berlin = AccountCalendar.berlin
        let today = berlin.local(Date()).date
        return berlin.instant(today, LocalTime(hour: hour, minute: 0)!)
    }

    /// Logs in and waits until the calendar shows figures and the desk has cached the next
    /// weeks (fetched right after the calendar's month, a few milliseconds each).
    private func logIn(_ desk: DeskInTmux) throws {
        try desk.logIn(account: "demo", username: "staff", password: "demo-staff")
        try desk.session.waitFor("frei", timeout: .seconds(15))
        Thread.sleep(forTimeInterval: 1)
    }

    /// The desk's clock says 10:00 today in Berlin, so that the first order is a walk-in at
    /// an open branch whatever the hour the tests run.
    @Test func ordersTakenWhileTheServerIsDownArriveOnceWhenItIsBack() throws {
        let server = try RestartableServer()
        let desk = try DeskInTmux(
            arguments: ["--server", server.baseURL], columns: 100, rows: 30,
            clock: Self.todayInBerlin(at: 10))
        try logIn(desk)
        server.stop()

        try desk.takeOrder(offer: "Fahrrad M", lastName: "Erstkunde")
        let walkIn = try desk.confirmOffline()
        try desk.takeOrder(offer: "Fahrrad S", lastName: "Zweitkunde", tomorrow: true)
        let reservation = try desk.confirmOffline()
        #expect(walkIn != reservation)
        let offline = try desk.session.waitFor("unversandt: 2")
        #expect(offline.contains("OFFLINE"))

        try server.start()
        try desk.session.waitFor("unversandt: 0", timeout: .seconds(20))
        let first = try orders(named: "Erstkunde", at: server.baseURL)
        let second = try orders(named: "Zweitkunde", at: server.baseURL)
        #expect(first.count == 1 && second.count == 1)
        #expect(first.first?.takenOffline == true && first.first?.forced == true)
        #expect(second.first?.takenOffline == true && second.first?.forced == false)

        desk.session.press("BTab")
        let sync = try desk.session.waitFor("gesendet:")
        #expect(sync.contains(walkIn) && sync.contains(reservation))
        #expect(sync.contains(try #require(first.first?.number)))
    }

    @Test func ordersLeftUnsentByAKilledDeskAreSentAfterItsRestart() throws {
        let server = try RestartableServer()
        let home = NSTemporaryDirectory() + "booking-desk-e2e-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: home) }
        do {
            let desk = try DeskInTmux(arguments: ["--server", server.baseURL], home: home)
            try logIn(desk)
            server.stop()
            try desk.takeOrder(offer: "Fahrrad M", lastName: "Abgebrochen")
            _ = try desk.confirmOffline()
            let pid = try #require(desk.session.programPID())
            #expect(desk.session.killProgram())
            try waitUntilGone(pid)
        }
        try server.start()
        let again = try DeskInTmux(arguments: ["--server", server.baseURL], home: home)
        try again.session.waitFor("unversandt: 1", timeout: .seconds(10))
        try again.logIn(account: "demo", username: "staff", password: "demo-staff")
        try again.session.waitFor("unversandt: 0", timeout: .seconds(20))
        #expect(try orders(named: "Abgebrochen", at: server.baseURL).count == 1)
    }

    @Test func anAnswerLostAfterTheServerStoredTheOrderStillMakesOneOrder() throws {
        let server = try TestServer()
        defer { server.stop() }
        let proxy = try TestProxy(to: server.port)
        let desk = try DeskInTmux(arguments: ["--server", proxy.baseURL])
        try logIn(desk)
        try desk.takeOrder(offer: "Fahrrad M", lastName: "Verloren")
        proxy.dropNextResponse(after: "POST " + APIPath.orders + " ")
        desk.session.press("Enter")
        // No answer came: the order waits in the outbox, and goes again once the probe
        // finds the server; the server answers from the order's idempotency key.
        try desk.session.waitFor("Ohne Server angenommen", timeout: .seconds(10))
        try desk.session.waitFor("unversandt: 0", timeout: .seconds(20))
        #expect(proxy.droppedResponses == 1)
        let stored = try orders(named: "Verloren", at: server.running.baseURL)
        #expect(stored.count == 1)
        desk.session.press("Enter")
        desk.session.press("BTab")
        try desk.session.waitFor("ist beim Server Bestellung " + (stored.first?.number ?? "?"))
    }

    @Test func twoDesksSellTheLastUnitOfflineAndTheSecondGetsTheConflict() throws {
        let server = try TestServer()
        defer { server.stop() }
        let lines = [try TestProxy(to: server.port), try TestProxy(to: server.port)]
        let desks = try lines.map {
            try DeskInTmux(arguments: ["--server", $0.baseURL], columns: 100, rows: 30)
        }
        for desk in desks { try logIn(desk) }
        for line in lines { line.cut() }

        for (desk, name) in zip(desks, ["Tandemeins", "Tandemzwei"]) {
            try desk.takeOrder(offer: "Tandem", lastName: name, tomorrow: true)
            _ = try desk.confirmOffline()
        }
        lines[0].reconnect()
        try desks[0].session.waitFor("unversandt: 0", timeout: .seconds(20))
        lines[1].reconnect()
        try desks[1].session.waitFor("abgelehnt (ausgebucht)", timeout: .seconds(20))
        try desks[1].session.waitFor("zu klären: 1")

        desks[1].session.press("BTab")
        try desks[1].session.waitFor("Konflikt: ausgebucht")
        desks[0].session.press("BTab")
        let first = try desks[0].session.waitFor("gesendet:")
        #expect(!first.contains("Konflikt"))
        #expect(!first.contains("zu klären: 1"))
        #expect(try orders(named: "Tandemeins", at: server.running.baseURL).count == 1)
        #expect(try orders(named: "Tandemzwei", at: server.running.baseURL).isEmpty)
    }

    @Test func logOutIsRefusedWhileAnOrderIsUnsent() throws {
        let server = try RestartableServer()
        let desk = try DeskInTmux(arguments: ["--server", server.baseURL])
        try logIn(desk)
        server.stop()
        try desk.takeOrder(offer: "Fahrrad M", lastName: "Wartend")
        _ = try desk.confirmOffline()
        desk.session.press("F12")
        try desk.session.waitFor("Abmelden geht nicht: 1 Bestellung ist noch nicht beim")
        #expect(desk.session.screen().contains("Kalender"))

        try server.start()
        try desk.session.waitFor("unversandt: 0", timeout: .seconds(20))
        desk.session.press("F12")
        try desk.session.waitFor("Abgemeldet.")
        try desk.session.waitFor("Passwort")
    }

    @Test func aCorruptCacheIsReportedAndRebuiltAndTheOutboxKept() throws {
        let server = try RestartableServer()
        let home = NSTemporaryDirectory() + "booking-desk-e2e-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: home) }
        do {
            let desk = try DeskInTmux(arguments: ["--server", server.baseURL], home: home)
            try logIn(desk)
            server.stop()
            try desk.takeOrder(offer: "Fahrrad M", lastName: "Beschaedigt")
            _ = try desk.confirmOffline()
            desk.session.press("F10")
            let pid = try #require(desk.session.programPID())
            try waitUntilGone(pid)
        }
        let folder = try #require(
            try FileManager.default.contentsOfDirectory(atPath: home + "/.local/share/booking-desk")
                .first { $0.hasPrefix("desk-") })
        let cache = home + "/.local/share/booking-desk/" + folder + "/cache.sqlite"
        try Data(repeating: 0x42, count: 16_384).write(to: URL(fileURLWithPath: cache))

        try server.start()
        let again = try DeskInTmux(arguments: ["--server", server.baseURL], home: home)
        try again.session.waitFor("Der Zwischenspeicher war beschädigt", timeout: .seconds(10))
        try again.session.waitFor("unversandt: 1")
        try again.logIn(account: "demo", username: "staff", password: "demo-staff")
        try again.session.waitFor("unversandt: 0", timeout: .seconds(20))
        try again.session.waitFor("frei", timeout: .seconds(10))
        #expect(try orders(named: "Beschaedigt", at: server.baseURL).count == 1)
        #expect(FileManager.default.fileExists(atPath: cache + ".damaged"))
    }

    /// Waits until the process is gone (reaped by tmux or a zombie no longer running).
    private func waitUntilGone(_ pid: pid_t) throws {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let state = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
            if state == nil || state?.contains(") Z ") == true { return }
            usleep(50_000)
        }
        throw TestFailure("process \(pid) still runs")
    }
}

extension DeskInTmux {
    /// From the calendar: a new order of `offer` (found by name in Angebot) for a customer
    /// `lastName`, today (a walk-in) or tomorrow (a reservation), up to Bestätigung.
    func takeOrder(offer: String, lastName: String, tomorrow: Bool = false) throws {
        let tmux = session
        try tmux.waitFor("geschlossen")
        if tomorrow { tmux.press("Right") }
        tmux.press("n")
        try tmux.waitFor("Abholung am")
        tmux.press("Enter")
        try tmux.waitFor("Abholung um")
        tmux.press("Enter")
        try tmux.waitFor("Menge")
        tmux.press("/")
        tmux.type(offer)
        tmux.press("Enter")
        tmux.type("1")
        try tmux.waitFor("- 1 +")
        tmux.press("Enter")
        try tmux.waitFor("Kindersitz")
        tmux.press("Enter")
        try tmux.waitFor("AGB akzeptiert")
        tmux.press("Enter", times: 2)
        tmux.type(lastName)
        tmux.press("Enter")
        tmux.type(lastName.lowercased() + "@example.de")
        tmux.press("Enter", times: 8)
        tmux.press("Space")
        tmux.press("Enter")
        try tmux.waitFor("Anzahlung")
    }

    /// Confirms an order while the server is away; returns its provisional number and
    /// closes the dialog.
    func confirmOffline() throws -> String {
        session.press("Enter")
        let screen = try session.waitFor("Ohne Server angenommen", timeout: .seconds(10))
        let words = screen.split(whereSeparator: { $0 == " " || $0 == "\n" })
        let number = try #require(words.first { $0.hasPrefix("V-") && $0.count == 11 })
        session.press("Enter")
        try session.waitUntil("the calendar") { !$0.contains("6 Bestätigung") }
        return String(number)
    }
}
