// Logging: one-line log records to a file or standard error, at a chosen level.

import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// How important a record is. A logger writes the records at its level and above.
public enum LogLevel: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    case error = 0
    case warning = 1
    case info = 2
    case debug = 3

    /// Parses `error`, `warning` (or `warn`), `info` or `debug`; nil for anything else.
    public init?(name: String) {
        switch name.lowercased() {
        case "error": self = .error
        case "warning", "warn": self = .warning
        case "info": self = .info
        case "debug": self = .debug
        default: return nil
        }
    }

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    public var description: String {
        switch self {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "info"
        case .debug: return "debug"
        }
    }
}

/// Why a log file could not be opened.
public struct LogFileError: Error, CustomStringConvertible {
    public let path: String
    public let errno: Int32

    public var description: String {
        "cannot open log file \(path): \(String(cString: strerror(errno)))"
    }
}

/// Writes one line per record: `2026-03-05T08:00:00.123Z info [label] message key=value`.
///
/// Lines are written whole with one `write` each, under a lock, so records of
/// concurrent threads never interleave. Messages and field values must not hold
/// passwords, tokens or personal data: callers pass only what may be read later.
public final class Logger: Sendable {
    /// The least important level written.
    public let level: LogLevel
    /// A short name of the component, shown in brackets on every line.
    public let label: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let lock = Mutex<Void>(())

    /// A logger that writes to an open file descriptor it does not own (2 = standard error).
    public init(label: String, level: LogLevel = .info, fileDescriptor: Int32 = 2) {
        self.label = label
        self.level = level
        self.descriptor = fileDescriptor
        self.ownsDescriptor = false
    }

    /// A logger that appends to the file at `path`, creating it with mode 0600.
    public init(label: String, level: LogLevel = .info, path: String) throws(LogFileError) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw LogFileError(path: path, errno: errno) }
        self.label = label
        self.level = level
        self.descriptor = fd
        self.ownsDescriptor = true
    }

    private init(label: String, level: LogLevel, descriptor: Int32) {
        self.label = label
        self.level = level
        self.descriptor = descriptor
        self.ownsDescriptor = false
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// A logger that drops every record: for tests and embedders that want silence.
    public static let silent = Logger(label: "", level: .error, descriptor: -1)

    /// Whether a record at `level` would be written; check before building costly messages.
    public func isEnabled(_ level: LogLevel) -> Bool {
        descriptor >= 0 && level <= self.level
    }

    /// Writes one record if `level` is enabled. Fields are appended as `key=value`.
    public func log(
        _ level: LogLevel, _ message: @autoclosure () -> String,
        _ fields: KeyValuePairs<String, String> = [:]
    ) {
        guard isEnabled(level) else { return }
        var line = Self.timestamp() + " " + level.description + " [" + label + "] "
        line += Self.oneLine(message())
        for (key, value) in fields {
            line += " " + key + "=" + Self.quoted(value)
        }
        line += "\n"
        write(line)
    }

    public func error(
        _ message: @autoclosure () -> String, _ fields: KeyValuePairs<String, String> = [:]
    ) {
        log(.error, message(), fields)
    }

    public func warning(
        _ message: @autoclosure () -> String, _ fields: KeyValuePairs<String, String> = [:]
    ) {
        log(.warning, message(), fields)
    }

    public func info(
        _ message: @autoclosure () -> String, _ fields: KeyValuePairs<String, String> = [:]
    ) {
        log(.info, message(), fields)
    }

    public func debug(
        _ message: @autoclosure () -> String, _ fields: KeyValuePairs<String, String> = [:]
    ) {
        log(.debug, message(), fields)
    }

    private func write(_ line: String) {
        var bytes = Array(line.utf8)
        lock.withLock { _ in
            bytes.withUnsafeMutableBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let n = Glibc.write(
                        descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if n < 0 && errno == EINTR { continue }
                    // A log that cannot be written must not stop the caller.
                    guard n > 0 else { return }
                    offset += n
                }
            }
        }
    }

    /// Keeps a record on one line: control characters become spaces.
    static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) else {
            return text
        }
        return String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7f ? " " : $0 }))
    }

    static func quoted(_ value: String) -> String {
        let plain = oneLine(value)
        guard plain.isEmpty || plain.contains(" ") || plain.contains("\"") else { return plain }
        return "\"" + plain.replacingAll("\"", with: "\\\"") + "\""
    }

    /// UTC with milliseconds, e.g. `2026-03-05T08:00:00.123Z`.
    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let millis = now.tv_nsec / 1_000_000
        return pad(Int(parts.tm_year) + 1900, 4) + "-" + pad(Int(parts.tm_mon) + 1, 2) + "-"
            + pad(Int(parts.tm_mday), 2) + "T" + pad(Int(parts.tm_hour), 2) + ":"
            + pad(Int(parts.tm_min), 2) + ":" + pad(Int(parts.tm_sec), 2) + "." + pad(millis, 3)
            + "Z"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
