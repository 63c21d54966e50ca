import TestSupport
import Testing

/// The tmux driver itself, on a plain shell, so an end-to-end failure of the desk is never
/// a failure of the driver.
@Suite struct TmuxSessionTests {
    @Test func typesUmlautsReadsTheScreenAndSeesTheExit() throws {
        let session = try TmuxSession(
            command: [
                "/bin/sh", "-c", "printf 'bereit\\n'; read line; echo \"gelesen: $line\"; exit 3",
            ],
            environment: ["LANG": "C.UTF-8", "TERM": TmuxSession.terminalType])
        defer { session.close() }

        try session.waitFor("bereit")
        session.type("Größe ä")
        session.press("Enter")
        try session.waitFor("gelesen: Größe ä")
        // tmux sometimes takes long to notice the end; it must notice within 15 s.
        #expect(try session.waitForExit(timeout: .seconds(15)) == 3)
    }

    @Test func resizesTheWindow() throws {
        let session = try TmuxSession(
            command: ["/bin/sh", "-c", "read x; stty size; read y"],
            environment: ["LANG": "C.UTF-8", "TERM": TmuxSession.terminalType],
            columns: 80, rows: 24)
        defer { session.close() }

        session.resize(columns: 120, rows: 40)
        session.press("Enter")
        try session.waitFor("40 120")
    }

    @Test func findsTheBuiltExecutables() {
        #expect(TmuxSession.builtExecutable(named: "booking-desk").hasSuffix("/booking-desk"))
    }
}
