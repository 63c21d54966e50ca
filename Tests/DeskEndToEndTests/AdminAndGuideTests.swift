import BookingAPI
import BookingServer
import Foundation
import TestSupport
import Testing

/// The admin's users screen, the guide's view and a restricted user's desk end to end:
/// `booking-desk` in tmux against a real booking server with the demo data.
@Suite(.serialized) struct AdminAndGuideTests {
    private func desk(_ server: TestServer, columns: Int = 80, rows: Int = 24) throws
        -> DeskInTmux
    {
        try DeskInTmux(
            arguments: ["--server", server.running.baseURL], columns: columns, rows: rows)
    }

    /// A desk logged in as `login`, on its first screen.
    private func loggedIn(_ server: TestServer, _ login: DemoLogin, waitFor: String) throws
        -> DeskInTmux
    {
        let desk = try desk(server)
        try desk.logIn(account: login.account, username: login.username, password: login.password)
        try desk.session.waitFor(waitFor, timeout: .seconds(10))
        return desk
    }

    /// The top line of the screen: the tabs the user sees.
    private func tabs(_ desk: DeskInTmux) -> String {
        String(desk.session.screen().split(separator: "\n").first ?? "")
    }

    /// Opens the users tab from the calendar and waits for the list.
    private func openUsers(on desk: DeskInTmux) throws {
        desk.session.press("F6", "F6", "F6")
        try desk.session.waitFor("(admin, admin@example.com)")
    }

    /// Opens the users tab and selects the user `username` by searching.
    private func selectUser(_ username: String, on desk: DeskInTmux) throws {
        let tmux = desk.session
        try openUsers(on: desk)
        tmux.press("/")
        tmux.type(username)
        tmux.press("Enter")
        try tmux.waitFor("(\(username), \(username)@example.com)")
    }

    @Test func anAdminsChangesShowAtTheUsersNextLogIn() throws {
        let server = try TestServer()
        defer { server.stop() }
        let admin = try loggedIn(server, DemoData.admin, waitFor: "Kalender")
        #expect(tabs(admin).contains("Benutzer"))
        try selectUser("nord", on: admin)
        admin.session.press("a")
        try admin.session.waitFor("Nora Nord ist jetzt Admin.")

        let promoted = try loggedIn(server, DemoData.nord, waitFor: "Kalender")
        #expect(tabs(promoted).contains("Benutzer"))
        promoted.session.close()

        admin.session.press("a")
        try admin.session.waitFor("Nora Nord ist kein Admin mehr.")
        admin.session.press("b")
        try admin.session.waitFor("Filialen von Nora Nord")
        #expect(admin.session.screen().contains("[x] Filiale Nord"))
        admin.session.press("Space", "Down", "Space", "Enter")
        try admin.session.waitFor("Für Nora Nord gespeichert: Filialen: Filiale Hafen")
        admin.session.press("c")
        try admin.session.waitFor("Kategorien von Nora Nord")
        admin.session.press("Down", "Space", "Enter")
        try admin.session.waitFor("Kategorien: Fahrräder")

        let restricted = try loggedIn(server, DemoData.nord, waitFor: "Filiale Hafen · Fahrräder")
        #expect(!tabs(restricted).contains("Benutzer"))
        restricted.session.press("b")
        let branches = try restricted.session.waitFor("Filiale wählen")
        #expect(!branches.contains("Filiale Nord"))
        #expect(!branches.contains("Tourist-Info"))
        restricted.session.press("Escape")
        // Escape and a key at once would read as Alt and the key.
        try restricted.session.waitUntil("the picker to close") { !$0.contains("Filiale wählen") }
        restricted.session.press("c")
        let categories = try restricted.session.waitFor("Kategorie wählen")
        #expect(categories.contains("Fahrräder"))
        #expect(!categories.contains("Roller"))
        #expect(!categories.contains("E-Bikes"))
    }

    @Test func theOwnersKeysSayWhyNot() throws {
        let server = try TestServer()
        defer { server.stop() }
        let admin = try loggedIn(server, DemoData.admin, waitFor: "Kalender")
        try selectUser("admin", on: admin)
        admin.session.press("x")
        try admin.session.waitFor("Anna Admin ist Inhaber des Kontos und kann nicht gelöscht")
        admin.session.press("a")
        try admin.session.waitFor("Anna Admin ist Inhaber des Kontos und bleibt immer Admin.")
    }

    @Test func aNewUserIsToldThePasswordWentOutByMail() throws {
        let server = try TestServer()
        defer { server.stop() }
        let admin = try loggedIn(server, DemoData.admin, waitFor: "Kalender")
        try openUsers(on: admin)
        admin.session.press("n")
        try admin.session.waitFor("Neuer Benutzer")
        admin.session.type("jörg")
        admin.session.press("Enter")
        admin.session.type("Jörg Wäller")
        admin.session.press("Enter")
        admin.session.type("joerg@example.com")
        admin.session.press("Enter")
        try admin.session.waitFor("Jörg Wäller ist angelegt (Benutzer jörg).")
        try admin.session.waitFor("Postausgang")

        let password = try server.mailedPassword(to: "joerg@example.com")
        let joerg = try loggedIn(
            server, DemoLogin(account: "demo", username: "jörg", password: password),
            waitFor: "Kalender")
        #expect(tabs(joerg).contains("Guides & Touren"))
    }

