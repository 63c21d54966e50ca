import BookingAPI
import BookingStore
import Foundation
import HTTPServer
import Logging
import Secrets

/// Starts the booking API over a data folder: for the `booking-server` program, for tests,
/// and for the desk's embedded default.
///
///     let server = try BookingServer.start(.init(dataFolder: folder))
///     // http://127.0.0.1:\(server.port)/api/v1/health
///     server.stop()
public enum BookingServer {
    public struct Configuration: Sendable {
        /// Where `booking.sqlite` lives; created (mode 0700) if missing.
        public var dataFolder: String
        public var host: String
        /// 0 picks a free port; read it from `RunningServer.port`.
        public var port: UInt16
        public var logger: Logger
        public var threading: HTTPServer.Threading
        /// `.interactive` for real use; `.minimal` only to keep tests fast.
        public var passwordStrength: PasswordHasher.Strength
        /// How long a session lasts from log-in, however busy (absolute expiry).
        public var sessionLifetime: TimeInterval
        /// How long a session lasts without a request (idle expiry).
        public var sessionIdleTimeout: TimeInterval
        /// At most `loginLimit` failed log-ins per account, user name and shortened client
        /// address within `loginWindow`; then 429 with `Retry-After`.
        public var loginWindow: TimeInterval
        public var loginLimit: Int
        /// Where mail goes; nil reads `DATA/mail.conf`, or spools to `DATA/mail` without it.
        public var mail: MailSettings?
        /// Where the access log goes.
        public var accessLog: AccessLogDestination
        /// How often the store is backed up into `backupFolder`; nil for never.
        public var backupInterval: TimeInterval?
        /// How many backups are kept.
        public var backupsKept: Int
        /// Where backups go; nil for `DATA/backups`.
        public var backupFolder: String?
        /// Loads `DemoData` when the store is empty.
        public var loadDemoData: Bool
        /// The clock; tests pass a fixed or moving one to test expiry.
        public var clock: @Sendable () -> Date
        /// Keeps computed month-view rows and reuses them while the store shows that their
        /// offer, branch and bookings are unchanged (see `MonthViewCache`).
        public var cachesMonthViews: Bool

        public init(
            dataFolder: String, host: String = "127.0.0.1", port: UInt16 = 0,
            logger: Logger = .silent, threading: HTTPServer.Threading = .threadPerConnection,
            passwordStrength: PasswordHasher.Strength = .interactive,
            sessionLifetime: TimeInterval = 12 * 3600, loadDemoData: Bool = false,
            clock: @escaping @Sendable () -> Date = { Date() }, cachesMonthViews: Bool = true,
            sessionIdleTimeout: TimeInterval = 8 * 3600, mail: MailSettings? = nil,
            accessLog: AccessLogDestination = .dataFolder,
            backupInterval: TimeInterval? = 3 * 3600, backupsKept: Int = 8
        ) {
            self.sessionIdleTimeout = sessionIdleTimeout
            self.loginWindow = 15 * 60
            self.loginLimit = 5
            self.mail = mail
            self.accessLog = accessLog
            self.backupInterval = backupInterval
            self.backupsKept = backupsKept
            self.cachesMonthViews = cachesMonthViews
            self.dataFolder = dataFolder
            self.host = host
            self.port = port
            self.logger = logger
            self.threading = threading
            self.passwordStrength = passwordStrength
            self.sessionLifetime = sessionLifetime
            self.loadDemoData = loadDemoData
            self.clock = clock
        }
    }

    /// Opens the store, loads demo data if asked and the store is empty, starts the backup
    /// schedule and listening. Returns once the port is bound.
    public static func start(_ configuration: Configuration) throws -> RunningServer {
        try Secrets.initialize()
        let folder = configuration.dataFolder
        let store = try BookingStore(folder: folder, logger: configuration.logger)
        let hasher = PasswordHasher(strength: configuration.passwordStrength)
        if configuration.loadDemoData {
            try DemoData.load(into: store, hasher: hasher)
        }
        let mail = try configuration.mail ?? MailSettings.load(dataFolder: folder)
        let api = try APIServer(
            store: store, logger: configuration.logger, hasher: hasher,
            clock: configuration.clock,
            policy: SecurityPolicy(
                sessionLifetime: configuration.sessionLifetime,
                idleTimeout: configuration.sessionIdleTimeout,
                loginWindow: configuration.loginWindow, loginLimit: configuration.loginLimit),
            mailer: try Mailer(settings: mail, dataFolder: folder, logger: configuration.logger),
            accessLog: try configuration.accessLog.open(dataFolder: folder),
            cachesMonthViews: configuration.cachesMonthViews)
        let backups = try configuration.backupInterval.map {
            try BackupSchedule(
                store: store, folder: configuration.backupFolder ?? folder + "/backups",
                interval: $0, keep: configuration.backupsKept, logger: configuration.logger)
        }
        let http = try HTTPServer(
            configuration: HTTPServer.Configuration(
                host: configuration.host, port: configuration.port,
                threading: configuration.threading),
            logger: configuration.logger,
            handler: { api.handle($0) },
            refusal: { api.refuse($0, request: $1) })
        configuration.logger.info(
            "listening", ["host": configuration.host, "port": String(http.port)])
        return RunningServer(
            http: http, store: store, backups: backups, mailSpool: api.mailer.spool,
            logger: configuration.logger)
    }

    /// Every route of the API as `(method, path template, access)`, e.g.
    /// `("GET", "/api/v1/orders/{id}", "desk")`; the access rules are described at `Access`:
    /// `anyone`, `own-session`, `desk`, `admin`, `guide`.
    public static var routes: [(method: String, template: String, access: String)] {
        APIServer.routeList
    }
}

/// Where the access log goes.
public enum AccessLogDestination: Sendable, Equatable {
    /// `DATA/logs/access.log`.
    case dataFolder
    case file(String)
    case off

    func open(dataFolder: String) throws -> AccessLog {
        let path: String
        switch self {
        case .off: return .off
        case .file(let file): path = file
        case .dataFolder:
            let folder = dataFolder + "/logs"
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
            path = folder + "/access.log"
        }
        return AccessLog(logger: try Logger(label: "access", level: .info, path: path))
    }
}

/// A started server. Stop it before the process ends so that queued writes finish.
public final class RunningServer: Sendable {
    /// The port actually bound.
    public let port: UInt16
    /// The store, for tools that load or inspect data in the same process.
    public let store: BookingStore
    /// The folder mail is spooled to when no SMTP server is configured.
    public let mailSpool: String
    private let http: HTTPServer
    private let backups: BackupSchedule?
    private let logger: Logger

    init(
        http: HTTPServer, store: BookingStore, backups: BackupSchedule?, mailSpool: String,
        logger: Logger
    ) {
        self.http = http
        self.store = store
        self.backups = backups
        self.mailSpool = mailSpool
        self.logger = logger
        self.port = http.port
    }

    /// `http://HOST:PORT`, without a trailing slash.
    public var baseURL: String {
        let host = http.configuration.host
        let shown = host.contains(":") ? "[\(host)]" : host
        return "http://\(shown):\(port)"
    }

    /// Stops accepting requests, waits for running ones and a running backup, then closes
    /// the store.
    public func stop() {
        http.stop()
        backups?.stop()
        store.close()
        logger.info("stopped")
    }
}
