import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A program on an 80×24 pseudo-terminal, its output read for expected text.
final class PtyDesk {
    private let master: Int32
    private let process = Process()
    private let started = ContinuousClock.now
    private var seen: [UInt8] = []

    init(_ program: String, arguments: [String], home: String) throws {
        var master: Int32 = 0
        var slave: Int32 = 0
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else {
            throw BenchFailure("no pseudo-terminal")
        }
        self.master = master
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.environment = [
            "HOME": home, "LANG": "C.UTF-8", "TERM": "xterm-256color", "PATH": "/usr/bin:/bin",
        ]
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    var processIdentifier: Int32 { process.processIdentifier }

    /// Waits for `text` in everything the program wrote since the last wait; returns the
    /// time since the start.
    func waitFor(_ text: String) throws -> Duration {
        let needle = Array(text.utf8)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let deadline = ContinuousClock.now + .seconds(15)
        while ContinuousClock.now < deadline {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 20) > 0 else { continue }
            let count = read(master, &buffer, buffer.count)
            guard count > 0 else { break }
            seen += buffer[..<count]
            if let range = seen.firstRange(of: needle) {
                seen.removeSubrange(..<range.upperBound)
                return ContinuousClock.now - started
            }
        }
        throw BenchFailure("\"\(text)\" did not appear")
    }

    /// Reads and drops the program's output for a while, so it never blocks on a full pty.
    func drain(for duration: Duration) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let deadline = ContinuousClock.now + duration
        while ContinuousClock.now < deadline {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, 20) > 0 && read(master, &buffer, buffer.count) <= 0 { return }
        }
    }

    func type(_ keys: String) {
        _ = keys.withCString { write(master, $0, strlen($0)) }
    }

    func stop() {
        type("\u{1B}[21~")  // F10: quit
        let deadline = ContinuousClock.now + .seconds(3)
        while process.isRunning && ContinuousClock.now < deadline { usleep(10_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        close(master)
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
