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
    /// With `clock` the desk's clock starts at that instant and runs on from there (through
    /// libfaketime), for what depends on the hour, such as a walk-in needing an open branch.
    init(
        arguments: [String], columns: Int = 80, rows: Int = 24, language: String = "C.UTF-8",
        home: String? = nil, afterExit: String? = nil, clock: Date? = nil,
        prepare: (String) throws -> Void = { _ in }
    ) throws {
        ownsHome = home == nil
        self.home = home ?? NSTemporaryDirectory() + "booking-desk-e2e-" + UUID().uuidString
        let home = self.home
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try prepare(home)
        let desk = TmuxSession.builtExecutable(named: "booking-desk")
        var command = [desk] + arguments
        var environment = [
            "HOME": home, "LANG": language, "TERM": TmuxSession.terminalType,
            "PATH": "/usr/bin:/bin",
        ]
        if let clock {
            command = ["/usr/bin/faketime", "-f", "@" + Self.faketimeStamp(clock)] + command
            // The stamp is read in the process's zone; timers keep the real monotonic clock.
            environment["TZ"] = "UTC"
            environment["FAKETIME_DONT_FAKE_MONOTONIC"] = "1"
        }
        if let afterExit {
            let quoted = command.map { "'" + $0 + "'" }.joined(separator: " ")
            command = ["/bin/sh", "-c", quoted + "; s=$?; " + afterExit]
        }
        session = try TmuxSession(
            command: command, environment: environment, columns: columns, rows: rows)
    }

    /// `2026-03-05 09:00:00`, in UTC.
    private static func faketimeStamp(_ instant: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: instant)
        let numbers = [parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second]
            .map { $0 ?? 0 }
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d", numbers[0], numbers[1], numbers[2],
            numbers[3], numbers[4], numbers[5])
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
