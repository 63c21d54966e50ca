import FoundationEssentials
import Glibc

/// Finds and loads themes and keymaps: a user's copy first, then the shipped files, then
/// the copies compiled into the program.
///
/// For a theme named `NAME` it tries, in order:
/// 1. `$XDG_CONFIG_HOME/booking-desk/themes/NAME.theme` (`~/.config` when the variable is
///    unset), then `$XDG_CONFIG_HOME/booking-desk/NAME.theme`;
/// 2. `themes/NAME.theme` in each shipped folder: `../share/booking-desk` next to the
///    executable, the executable's own folder, and the repository this module was built
///    from (found through `#filePath`, for runs from a build tree);
/// 3. the built-in copy (`BuiltinFiles`), which equals the shipped file.
///
/// Keymaps work the same with `keymaps/NAME.keymap`. A file that cannot be read or has a
/// broken line is not used: the result is the default (`default`), and the problems name
/// the file and line, for the desk to show. A keymap that leaves commands out gets their
/// default keys. With `NO_COLOR` set (to anything but the empty string), or when the
/// terminal has no colours, the theme is `monochrome`, whatever was asked for.
public struct ConfigFiles: Sendable {
    /// The user's folder, e.g. `~/.config/booking-desk`; nil when no home is known.
    public var userFolder: String?
    /// Folders holding the shipped `themes/` and `keymaps/`, in the order they are tried.
    public var shippedFolders: [String]
    /// Whether `NO_COLOR` asks for no colours.
    public var noColor: Bool

    /// The folders as given, e.g. for tests.
    public init(userFolder: String?, shippedFolders: [String], noColor: Bool = false) {
        self.userFolder = userFolder
        self.shippedFolders = shippedFolders
        self.noColor = noColor
    }

