// HTTPServer: the one Swift module over libmicrohttpd.

import CMicroHTTPD
import Glibc
import Logging

/// Why the server could not start.
public struct HTTPServerError: Error, CustomStringConvertible, Sendable {
    public let message: String

    public var description: String { message }
}

/// An HTTP/1.1 server on libmicrohttpd that hands each complete request to a handler.
///
/// The handler runs on libmicrohttpd's threads and may block (password hashing, waiting
/// for a durable commit): with `.threadPerConnection` a blocked handler holds up only its
/// own connection.
public final class HTTPServer: Sendable {
    /// How libmicrohttpd runs handlers.
    public enum Threading: Sendable, Equatable {
        /// One thread per connection: blocking handlers never delay other clients.
        case threadPerConnection
        /// `n` epoll threads sharing all connections: cheaper, but a blocking handler
        /// delays the other connections of its thread.
        case threadPool(Int)
    }

    public struct Configuration: Sendable {
        /// An IPv4 or IPv6 address, or `localhost`.
        public var host: String
        /// 0 picks a free port; read the real one from `HTTPServer.port`.
        public var port: UInt16
        public var threading: Threading
        /// Larger bodies are refused with `HTTPRefusal.bodyTooLarge` without being read.
        public var maxBodyBytes: Int
        /// Longer path-plus-query targets are refused with `HTTPRefusal.targetTooLong`.
        public var maxTargetBytes: Int
        /// At most this many open connections (and so threads) at once.
        public var connectionLimit: Int
        /// Idle connections are closed after this many seconds.
        public var idleTimeoutSeconds: Int

        public init(
            host: String = "127.0.0.1", port: UInt16 = 0,
            threading: Threading = .threadPerConnection, maxBodyBytes: Int = 1 << 20,
            maxTargetBytes: Int = 8192, connectionLimit: Int = 256, idleTimeoutSeconds: Int = 60
        ) {
            self.host = host
            self.port = port
            self.threading = threading
            self.maxBodyBytes = maxBodyBytes
            self.maxTargetBytes = maxTargetBytes
            self.connectionLimit = connectionLimit
            self.idleTimeoutSeconds = idleTimeoutSeconds
        }
    }

    public typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse
    public typealias RefusalHandler = @Sendable (HTTPRefusal, HTTPRequest) -> HTTPResponse

    /// The port the server listens on (the real one when started on port 0).
    public let port: UInt16
    public let configuration: Configuration
    private let daemon: Daemon
    private let context: Unmanaged<ServerContext>

    /// Starts listening at once.
    public init(
        configuration: Configuration, logger: Logger = .silent, handler: @escaping Handler,
        refusal: @escaping RefusalHandler
    ) throws(HTTPServerError) {
        let context = ServerContext(
            handler: handler, refusal: refusal, maxBodyBytes: configuration.maxBodyBytes,
            maxTargetBytes: configuration.maxTargetBytes, logger: logger)
        let retained = Unmanaged.passRetained(context)
        guard let pointer = Self.start(configuration, context: retained.toOpaque()) else {
            retained.release()
            throw HTTPServerError(
                message: "cannot listen on \(configuration.host):\(configuration.port)")
        }
        self.daemon = Daemon(pointer: pointer)
        self.context = retained
        self.configuration = configuration
        self.port = bk_mhd_bound_port(pointer)
    }

    /// Stops listening, lets the requests already handed to the handler finish and send
    /// their answers (for at most `drainSeconds`), then closes all connections.
    /// Safe to call more than once.
    ///
    /// Without the wait, a request whose handler had already committed (an order, say)
    /// would lose its answer, and its client could not tell whether it went through.
    public func stop(drainSeconds: Double = 5) {
        guard let pointer = daemon.take() else { return }
        let server = context.takeUnretainedValue()
        server.stopping.store(true, ordering: .relaxed)
        let listener = MHD_quiesce_daemon(pointer)
        let deadline = ContinuousClock.now + .seconds(drainSeconds)
        while server.requestsInFlight.load(ordering: .relaxed) > 0
            && ContinuousClock.now < deadline
        {
            usleep(5_000)
        }
        MHD_stop_daemon(pointer)
        // libmicrohttpd leaves the quiesced socket to us, to be closed after the stop.
        if listener >= 0 { close(listener) }
        context.release()
    }

    deinit {
        stop()
    }

    private static func start(_ configuration: Configuration, context: UnsafeMutableRawPointer)
        -> OpaquePointer?
    {
        var flags = UInt32(MHD_USE_ITC.rawValue)
        var options: [CVarArg] = []
        switch configuration.threading {
        case .threadPerConnection:
            flags |= UInt32(MHD_USE_THREAD_PER_CONNECTION.rawValue)
            flags |=
                UInt32(MHD_USE_INTERNAL_POLLING_THREAD.rawValue) | UInt32(MHD_USE_POLL.rawValue)
        case .threadPool(let size):
            flags |= UInt32(MHD_USE_EPOLL_INTERNAL_THREAD.rawValue)
            options += [MHD_OPTION.THREAD_POOL_SIZE.rawValue, UInt32(max(1, size))]
        }
        options += [
            MHD_OPTION.CONNECTION_LIMIT.rawValue, UInt32(configuration.connectionLimit),
            MHD_OPTION.CONNECTION_TIMEOUT.rawValue, UInt32(configuration.idleTimeoutSeconds),
            // Room for targets up to about 60 KiB, so that long ones reach our refusal
            // (with our error format) instead of libmicrohttpd's own page.
            MHD_OPTION.CONNECTION_MEMORY_LIMIT.rawValue, Int(64 * 1024),
            MHD_OPTION.URI_LOG_CALLBACK.rawValue,
            unsafeBitCast(bkURILog as URILogCallback, to: OpaquePointer.self),
            OpaquePointer(context),
            MHD_OPTION.NOTIFY_COMPLETED.rawValue,
            unsafeBitCast(
                bkRequestCompleted as MHD_RequestCompletedCallback, to: OpaquePointer.self),
            OpaquePointer(context),
        ]
        return SocketAddress.withAddress(host: configuration.host, port: configuration.port) {
            address, isIPv6 in
            guard let address else { return nil }
            var all = options
            all += [MHD_OPTION.SOCK_ADDR.rawValue, OpaquePointer(address), MHD_OPTION.END.rawValue]
            let daemonFlags = flags | (isIPv6 ? UInt32(MHD_USE_IPv6.rawValue) : 0)
            return withVaList(all) { arguments in
                MHD_start_daemon_va(
                    daemonFlags, configuration.port, nil, nil, bkAccessHandler, context, arguments)
            }
        }
    }
}

/// The daemon pointer, taken exactly once by `stop()`.
private final class Daemon: Sendable {
    // The address bits: OpaquePointer is not Sendable, and only `stop()` dereferences it.
    private let address: Mutex<UInt>

    init(pointer: OpaquePointer) {
        self.address = Mutex(UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(pointer))))
    }

    func take() -> OpaquePointer? {
        let bits = address.withLock { current in
            defer { current = 0 }
            return current
        }
        return OpaquePointer(bitPattern: bits)
    }
}
