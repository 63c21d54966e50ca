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
        /// How long a session lasts from log-in.
        public var sessionLifetime: TimeInterval
        /// Loads `DemoData` when the store is empty.
        public var loadDemoData: Bool
        /// The clock; tests pass a fixed or moving one to test expiry.
        public var clock: @Sendable () -> Date

        public init(
            dataFolder: String, host: String = "127.0.0.1", port: UInt16 = 0,
            logger: Logger = .silent, threading: HTTPServer.Threading = .threadPerConnection,
            passwordStrength: PasswordHasher.Strength = .interactive,
            sessionLifetime: TimeInterval = 12 * 3600, loadDemoData: Bool = false,
            clock: @escaping @Sendable () -> Date = { Date() }
        ) {
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

    /// Opens the store, loads demo data if asked and the store is empty, and starts
    /// listening. Returns once the port is bound.
    public static func start(_ configuration: Configuration) throws -> RunningServer {
        try Secrets.initialize()
        let store = try BookingStore(folder: configuration.dataFolder, logger: configuration.logger)
        let hasher = PasswordHasher(strength: configuration.passwordStrength)
        if configuration.loadDemoData {
            try DemoData.load(into: store, hasher: hasher)
        }
        let api = try APIServer(
            store: store, logger: configuration.logger, hasher: hasher,
            clock: configuration.clock, sessionLifetime: configuration.sessionLifetime)
        let http = try HTTPServer(
            configuration: HTTPServer.Configuration(
                host: configuration.host, port: configuration.port,
                threading: configuration.threading),
            logger: configuration.logger,
            handler: { api.handle($0) },
            refusal: { api.refuse($0, request: $1) })
        configuration.logger.info(
            "listening", ["host": configuration.host, "port": String(http.port)])
        return RunningServer(http: http, store: store, logger: configuration.logger)
    }

    /// Every route of the API as `(method, path template)`, e.g. `("GET", "/api/v1/orders/{id}")`.
    public static var routes: [(method: String, template: String)] {
        APIServer.routeList
    }
}

/// A started server. Stop it before the process ends so that queued writes finish.
public final class RunningServer: Sendable {
    /// The port actually bound.
    public let port: UInt16
    /// The store, for tools that load or inspect data in the same process.
    public let store: BookingStore
    private let http: HTTPServer
    private let logger: Logger

    init(http: HTTPServer, store: BookingStore, logger: Logger) {
        self.http = http
        self.store = store
        self.logger = logger
        self.port = http.port
    }

    /// `http://HOST:PORT`, without a trailing slash.
    public var baseURL: String {
        let host = http.configuration.host
        let shown = host.contains(":") ? "[\(host)]" : host
        return "http://\(shown):\(port)"
    }

    /// Stops accepting requests, waits for running ones, then closes the store.
    public func stop() {
        http.stop()
        store.close()
        logger.info("stopped")
    }
}