    /// The folders the running desk uses, from its environment and executable.
    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executablePath: String? = ConfigFiles.currentExecutablePath()
    ) {
        self.init(
            userFolder: ConfigFiles.userFolder(environment: environment),
            shippedFolders: ConfigFiles.shippedFolders(executablePath: executablePath),
            noColor: !(environment["NO_COLOR"] ?? "").isEmpty)
    }

    /// Loads the theme `name` (see the type's documentation for where it looks).
    public func theme(named name: String, colorsAvailable: Bool = true) -> Loaded<Theme> {
        let wanted = noColor || !colorsAvailable ? "monochrome" : name
        return load(kind: .theme, name: wanted) { text, file, name in
            let (theme, problems) = Theme.parse(text, name: name, file: file)
            return (problems.isEmpty ? theme : nil, problems)
        } builtin: {
            Theme.parse(BuiltinFiles.themes["default"] ?? "", name: "default", file: "").theme
        }
    }

    /// Loads the keymap `name` (see the type's documentation for where it looks).
    ///
    /// - Parameter knownCommands: the commands the desk knows; a line naming another
    ///   command is a problem. Nil accepts any well-formed command name.
    public func keymap(named name: String, knownCommands: Set<String>? = nil) -> Loaded<Keymap> {
        let defaults = Self.builtinKeymap("default")
        return load(kind: .keymap, name: name) { text, file, name in
            let (keymap, problems) = Keymap.parse(
                text, name: name, file: file, knownCommands: knownCommands)
            let shipped = Self.builtinKeymap(name)
            let completed = keymap.completed(from: shipped).completed(from: defaults)
            return (problems.isEmpty ? completed : nil, problems)
        } builtin: {
            defaults
        }
    }

    /// The built-in copy of a shipped keymap; empty for a name that is not shipped. A
    /// user's copy is completed from it, so an older copy learns the desk's newer commands.
    private static func builtinKeymap(_ name: String) -> Keymap {
        Keymap.parse(BuiltinFiles.keymaps[name] ?? "", name: name, file: "").keymap
    }

    /// The paths tried for a theme or keymap, in order; the built-in copy comes last.
    public func candidates(for kind: FileKind, named name: String) -> [String] {
        let file = name + "." + kind.fileExtension
        var paths: [String] = []
        if let userFolder {
            paths.append(userFolder + "/" + kind.folder + "/" + file)
            paths.append(userFolder + "/" + file)
        }
        for folder in shippedFolders { paths.append(folder + "/" + kind.folder + "/" + file) }
        return paths
    }

    /// The two kinds of files.
    public enum FileKind: Sendable {
        case theme, keymap

        var folder: String { self == .theme ? "themes" : "keymaps" }
        var fileExtension: String { self == .theme ? "theme" : "keymap" }
        var builtin: [String: String] {
            self == .theme ? BuiltinFiles.themes : BuiltinFiles.keymaps
        }
    }

    // MARK: - Loading

    private func load<Value>(
        kind: FileKind, name: String,
        parse: (_ text: String, _ file: String, _ name: String) -> (Value?, [ConfigProblem]),
        builtin: () -> Value
    ) -> Loaded<Value> {
        var problems: [ConfigProblem] = []
        if let found = read(kind: kind, name: name, problems: &problems) {
            let (value, parseProblems) = parse(found.text, found.origin, name)
            problems += parseProblems
            if let value { return Loaded(value: value, origin: found.origin, problems: problems) }
        }
        if name != "default" {
            var fallback = load(kind: kind, name: "default", parse: parse, builtin: builtin)
            fallback.problems = problems + fallback.problems
            return fallback
        }
        let origin = "built-in:default." + kind.fileExtension
        return Loaded(value: builtin(), origin: origin, problems: problems)
    }

    private func read(
        kind: FileKind, name: String, problems: inout [ConfigProblem]
    ) -> (text: String, origin: String)? {
        guard ConfigFiles.isPlainName(name) else {
            problems.append(ConfigProblem(file: name, line: nil, kind: .badFileName(name)))
            return nil
        }
        for path in candidates(for: kind, named: name) {
            switch TextFile.read(path) {
            case .success(let text): return (text, path)
            case .failure(.missing): continue
            case .failure(let error):
                problems.append(ConfigProblem(file: path, line: nil, kind: error.kind))
                return nil
            }
        }
        if let text = kind.builtin[name] {
            return (text, "built-in:" + name + "." + kind.fileExtension)
        }
        let first = candidates(for: kind, named: name).first ?? name
        problems.append(ConfigProblem(file: first, line: nil, kind: .notFound(name)))
        return nil
    }

    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\0")
    }

    // MARK: - Folders

    static func userFolder(environment: [String: String]) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return config + "/booking-desk"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/booking-desk"
    }

    static func shippedFolders(executablePath: String?, sourceFile: String = #filePath) -> [String]
    {
        var folders: [String] = []
        if let executablePath, let folder = parentFolder(of: executablePath) {
            folders.append(folder + "/../share/booking-desk")
            folders.append(folder)
        }
        var repository = sourceFile
        for _ in 0..<3 { repository = parentFolder(of: repository) ?? "/" }
        folders.append(repository)
        return folders
    }

    /// The path of the running program, from `/proc/self/exe`.
    public static func currentExecutablePath() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func parentFolder(of path: String) -> String? {
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}

/// Reads small text files, with the C error number when that fails.
enum TextFile {
    enum Failure: Error {
        case missing
        case unreadable(Int32)
        case notUTF8

        var kind: ConfigProblem.Kind {
            switch self {
            case .missing: return .unreadable(errno: ENOENT)
            case .unreadable(let code): return .unreadable(errno: code)
            case .notUTF8: return .notUTF8
            }
        }
    }

    static func read(_ path: String) -> Result<String, Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .failure(errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable(errno))
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = Glibc.read(descriptor, &chunk, chunk.count)
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return .failure(.unreadable(errno)) }
            if count == 0 { break }
            bytes += chunk[..<count]
            if bytes.count > 1_000_000 { return .failure(.unreadable(EFBIG)) }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { return .failure(.notUTF8) }
        return .success(text)
    }
}
