import Foundation

/// The command line of `booking-desk`.
///
///     booking-desk [--server URL] [--ca-file PATH] [--lang de|en] [--theme NAME]
///         [--keymap NAME] [--help]
///
/// Without `--server` the desk starts its embedded server on loopback.
public struct DeskOptions: Sendable, Equatable {
    /// The booking server to use; nil runs the embedded default.
    public var server: String?
    /// A PEM file of the certificate authority that signed a private server's certificate;
    /// nil trusts the system's authorities. Verification stays on either way.
    public var caFile: String?
    public var language: Language?
    /// A theme name (looked up in the config folder, then among the shipped ones) or a path.
    public var theme: String?
    /// A keymap name (`default`, `vi`, `emacs` or the user's own) or a path.
    public var keymap: String?
    public var showHelp = false

    public init(
        server: String? = nil, caFile: String? = nil, language: Language? = nil,
        theme: String? = nil, keymap: String? = nil, showHelp: Bool = false
    ) {
        self.server = server
        self.caFile = caFile
        self.language = language
        self.theme = theme
        self.keymap = keymap
        self.showHelp = showHelp
    }

    /// Reads the arguments after the program name; `--name value` and `--name=value` both work.
    public init(arguments: [String]) throws(DeskOptionsError) {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if argument == "--help" || argument == "-h" {
                showHelp = true
                continue
            }
            let (name, inlineValue) = Self.split(argument)
            guard Self.valued.contains(name) else { throw .unknownOption(argument) }
            guard let value = inlineValue ?? rest.popFirst(), !value.isEmpty else {
                throw .missingValue(name)
            }
            try set(name, value)
        }
        if caFile != nil, server == nil { throw .caFileWithoutServer }
    }

    private static let valued: Set<String> = [
        "--server", "--ca-file", "--lang", "--theme", "--keymap",
    ]

    private static func split(_ argument: String) -> (String, String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else {
            return (argument, nil)
        }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    private mutating func set(_ name: String, _ value: String) throws(DeskOptionsError) {
        switch name {
        case "--server":
            guard Self.isServerURL(value) else { throw .invalidServer(value) }
            server = value.hasSuffix("/") ? String(value.dropLast()) : value
        case "--ca-file":
            guard FileManager.default.isReadableFile(atPath: value) else {
                throw .unreadableCAFile(value)
            }
            caFile = value
        case "--lang":
            guard let language = Language(rawValue: value.lowercased()) else {
                throw .invalidLanguage(value)
            }
            self.language = language
        case "--theme":
            theme = value
        default:
            keymap = value
        }
    }

    /// An `http://` or `https://` URL with a host; anything else would only fail later,
    /// at the first request, with a less helpful message.
    static func isServerURL(_ value: String) -> Bool {
        let lowered = value.lowercased()
        for scheme in ["http://", "https://"] where lowered.hasPrefix(scheme) {
            let host = lowered.dropFirst(scheme.count).prefix { $0 != "/" && $0 != ":" }
            return !host.isEmpty && !value.contains(" ")
        }
        return false
    }
}

/// What is wrong with a command line; `DeskText` turns it into a sentence.
public enum DeskOptionsError: Error, Equatable, Sendable {
    case unknownOption(String)
    case missingValue(String)
    case invalidServer(String)
    case invalidLanguage(String)
    case unreadableCAFile(String)
    /// The embedded server speaks plain HTTP on loopback; a CA file there is a mistake.
    case caFileWithoutServer
}
