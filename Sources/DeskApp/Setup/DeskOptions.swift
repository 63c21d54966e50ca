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

    /// The language a command line asks for even where the rest of it is wrong, so that
    /// the sentence saying what is wrong speaks it too.
    public static func language(in arguments: [String]) -> Language? {
        for (index, argument) in arguments.enumerated() {
            let (name, inlineValue) = split(argument)
            guard name == "--lang" else { continue }
            let value = inlineValue ?? arguments.dropFirst(index + 1).first ?? ""
            return Language(rawValue: value.lowercased())
        }
        return nil
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

    /// An `http://` or `https://` URL with a host and, if any, a port from 1 to 65535;
    /// anything else would only fail later, at the first request, as "cannot be reached".
    static func isServerURL(_ value: String) -> Bool {
        let lowered = value.lowercased()
        guard !value.contains(" "),
            let scheme = ["http://", "https://"].first(where: { lowered.hasPrefix($0) })
        else { return false }
        let authority = value.dropFirst(scheme.count).prefix { !"/?#".contains($0) }
        guard let (host, port) = hostAndPort(authority), !host.isEmpty else { return false }
        guard let port else { return true }
        return port.allSatisfy(\.isASCII) && Int(port).map { (1...65535).contains($0) } == true
    }

    /// The host (an IPv6 address in brackets whole) and the port after it, if any.
    private static func hostAndPort(_ authority: Substring) -> (Substring, Substring?)? {
        var host = authority
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[...close]
        } else if let colon = authority.firstIndex(of: ":") {
            host = authority[..<colon]
        }
        let rest = authority[host.endIndex...]
        guard !rest.isEmpty else { return (host, nil) }
        guard rest.first == ":" else { return nil }
        return (host, rest.dropFirst())
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
