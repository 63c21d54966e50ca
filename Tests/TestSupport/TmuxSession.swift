import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A program running in a detached tmux session on its own socket, driven like a person at
/// the keyboard: keys go in with `send-keys`, the screen comes back with `capture-pane`.
///
/// Every tmux call runs through `popen` under `timeout`, never through Foundation's
/// `Process`, which waits forever on `tmux new-session` because the forked tmux server
/// keeps the descriptors it watches. Each session has its own socket (`tmux -L`) and no
/// user configuration (`-f /dev/null`), so sessions of tests running in parallel never
/// meet, and `close()` (or deinit) kills that tmux server and nothing else.
public final class TmuxSession: @unchecked Sendable {
    /// What went wrong while driving tmux, with the screen as it was.
    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var screen: String

        public var description: String { message + "\n--- screen ---\n" + screen }
    }

    /// The socket name given to `tmux -L`.
    public let socket: String
    private let target = "desk"
    private var closed = false
    private static let counter = Counter()

    /// Starts `command` (program and arguments) in a new session of `columns` × `rows`,
    /// with exactly `environment` as its environment. The pane stays after the program
    /// ends, so its last screen and exit status can be read.
    public init(
        command: [String], environment: [String: String], columns: Int = 80, rows: Int = 24
    ) throws {
        socket = "bkdesk-\(getpid())-\(Self.counter.next())-\(UInt32.random(in: 0...UInt32.max))"
        let env = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        // The shell around the program prints its exit status: tmux 3.3a now and then
        // notices a program's end only seconds later, the printed marker never lags.
        let wrapper = ["/bin/sh", "-c", "\"$@\"; echo \"\(Self.exitMarker)$?\"", "sh"]
        let program = (["env", "-i"] + env + wrapper + command).map(Self.quoted)
            .joined(separator: " ")
        let started = Self.shell(
            tmux + " new-session -d -s \(target) -x \(columns) -y \(rows) "
                + Self.quoted(program))
        guard started.status == 0 else {
            throw Failure(message: "tmux new-session failed: \(started.output)", screen: "")
        }
        _ = run("set-option -t \(target) remain-on-exit on")
    }

    deinit {
        close()
    }

    /// Kills this session's tmux server (and with it the program, if still running).
    public func close() {
        guard !closed else { return }
        closed = true
        _ = run("kill-server")
        let folder = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        unlink("\(folder)/tmux-\(getuid())/\(socket)")
    }

    // MARK: - Input

    /// Sends keys by tmux name: `Enter`, `Tab`, `BTab`, `Escape`, `F1`, `Up`, `BSpace`,
    /// `C-c`, or a single character.
    public func press(_ keys: String...) {
        for key in keys {
            _ = run("send-keys -t \(target) " + Self.quoted(key))
        }
    }

    /// Sends `key` `count` times.
    public func press(_ key: String, times count: Int) {
        guard count > 0 else { return }
        _ = run("send-keys -t \(target) -N \(count) " + Self.quoted(key))
    }

    /// Types text literally, umlauts included.
    public func type(_ text: String) {
        _ = run("send-keys -t \(target) -l " + Self.quoted(text))
    }

    /// Resizes the window, which sends the program SIGWINCH.
    public func resize(columns: Int, rows: Int) {
        _ = run("resize-window -t \(target) -x \(columns) -y \(rows)")
    }

    // MARK: - Output

    /// The visible screen as text, one line per row.
    public func screen() -> String {
        run("capture-pane -p -t \(target)").output
    }

    /// The screen and the scrollback above it.
    public func screenWithHistory() -> String {
        run("capture-pane -p -S - -t \(target)").output
    }

    /// Waits until the screen contains `text`; returns that screen or throws with the last
    /// one seen. The default timeout is generous: on two busy cores a debug build of the
    /// desk can take seconds to start, and only a failing test ever waits it out. With
    /// `history`, lines scrolled off the top count too (what a shell printed after the
    /// program ended).
    @discardableResult
    public func waitFor(
        _ text: String, timeout: Duration = .seconds(10), history: Bool = false
    ) throws -> String {
        try waitUntil("\"\(text)\" on screen", timeout: timeout, history: history) {
            $0.contains(text)
        }
    }

    /// Waits until `condition` holds for the screen, polling every 50 ms.
    @discardableResult
    public func waitUntil(
        _ what: String, timeout: Duration = .seconds(10), history: Bool = false,
        _ condition: (String) -> Bool
    ) throws -> String {
        let deadline = ContinuousClock.now + timeout
        let read = { history ? self.screenWithHistory() : self.screen() }
        var last = read()
        while !condition(last) {
            guard ContinuousClock.now < deadline else {
                throw Failure(message: "timed out waiting for \(what)", screen: last)
            }
            usleep(50_000)
            last = read()
        }
        return last
    }

    private static let exitMarker = "[booking-desk test: exit status] "

    /// The program's exit status once it has ended, as the shell around it printed it;
    /// nil while it runs. (tmux's own `pane_dead` can lag by seconds in tmux 3.3a.)
    public func exitStatus() -> Int32? {
        let lines = screenWithHistory().split(separator: "\n")
        guard let line = lines.last(where: { $0.hasPrefix(Self.exitMarker) }) else { return nil }
        return Int32(line.dropFirst(Self.exitMarker.count).trimmingCharacters(in: .whitespaces))
    }

    /// Waits until the program has ended and returns its exit status.
    public func waitForExit(timeout: Duration = .seconds(10)) throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let status = exitStatus() { return status }
            usleep(50_000)
        }
        throw Failure(message: "the program did not end", screen: screen())
    }

    // MARK: - Running tmux

    private var tmux: String {
        "timeout 10 tmux -L " + Self.quoted(socket) + " -f /dev/null"
    }

    private func run(_ arguments: String) -> (status: Int32, output: String) {
        Self.shell(tmux + " " + arguments)
    }

    /// Runs a shell command line with no input; returns its exit status and output.
    static func shell(_ line: String) -> (status: Int32, output: String) {
        guard let pipe = popen(line + " </dev/null 2>&1", "r") else {
            return (-1, "popen failed: errno \(errno)")
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, pipe)
            if count <= 0 { break }
            bytes += buffer[..<count]
        }
        let status = pclose(pipe)
        let exit = status >= 0 && status & 0x7f == 0 ? (status >> 8) & 0xff : -1
        return (exit, String(decoding: bytes, as: UTF8.self))
    }

    /// A word for `sh`: single quotes around it, single quotes inside escaped.
    static func quoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}

extension TmuxSession {
    /// The terminal type to give programs in tmux: `tmux-256color` where its terminfo entry
    /// is installed, otherwise `xterm-256color`.
    public static let terminalType: String = {
        shell("infocmp tmux-256color >/dev/null").status == 0 ? "tmux-256color" : "xterm-256color"
    }()

    /// The path of an executable built by the same `swift build` as the running tests: the
    /// test bundle lies in the build folder next to the products.
    public static func builtExecutable(named name: String) -> String {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = bundle.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return name
    }

    /// Whether tmux can be run here at all.
    public static var isAvailable: Bool {
        shell("tmux -V").status == 0
    }
}
