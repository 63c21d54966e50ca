/// Something wrong with a theme or keymap file: which file, which line, and what.
///
/// TerminalUI shows no text of its own; the desk turns `kind` into a sentence from its
/// message catalogue. `description` is an English summary for the log file.
public struct ConfigProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public enum Kind: Hashable, Sendable {
        /// The line has no `=` between name and value.
        case missingEquals
        /// The command or role name before `=` is empty or has characters not allowed.
        case badName(String)
        /// Nothing after `=`.
        case missingValue
        /// A key name that is not known.
        case unknownKey(String)
        /// A command the desk does not know.
        case unknownCommand(String)
        /// The same key is bound to two commands of one scope.
        case keyBoundTwice(key: String, first: String, second: String)
        /// The same command or role appears on two lines.
        case duplicate(String)
        /// A role that is not known.
        case unknownRole(String)
        /// A colour that is not known.
        case unknownColor(String)
        /// An attribute that is not known.
        case unknownAttribute(String)
        /// A theme line without both a foreground and a background colour.
        case missingColors
        /// The file could not be read (the C error number).
        case unreadable(errno: Int32)
        /// The file is not valid UTF-8.
        case notUTF8
        /// No file with this name was found, in the user's folder or shipped.
        case notFound(String)
        /// The name asked for is not a plain file name (e.g. it holds a `/`).
        case badFileName(String)
    }

    /// The path of the file, or `built-in:NAME` for a copy compiled into the program.
    public var file: String
    /// The line, counted from 1; nil when the problem concerns the whole file.
    public var line: Int?
    public var kind: Kind

    public init(file: String, line: Int?, kind: Kind) {
        self.file = file
        self.line = line
        self.kind = kind
    }

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return "\(place): \(kind)"
    }
}

/// A loaded theme or keymap, where it came from, and what was wrong on the way.
public struct Loaded<Value> {
    /// The theme or keymap to use: the one asked for, or the default when it was broken
    /// or missing.
    public var value: Value
    /// The file the value was read from, or `built-in:NAME`.
    public var origin: String
    /// Problems found, for the desk to show; empty when all went well.
    public var problems: [ConfigProblem]
}

extension Loaded: Sendable where Value: Sendable {}

/// Splits a settings file into meaningful lines: `(line number, name, value)`, skipping
/// blank lines and comments (lines whose first non-blank character is `#`).
enum SettingsLines {
    struct Line {
        var number: Int
        var name: String
        var value: String
    }

    static func parse(
        _ text: String, file: String, problems: inout [ConfigProblem],
        nameIsValid: (String) -> Bool
    ) -> [Line] {
        var result: [Line] = []
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = raw.trimmingBlanks()
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                problems.append(ConfigProblem(file: file, line: number, kind: .missingEquals))
                continue
            }
            let name = String(line[..<equals].trimmingBlanks())
            let value = String(line[line.index(after: equals)...].trimmingBlanks())
            guard nameIsValid(name) else {
                problems.append(ConfigProblem(file: file, line: number, kind: .badName(name)))
                continue
            }
            guard !value.isEmpty else {
                problems.append(ConfigProblem(file: file, line: number, kind: .missingValue))
                continue
            }
            result.append(Line(number: number, name: name, value: value))
        }
        return result
    }

    /// The blank-separated words of a value.
    static func words(_ value: String) -> [String] {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }
}

extension StringProtocol {
    func trimmingBlanks() -> SubSequence {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isBlank($0) }),
            let last = lastIndex(where: { !isBlank($0) })
        else { return self[endIndex..<endIndex] }
        return self[first...last]
    }
}
