/// Which keys run which commands: parsed from a plain-text keymap file.
///
/// Commands are dotted names; the part before the first dot is the scope, e.g.
/// `calendar.nextDay` or `list.up`. A key may run one command per scope; the desk looks a
/// key up in the scopes that are active, most specific first:
///
/// ```swift
/// switch keymap.command(for: key, scopes: ["calendar", "global"]) {
/// case "calendar.newOrder": ...
/// case "global.help": ...
/// default: break
/// }
/// ```
///
/// File format: one binding per line, `command = key key ...`; lines starting with `#`
/// are comments. Key names are those of `Key.name` (`Up`, `PageDown`, `Ctrl-X`, `F1`,
/// `Space`, `Shift-Tab`, `Alt-v`, or a single character such as `?` or `ä`).
public struct Keymap: Sendable, Equatable {
    /// One line of a keymap: a command and its keys, in the file's order.
    public struct Binding: Sendable, Equatable {
        public var command: String
        public var keys: [Key]

        public init(command: String, keys: [Key]) {
            self.command = command
            self.keys = keys
        }
    }

    /// The name of the keymap, e.g. `default` or `vi`.
    public var name: String
    /// Every binding in file order, for the help screen.
    public private(set) var bindings: [Binding]
    private var commandsByKey: [Key: [String]] = [:]

    /// A keymap from bindings. Use `Keymap.parse` to read a file, which also reports keys
    /// bound twice.
    public init(name: String, bindings: [Binding]) {
        self.name = name
        self.bindings = bindings
        for binding in bindings {
            for key in binding.keys { commandsByKey[key, default: []].append(binding.command) }
        }
    }

    /// The command `key` runs in the first of `scopes` that binds it; nil when none does.
    public func command(for key: Key, scopes: [String]) -> String? {
        guard let commands = commandsByKey[key] else { return nil }
        for scope in scopes {
            if let command = commands.first(where: { Keymap.scope(of: $0) == scope }) {
                return command
            }
        }
        return nil
    }

    /// The command `key` runs in one scope.
    public func command(for key: Key, scope: String) -> String? {
        command(for: key, scopes: [scope])
    }

    /// Every command `key` runs, in any scope.
    public func commands(for key: Key) -> [String] {
        commandsByKey[key] ?? []
    }

    /// The keys bound to `command`, in file order.
    public func keys(for command: String) -> [Key] {
        bindings.first { $0.command == command }?.keys ?? []
    }

    /// The bindings of some scopes, in file order: the rows of a help screen.
    public func bindings(inScopes scopes: [String]) -> [Binding] {
        bindings.filter { scopes.contains(Keymap.scope(of: $0.command)) }
    }

    /// The scope of a command: the part before the first dot.
    public static func scope(of command: String) -> String {
        guard let dot = command.firstIndex(of: ".") else { return command }
        return String(command[..<dot])
    }

    /// This keymap with the bindings of `defaults` for every command it leaves out, minus
    /// the keys it already uses in that scope, so an older copy of a keymap keeps working
    /// when the desk learns a new command.
    public func completed(from defaults: Keymap) -> Keymap {
        var all = bindings
        for binding in defaults.bindings where keys(for: binding.command).isEmpty {
            let scope = Keymap.scope(of: binding.command)
            let free = binding.keys.filter { command(for: $0, scope: scope) == nil }
            if !free.isEmpty { all.append(Binding(command: binding.command, keys: free)) }
        }
        return Keymap(name: name, bindings: all)
    }
}

extension Keymap {
    /// Parses a keymap file. Returns the keymap of the valid lines and a problem for every
    /// broken one, naming `file` and the line.
    ///
    /// - Parameter knownCommands: when given, a command not in it is a problem, so a typo
    ///   in a user's keymap is reported instead of silently doing nothing.
    public static func parse(
        _ text: String, name: String, file: String, knownCommands: Set<String>? = nil
    ) -> (keymap: Keymap, problems: [ConfigProblem]) {
        var problems: [ConfigProblem] = []
        let lines = SettingsLines.parse(
            text, file: file, problems: &problems, nameIsValid: isValidCommandName)
        var bindings: [Binding] = []
        var owner: [String: String] = [:]
        for line in lines {
            let problem = { (kind: ConfigProblem.Kind) in
                problems.append(ConfigProblem(file: file, line: line.number, kind: kind))
            }
            if let knownCommands, !knownCommands.contains(line.name) {
                problem(.unknownCommand(line.name))
                continue
            }
            if bindings.contains(where: { $0.command == line.name }) {
                problem(.duplicate(line.name))
                continue
            }
            guard let keys = parseKeys(line.value, report: problem) else { continue }
            let scope = scope(of: line.name)
            if let clash = keys.first(where: { owner["\(scope) \($0.name)"] != nil }) {
                let first = owner["\(scope) \(clash.name)"] ?? ""
                problem(.keyBoundTwice(key: clash.name, first: first, second: line.name))
                continue
            }
            for key in keys { owner["\(scope) \(key.name)"] = line.name }
            bindings.append(Binding(command: line.name, keys: keys))
        }
        return (Keymap(name: name, bindings: bindings), problems)
    }

    private static func parseKeys(
        _ value: String, report: (ConfigProblem.Kind) -> Void
    ) -> [Key]? {
        var keys: [Key] = []
        for word in SettingsLines.words(value) {
            guard let key = Key(name: word) else {
                report(.unknownKey(word))
                return nil
            }
            if !keys.contains(key) { keys.append(key) }
        }
        return keys
    }

    /// `scope.command`: letters, digits and dots, starting with a letter, with a scope.
    static func isValidCommandName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic,
            name.contains("."), !name.hasSuffix("."), !name.contains("..")
        else { return false }
        return name.unicodeScalars.allSatisfy {
            $0.isASCII
                && ($0.properties.isAlphabetic || $0.properties.numericType != nil
                    || $0 == ".")
        }
    }
}
