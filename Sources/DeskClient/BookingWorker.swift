import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Identifies one submitted call, so the desk can match a result to what asked for it and
/// ignore results it no longer wants. Tickets only grow.
public struct RequestTicket: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let number: UInt64

    public static func < (lhs: RequestTicket, rhs: RequestTicket) -> Bool {
        lhs.number < rhs.number
    }

    public var description: String { "#\(number)" }
}

/// Runs booking API calls on a thread of its own, so that the desk's UI loop never waits
/// for the network.
///
/// The UI submits a `BookingCall` and gets a ticket at once. The worker's thread owns the
/// one `BookingClient` (libcurl's `curl_easy_perform` blocks, so it must not run on the UI
/// thread nor on Swift's small cooperative pool) and runs calls one after another, in the
/// order submitted. Finished calls wait in an inbox the UI drains with `takeFinished()`;
/// `wakeDescriptor` becomes readable whenever the inbox has something, so the UI can add it
/// to the descriptors it polls beside the keyboard.
///
///     let worker = try BookingWorker(configuration: .init(baseURL: url))
///     let ticket = worker.submit(.branches)
///     // in the UI loop, after poll() woke on stdin or worker.wakeDescriptor:
///     for finished in worker.takeFinished() where finished.ticket == ticket { ... }
public final class BookingWorker: Sendable {
    /// A finished call and its outcome.
    public struct Completion: Sendable {
        public let ticket: RequestTicket
        public let call: BookingCall
        public let result: Result<BookingReply, DeskClientError>
        /// When the worker began the call: what the answer shows was true at least then.
        public let startedAt: Date
    }

    /// Runs on the worker's thread with every call it performed, before the result goes
    /// into the inbox, even when the ticket was cancelled meanwhile: the place to store
    /// answers durably without holding up the UI.
    public typealias Observer = @Sendable (Completion) -> Void

    private let queue: WorkQueue

    /// Starts the worker thread, which makes its own client for `configuration`.
    /// - Parameter token: a session token to resume, if the desk kept one.
    /// - Throws: only if the wake-up pipe cannot be made (no file descriptors left).
    public convenience init(configuration: BookingClient.Configuration, token: String? = nil)
        throws
    {
        try self.init(configuration: configuration, session: SessionToken(token))
    }

    /// Starts a worker that shares `session` with other workers and hands every finished
    /// call to `observer` on its own thread first.
    /// - Parameter name: the thread's name, for debuggers and crash reports.
    public init(
        configuration: BookingClient.Configuration, session: SessionToken,
        name: String = "booking-worker", observer: Observer? = nil
    ) throws {
        queue = try WorkQueue()
        let queue = queue
        Thread.detachNewThread {
            Thread.current.name = name
            queue.run(configuration: configuration, session: session, observer: observer)
        }
    }

    deinit { queue.stop() }

    /// Queues a call and returns at once.
    @discardableResult
    public func submit(_ call: BookingCall) -> RequestTicket {
        queue.submit(call)
    }

    /// Takes every finished call, oldest first; never blocks. Results of cancelled tickets
    /// never appear.
    public func takeFinished() -> [Completion] {
        queue.takeFinished()
    }

    /// Forgets a call: it is not started if it still waits, and its result is dropped if
    /// it runs already (a call in flight cannot be stopped half-way).
    public func cancel(_ ticket: RequestTicket) {
        queue.cancel(ticket)
    }

    /// Calls submitted and not yet taken: queued, running or waiting in the inbox.
    public var outstanding: Int { queue.outstanding }

    /// Readable while finished calls wait in the inbox; poll it for `POLLIN` beside the
    /// keyboard. `takeFinished` empties it. Valid as long as the worker exists.
    public var wakeDescriptor: Int32 { queue.wakeRead }

    /// Lets the thread end after the call it runs now. Nothing is delivered after this:
    /// queued calls are dropped, and so is the result of the running one.
    public func stop() {
        queue.stop()
    }
}
