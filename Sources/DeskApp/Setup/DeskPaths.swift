/// Where the desk keeps its files, after the XDG base directory specification: the embedded
/// server's data under the data home, the log under the state home, user themes and keymaps
/// under the config home. Relative values of the `XDG_*` variables are ignored, as the
/// specification asks.
public struct DeskPaths: Sendable, Equatable {
    /// `$XDG_DATA_HOME/booking-desk`: the embedded server's data folder lives in here.
    public var dataFolder: String
    /// `$XDG_STATE_HOME/booking-desk`: the log file.
    public var stateFolder: String
    /// `$XDG_CONFIG_HOME/booking-desk`: the user's `themes/` and `keymaps/`.
    public var configFolder: String

    /// The home folder, for showing paths short.
    public var home: String

    public init(environment: [String: String]) {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        self.home = home
        func base(_ variable: String, _ fallback: String) -> String {
            guard let value = environment[variable], value.hasPrefix("/") else {
                return home + "/" + fallback
            }
            return value
        }
        dataFolder = base("XDG_DATA_HOME", ".local/share") + "/booking-desk"
        stateFolder = base("XDG_STATE_HOME", ".local/state") + "/booking-desk"
        configFolder = base("XDG_CONFIG_HOME", ".config") + "/booking-desk"
    }

    /// `path` with the home folder written `~`, for the screen.
    public func shortened(_ path: String) -> String {
        guard home != "/", path.hasPrefix(home + "/") else { return path }
        return "~" + path.dropFirst(home.count)
    }

    /// The embedded server's own folder: its database, mail spool and backups.
    public var serverFolder: String { dataFolder + "/server" }

    /// The folder of the desk's cache and outbox for `server` (nil: the embedded one). Each
    /// server has its own, so that an outbox never sends its orders to another server.
    public func offlineFolder(server: String?) -> String {
        guard let server else { return dataFolder + "/desk-embedded" }
        var name = server.lowercased()
        for scheme in ["https://", "http://"] where name.hasPrefix(scheme) {
            name.removeFirst(scheme.count)
        }
        let safe = name.unicodeScalars.map { scalar -> String in
            let keep =
                scalar.isASCII
                && (scalar.properties.isAlphabetic
                    || ("0"..."9").contains(scalar) || scalar == "." || scalar == "-")
            return keep ? String(scalar) : "_"
        }
        return dataFolder + "/desk-" + String(safe.joined().prefix(80))
    }

    /// The desk's log; the desk never writes to the terminal it draws on.
    public var logFile: String { stateFolder + "/desk.log" }

    /// Where the user's own themes are looked up by name before the shipped ones.
    public var themesFolder: String { configFolder + "/themes" }

    /// Where the user's own keymaps are looked up by name before the shipped ones.
    public var keymapsFolder: String { configFolder + "/keymaps" }
}
