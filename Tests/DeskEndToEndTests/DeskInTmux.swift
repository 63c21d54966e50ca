import Foundation
import TestSupport

/// `booking-desk` running in tmux with a home folder of its own (so its XDG data, state and
/// config folders are too), the way staff start it at the counter.
final class DeskInTmux {
    let home: String
    let session: TmuxSession
    /// Whether the home folder is this desk's to remove (not one a test restarts on).
    private let ownsHome: Bool

    /// Starts the desk with `arguments`. `afterExit` runs in `sh -c` after the desk, so what
    /// the terminal shows after it ends can be read (`stty -a`, the exit status `$s`);
    /// `prepare` gets the home folder before the desk starts, e.g. to put a keymap there.
    /// With `home` the desk starts on that folder, which the caller keeps and removes.
    init(
        arguments: [String], columns: Int = 80, rows: Int = 24, language: String = "C.UTF-8",
        home: String? = nil, afterExit: String? = nil,
        prepare: (String) throws -> Void = { _ in }
    ) throws {
        ownsHome = home == nil
        self.home = home ?? NSTemporaryDirectory() + "booking-desk-e2e-" + UUID().uuidString
        let home = self.home
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try prepare(home)
        let desk = TmuxSession.builtExecutable(named: "booking-desk")
        var command = [desk] + arguments
        if let afterExit {
            let quoted = command.map { "'" + $0 + "'" }.joined(separator: " ")
            command = ["/bin/sh", "-c", quoted + "; s=$?; " + afterExit]
        }
        session = try TmuxSession(
            command: command,
            environment: [
                "HOME": home, "LANG": language, "TERM": TmuxSession.terminalType,
                "PATH": "/usr/bin:/bin",
            ],
            columns: columns, rows: rows)
    }

    deinit {
        session.close()
        if ownsHome { try? FileManager.default.removeItem(atPath: home) }
    }

    /// Logs in from a fresh log-in screen; without `account` the one filled in is used.
    func logIn(account: String? = nil, username: String, password: String) throws {
        try session.waitFor("Passwort", timeout: .seconds(10))
        if let account {
            session.type(account)
            session.press("Tab")
        }
        session.type(username)
        session.press("Tab")
        session.type(password)
        session.press("Enter")
    }
}
