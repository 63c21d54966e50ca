import DeskClient
import Foundation
import Logging
import OfflineCache

/// The desk's way to the booking server: three DeskClient workers sharing one session,
/// created as soon as the server's address is known (at once for `--server`, when the
/// embedded server has started otherwise). Calls made before that wait here and go out in
/// order.
///
/// - `screens` runs what the screens ask, one call after another.
/// - `sync` sends outbox orders and the delta syncs, so that neither waits behind the
///   other's slow calls.
/// - `probe` runs health checks with short timeouts: it tells within two seconds whether
///   the server is there, even while a call on another worker hangs.
///
/// With a store, every worker records its finished calls in it on its own thread first
/// (see `ReplyRecorder`), before the desk hears the answer.
public final class ServerLink {
    private var workers: Workers?
    private var waiting: [BookingCall] = []
    private let embedded: EmbeddedServer?
    private let logger: Logger
    private let observer: BookingWorker.Observer?
    /// The session all workers send.
    let session = SessionToken()
    /// Set when the embedded server could not start.
    private(set) var startFailure: String?

    private struct Workers {
        let screens: BookingWorker
        let sync: BookingWorker
        let probe: BookingWorker

        var all: [BookingWorker] { [screens, sync, probe] }

        func worker(for call: BookingCall) -> BookingWorker {
            switch call {
            case .health: return probe
            case .createOrder, .catalogueChanges, .orderChanges: return sync
            default: return screens
            }
        }
    }

    /// A link to a remote server, recording answers in `store`.
    ///
    /// - Parameter caFile: the authority of a private server's certificate (`--ca-file`).
    public init(url: String, caFile: String? = nil, logger: Logger, store: OfflineStore?) throws {
        embedded = nil
        self.logger = logger
        observer = Self.observer(store: store, logger: logger)
        workers = try makeWorkers(url: url, caFile: caFile)
    }

    /// A link to the embedded server, which starts in the background.
    init(embedded: EmbeddedServer, logger: Logger, store: OfflineStore?) {
        self.embedded = embedded
        self.logger = logger
        observer = Self.observer(store: store, logger: logger)
    }

    private static func observer(store: OfflineStore?, logger: Logger) -> BookingWorker.Observer? {
        guard let store else { return nil }
        return ReplyRecorder(store: store, logger: logger).record
    }

    private func makeWorkers(url: String, caFile: String? = nil) throws -> Workers {
        let usual = BookingClient.Configuration(baseURL: url, caFile: caFile, logger: logger)
        var quick = usual
        quick.connectTimeout = .milliseconds(1500)
        quick.requestTimeout = .seconds(2)
        return Workers(
            screens: try BookingWorker(
                configuration: usual, session: session, name: "desk-screens", observer: observer),
            sync: try BookingWorker(
                configuration: usual, session: session, name: "desk-sync", observer: observer),
            probe: try BookingWorker(
                configuration: quick, session: session, name: "desk-probe", observer: observer))
    }

    /// Whether the link still waits for the embedded server to start.
    var isStarting: Bool { workers == nil && startFailure == nil }

    /// Creates the workers once the embedded server is up; returns the start failure once.
    func connectIfReady() -> String? {
        guard workers == nil, startFailure == nil, let state = embedded?.state else { return nil }
        switch state {
        case .success(let server):
            logger.info("embedded server started", ["url": server.baseURL])
            do {
                workers = try makeWorkers(url: server.baseURL)
            } catch {
                startFailure = String(describing: error)
                return startFailure
            }
            for call in waiting { submit(call) }
            waiting = []
            return nil
        case .failure(let error):
            startFailure = error.description
            logger.error("embedded server failed", ["error": error.description])
            return startFailure
        }
    }

    public func submit(_ call: BookingCall) {
        guard let workers else {
            waiting.append(call)
            return
        }
        workers.worker(for: call).submit(call)
    }

    /// Finished calls, oldest first per worker; failures are logged without personal data.
    public func finished() -> [DeskReply] {
        (workers?.all ?? []).flatMap { $0.takeFinished() }.map { completion in
            if case .failure(let error) = completion.result {
                logger.warning(
                    "call failed", ["call": completion.call.name, "error": error.logDescription])
            }
            return DeskReply(request: completion.call, result: completion.result)
        }
    }

    /// Readable while finished calls wait: poll them beside the keyboard.
    public var wakeDescriptors: [Int32] { (workers?.all ?? []).map(\.wakeDescriptor) }

    /// Calls not answered yet.
    public var outstanding: Int {
        (workers?.all ?? []).reduce(waiting.count) { $0 + $1.outstanding }
    }

    public func stop() {
        for worker in workers?.all ?? [] { worker.stop() }
        embedded?.stop()
    }
}
