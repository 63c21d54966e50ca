import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The calls waiting for `BookingWorker`'s thread, the inbox of finished ones, and the
/// self-pipe that wakes the UI. Shared by the UI thread and the worker thread.
final class WorkQueue: Sendable {
    private struct State {
        var lastTicket: UInt64 = 0
        var waiting: [(RequestTicket, BookingCall)] = []
        var running: RequestTicket?
        var cancelled: Set<RequestTicket> = []
        var finished: [BookingWorker.Completion] = []
        var stopped = false
    }

    let wakeRead: Int32
    private let wakeWrite: Int32
    private let state = Mutex(State())
    /// Counts submitted calls (and the stop), so the thread sleeps while there is nothing.
    private let pending = DispatchSemaphore(value: 0)

    init() throws {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EMFILE)
        }
        // Neither end may ever block: not the UI draining it, not the worker filling it.
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        wakeRead = ends[0]
        wakeWrite = ends[1]
    }

    deinit {
        close(wakeRead)
        close(wakeWrite)
    }

    func submit(_ call: BookingCall) -> RequestTicket {
        let ticket = state.withLock { state in
            state.lastTicket += 1
            let ticket = RequestTicket(number: state.lastTicket)
            if !state.stopped { state.waiting.append((ticket, call)) }
            return ticket
        }
        pending.signal()
        return ticket
    }

    func cancel(_ ticket: RequestTicket) {
        state.withLock { state in
            state.waiting.removeAll { $0.0 == ticket }
            state.finished.removeAll { $0.ticket == ticket }
            if state.running == ticket { state.cancelled.insert(ticket) }
        }
    }

    func takeFinished() -> [BookingWorker.Completion] {
        // Empty the pipe first: a call that finishes in between leaves its byte for the
        // next round, so no wake-up is lost.
        var scratch = [UInt8](repeating: 0, count: 64)
        while scratch.withUnsafeMutableBytes({ read(wakeRead, $0.baseAddress, $0.count) }) > 0 {}
        return state.withLock { state in
            defer { state.finished.removeAll() }
            return state.finished
        }
    }

    var outstanding: Int {
        state.withLock { state in
            state.waiting.count + state.finished.count + (state.running == nil ? 0 : 1)
        }
    }

    func stop() {
        let first = state.withLock { state in
            defer { state.stopped = true }
            state.waiting.removeAll()
            return !state.stopped
        }
        if first { pending.signal() }
    }

    // MARK: - The worker thread

    /// The worker thread's loop: one client, one call after another, until `stop`. The
    /// client sends the shared session's token and hands back any token it got or lost.
    func run(
        configuration: BookingClient.Configuration, session: SessionToken,
        observer: BookingWorker.Observer?
    ) {
        let client = Result { () throws(DeskClientError) in
            try BookingClient(configuration: configuration)
        }
        while true {
            pending.wait()
            guard let (ticket, call) = next() else {
                if isStopped { return }
                continue
            }
            let startedAt = Date()
            let result = client.flatMap { client in
                Result { () throws(DeskClientError) in
                    let token = session.current
                    client.token = token
                    defer {
                        if client.token != token { session.replace(token, with: client.token) }
                    }
                    return try call.perform(on: client)
                }
            }
            let completion = BookingWorker.Completion(
                ticket: ticket, call: call, result: result, startedAt: startedAt)
            observer?(completion)
            finish(completion)
        }
    }

    private var isStopped: Bool { state.withLock { $0.stopped } }

    private func next() -> (RequestTicket, BookingCall)? {
        state.withLock { state in
            guard !state.stopped, !state.waiting.isEmpty else { return nil }
            let job = state.waiting.removeFirst()
            state.running = job.0
            return job
        }
    }

    private func finish(_ completion: BookingWorker.Completion) {
        state.withLock { state in
            state.running = nil
            let cancelled = state.cancelled.remove(completion.ticket) != nil
            guard !cancelled, !state.stopped else { return }
            state.finished.append(completion)
        }
        var byte: UInt8 = 1
        // A full pipe is fine: it is readable already.
        _ = write(wakeWrite, &byte, 1)
    }
}
