import DeskClient
import Foundation
import Logging

/// The desk's way to the booking server: DeskClient's worker thread, created as soon as
/// the server's address is known (at once for `--server`, when the embedded server has
/// started otherwise). Calls made before that wait here and go out in order.
final class ServerLink {
    private(set) var worker: BookingWorker?
    private var waiting: [BookingCall] = []
    private let embedded: EmbeddedServer?
    private let logger: Logger
    /// Set when the embedded server could not start.
    private(set) var startFailure: String?

    /// A link to a remote server.
    init(url: String, logger: Logger) throws {
        embedded = nil
        self.logger = logger
        worker = try Self.worker(url: url, logger: logger)
    }

    /// A link to the embedded server, which starts in the background.
    init(embedded: EmbeddedServer, logger: Logger) {
        self.embedded = embedded
        self.logger = logger
    }

    private static func worker(url: String, logger: Logger) throws -> BookingWorker {
        try BookingWorker(configuration: .init(baseURL: url, logger: logger))
    }

    /// Whether the link still waits for the embedded server to start.
    var isStarting: Bool { worker == nil && startFailure == nil }

    /// Creates the worker once the embedded server is up; returns the start failure once.
    func connectIfReady() -> String? {
        guard worker == nil, startFailure == nil, let state = embedded?.state else { return nil }
        switch state {
        case .success(let server):
            logger.info("embedded server started", ["url": server.baseURL])
            do {
                worker = try Self.worker(url: server.baseURL, logger: logger)
            } catch {
                startFailure = String(describing: error)
                return startFailure
            }
            for call in waiting { worker?.submit(call) }
            waiting = []
            return nil
        case .failure(let error):
            startFailure = error.description
            logger.error("embedded server failed", ["error": error.description])
            return startFailure
        }
    }

    func submit(_ call: BookingCall) {
        guard let worker else {
            waiting.append(call)
            return
        }
        worker.submit(call)
    }

    /// Finished calls, oldest first; failures are logged without personal data.
    func finished() -> [DeskReply] {
        (worker?.takeFinished() ?? []).map { completion in
            if case .failure(let error) = completion.result {
                logger.warning(
                    "call failed", ["call": completion.call.name, "error": error.logDescription])
            }
            return DeskReply(request: completion.call, result: completion.result)
        }
    }

    var wakeDescriptors: [Int32] { worker.map { [$0.wakeDescriptor] } ?? [] }

    /// Calls not answered yet.
    var outstanding: Int { (worker?.outstanding ?? 0) + waiting.count }

    func stop() {
        worker?.stop()
        embedded?.stop()
    }
}