    @Test func anAdminReleasesAndCreatesTourDatesTheGuideThenSees() throws {
        let server = try TestServer()
        defer { server.stop() }
        let admin = try loggedIn(server, DemoData.admin, waitFor: "Kalender")
        let tmux = admin.session
        tmux.press("F6", "F6", "F6", "F6")
        try tmux.waitFor("FG-2024-017")
        tmux.press("Tab", "/")
        tmux.type("Wein")
        tmux.press("Enter", "r")
        try tmux.waitFor("ist freigegeben: Greta Gerber sieht")
        tmux.press("n")
        try tmux.waitFor("Neuer Tourtermin")
        tmux.press("Enter", "Enter", "Enter", "Enter", "Enter", "Right", "Enter", "Space")
        try tmux.waitFor("‹ Greta Gerber ›")
        tmux.press("Enter")
        try tmux.waitFor("Hafenrundfahrt mit dem Rad am")

        let guide = try loggedIn(server, DemoData.guide, waitFor: "Meine Touren · Greta Gerber")
        let screen = try guide.session.waitFor("Weinbergtour mit Verkostung")
        #expect(screen.contains("Hafenrundfahrt mit dem Rad"))
    }

    @Test func aGuideSeesTheirReleasedToursAndNoKeyChangesThem() throws {
        let server = try TestServer()
        let guide = try loggedIn(server, DemoData.guide, waitFor: "Meine Touren · Greta Gerber")
        let tmux = guide.session
        let screen = try tmux.waitFor("Radtour zum Leuchtturm")
        let lines = screen.split(separator: "\n")
        #expect(!tabs(guide).contains("Kalender"))
        #expect(lines.contains { $0.contains("Stadtführung Altstadt") && $0.hasSuffix("5") })
        #expect(lines.contains { $0.contains("Radtour zum Leuchtturm") && $0.hasSuffix("4") })
        #expect(lines.contains { $0.contains("Vergangene Touren") })
        #expect(!screen.contains("Weinbergtour"), "not released")
        #expect(screen.contains("Greta Gerber  Tourguide"))

        for key in ["n", "x", "DC", "Enter", "F8", "F3", "Space", "F6"] { tmux.press(key) }
        tmux.press("F1")
        // The whole box, not a frame half written.
        let help = try tmux.waitUntil("the help") {
            $0.contains("Tasten (default)") && $0.contains("Desk beenden")
        }
        #expect(help.contains("Zeile runter"))
        #expect(!help.contains("Bestellung"))
        tmux.press("Escape")
        let after = try tmux.waitFor("Radtour zum Leuchtturm")
        #expect(after.contains("Meine Touren · Greta Gerber"))

        server.stop()
        tmux.press("F5")
        try tmux.waitFor("Der Server ist nicht erreichbar")
        #expect(tmux.screen().contains("Radtour zum Leuchtturm"))
        #expect(tmux.exitStatus() == nil)
    }

    @Test func aGuideReopensTheirToursWithoutTheServer() throws {
        let server = try TestServer()
        let home = NSTemporaryDirectory() + "booking-desk-e2e-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: home) }
        let arguments = ["--server", server.running.baseURL]
        do {
            let desk = try DeskInTmux(arguments: arguments, home: home)
            let login = DemoData.guide
            try desk.logIn(
                account: login.account, username: login.username, password: login.password)
            try desk.session.waitFor("Radtour zum Leuchtturm", timeout: .seconds(10))
            desk.session.press("F10")
            _ = try desk.session.waitForExit()
        }
        server.stop()

        let again = try DeskInTmux(arguments: arguments, home: home)
        // Without the server the form offers the last user, with the cursor on the password.
        try again.session.waitFor("Server nicht erreichbar: ohne ihn", timeout: .seconds(10))
        again.session.type(DemoData.guide.password)
        again.session.press("Enter")
        let screen = try again.session.waitFor("Radtour zum Leuchtturm", timeout: .seconds(15))
        #expect(screen.contains("Meine Touren · Greta Gerber"))
        #expect(screen.contains("Aus dem Speicher dieses Rechners: Stand"))
        #expect(screen.contains("OFFLINE · Touren aus dem Speicher"))
    }

    @Test func aRestrictedUsersWizardOffersOnlyTheirBranch() throws {
        let server = try TestServer()
        defer { server.stop() }
        let nord = try loggedIn(server, DemoData.nord, waitFor: "Filiale Nord · ")
        let tmux = nord.session
        tmux.press("n")
        try tmux.waitFor("Abholung am")
        tmux.press("Enter")
        try tmux.waitFor("‹ Filiale Nord ›")
        tmux.press("Tab", "Tab", "Right", "Right")
        let time = try tmux.waitFor("‹ Filiale Nord ›")
        #expect(!time.contains("Hafen") && !time.contains("Tourist-Info"))
        tmux.press("Enter")
        let offers = try tmux.waitFor("Fahrrad M")
        #expect(!offers.contains("Strandrad"))
        #expect(!offers.contains("Touren-eBike"))
    }
}
