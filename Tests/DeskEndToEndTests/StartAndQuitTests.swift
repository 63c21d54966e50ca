import Foundation
import TestSupport
import Testing

/// Starting the desk on its embedded default, in English, with a broken keymap, and giving
/// the terminal back when it quits.
@Suite(.serialized) struct StartAndQuitTests {
    @Test func theEmbeddedDefaultShowsTheDemoLoginsAndLetsStaffIn() throws {
        let desk = try DeskInTmux(arguments: [])
        let screen = try desk.session.waitFor("Demo-Zugänge", timeout: .seconds(10))
        #expect(screen.contains("Konto demo · Benutzer staff · Passwort demo-staff"))
        // The first start hashes the demo passwords; logging in waits for the server.
        try desk.logIn(username: "staff", password: "demo-staff")
        try desk.session.waitFor("Kalender", timeout: .seconds(20))
        let data = desk.home + "/.local/share/booking-desk/server"
        #expect(FileManager.default.fileExists(atPath: data))
        #expect(
            FileManager.default.fileExists(
                atPath: desk.home + "/.local/state/booking-desk/desk.log"))
    }

    @Test func quittingAsksWhileAnOrderIsHalfDoneAndGivesTheTerminalBack() throws {
        let server = try TestServer()
        defer { server.stop() }
        let desk = try DeskInTmux(
            arguments: ["--server", server.running.baseURL],
            afterExit: "stty -a; echo \"desk ended: $s\"")
        try desk.logIn(account: "demo", username: "staff", password: "demo-staff")
        try desk.session.waitFor("Kalender")
        desk.session.press("n")
        try desk.session.waitFor("Abholung am")
        desk.session.press("Enter")
        try desk.session.waitFor("Abholung um")
        desk.session.press("F10")
        try desk.session.waitFor("Die Bestellung ist noch nicht fertig. Trotzdem beenden?")
        desk.session.press("n")
        try desk.session.waitUntil("the question to close") { !$0.contains("Trotzdem beenden") }
        desk.session.press("F10")
        try desk.session.waitFor("Trotzdem beenden?")
        desk.session.press("j")
        let after = try desk.session.waitFor("desk ended: 0", history: true)
        // ncurses is gone: the line discipline echoes and reads lines again.
        #expect(after.contains(" icanon"))
        #expect(after.contains(" echo "))
        #expect(!after.contains("Kalender"))
    }

    @Test func speaksEnglishWithLang() throws {
        let desk = try DeskInTmux(arguments: ["--lang", "en", "--server", "http://127.0.0.1:9"])
        try desk.session.waitFor("Log in")
        #expect(desk.session.screen().contains("Account"))
        desk.session.type("demo")
        desk.session.press("Tab")
        desk.session.type("staff")
        desk.session.press("Tab")
        desk.session.type("x")
        desk.session.press("Enter")
        try desk.session.waitFor("The server cannot be reached.")
    }

    @Test func showsABrokenKeymapLineAndGoesOnWithTheDefault() throws {
        let desk = try DeskInTmux(
            arguments: ["--keymap", "mine", "--server", "http://127.0.0.1:9"],
            afterExit: "echo \"desk ended: $s\""
        ) { home in
            let folder = home + "/.config/booking-desk/keymaps"
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true)
            try "global.help = F1\nglobal.quit = Strg-Q\n".write(
                toFile: folder + "/mine.keymap", atomically: true, encoding: .utf8)
        }
        let screen = try desk.session.waitFor("mine.keymap, Zeile 2")
        #expect(screen.contains("die Taste „Strg-Q“ ist"))
        desk.session.press("F10")
        try desk.session.waitFor("desk ended: 0", history: true)
    }

    @Test func refusesABadCommandLineOnStderr() throws {
        let desk = try DeskInTmux(
            arguments: ["--lang", "fr"], afterExit: "echo \"desk ended: $s\"")
        let screen = try desk.session.waitFor("desk ended: 2", history: true)
        #expect(screen.contains("--lang kennt nur de und en, nicht „fr“."))
    }

    /// Regression: with `--lang en` a wrong option was still refused in German.
    @Test func refusesABadCommandLineInTheLanguageItAsksFor() throws {
        let desk = try DeskInTmux(
            arguments: ["--lang", "en", "--sever", "http://kasse"],
            afterExit: "echo \"desk ended: $s\"")
        let screen = try desk.session.waitFor("desk ended: 2", history: true)
        #expect(screen.contains("Unknown option “--sever”. See --help."))
    }

    @Test func printsItsUsageWithHelp() throws {
        let desk = try DeskInTmux(
            arguments: ["--help"], columns: 100, rows: 30, afterExit: "echo \"desk ended: $s\"")
        let screen = try desk.session.waitFor("desk ended: 0", history: true)
        #expect(screen.contains("Aufruf: booking-desk [--server URL [--ca-file PFAD]]"))
        #expect(screen.contains("--keymap NAME"))
    }
}
