import Dispatch
import Foundation
import Logging
import SQLite
import Synchronization

/// The store's one writer: a thread that owns the write connection and commits in groups.
///
/// Callers enqueue a job and wait. The thread takes every job waiting, runs them inside one
/// `BEGIN IMMEDIATE` transaction in arrival order, commits once with `synchronous=FULL`, and
/// only then wakes the callers. So each job's reads and writes are serialised against all
/// others (no unit is sold twice), every answer is sent after its commit is durable, and one
/// fsync serves many orders when many arrive at once.
///
/// A failing job must leave no change behind. Jobs first run without savepoints: a
/// savepoint journals a copy of every page its job touches, a large share of an order's
/// cost. Only when a job throws is the group rolled back and run again with a savepoint per
/// job. Jobs are functions of the database alone, so the second run gives every other job
/// the result it would have had.
final class WriteQueue: Sendable {
    private struct State {
        var pending: [any PendingWriteJob] = []
        var stopped = false
    }

    private let state = Mutex(State())
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let maxBatch: Int
    private let checkpointer: Checkpointer

    /// Starts the writer thread on a new connection to `path`, leaving checkpoints to
    /// `checkpointer`.
    init(path: String, logger: Logger, checkpointer: Checkpointer, maxBatch: Int = 256) {
        self.maxBatch = maxBatch
        self.checkpointer = checkpointer
        let thread = Thread { [self] in
            self.run(path: path, logger: logger)
        }
        thread.name = "booking-store-writer"
        thread.start()
    }

    /// Runs `body` on the writer inside a savepoint of the current group transaction and
    /// returns its result once the group is committed.
    func perform<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) throws -> T {
        let job = PendingWrite(body: body)
        let accepted = state.withLock { state in
            guard !state.stopped else { return false }
            state.pending.append(job)
            return true
        }
        guard accepted else { throw StoreError.unavailable }
        wake.signal()
        return try job.wait()
    }

    /// Queues `body` for the next group and returns at once, without its result: for
    /// bookkeeping that must never delay the caller (a session's last-seen time). A job
    /// queued after `stop()` is dropped; a failing one leaves no change behind.
    func submit(_ body: @escaping @Sendable (Database) throws -> Void) {
        let job = PendingWrite(body: body)
        let accepted = state.withLock { state in
            guard !state.stopped else { return false }
            state.pending.append(job)
            return true
        }
        if accepted { wake.signal() }
    }

    /// Finishes the jobs already queued, refuses new ones and ends the thread.
    func stop() {
        let wasRunning = state.withLock { state in
            defer { state.stopped = true }
            return !state.stopped
        }
        guard wasRunning else { return }
        wake.signal()
        finished.wait()
    }

    private func run(path: String, logger: Logger) {
        defer { finished.signal() }
        let db: Database
        do {
            db = try Database(path: path, synchronous: .full)
            try checkpointer.watch(db)
        } catch {
            logger.error("store writer cannot open the database", ["error": "\(error)"])
            failAll(StoreError.database(error))
            return
        }
        while true {
            wake.wait()
            let (batch, stopped) = takeBatch()
            if !batch.isEmpty {
                if commit(batch, on: db, logger: logger) {
                    checkpointer.holdWriterIfTooLong()
                } else {
                    checkpointer.holdWriterAfterFailedCommit()
                }
            }
            if stopped && batch.isEmpty { return }
            if !batch.isEmpty && stateHasMore() { wake.signal() }
        }
    }

    private func takeBatch() -> ([any PendingWriteJob], Bool) {
        state.withLock { state in
            let count = min(state.pending.count, maxBatch)
            let batch = Array(state.pending.prefix(count))
            state.pending.removeFirst(count)
            return (batch, state.stopped)
        }
    }

    private func stateHasMore() -> Bool {
        state.withLock { !$0.pending.isEmpty }
    }

    /// Runs and commits `batch`; whether it committed.
    private func commit(_ batch: [any PendingWriteJob], on db: Database, logger: Logger)
        -> Bool
    {
        do {
            try db.run("BEGIN IMMEDIATE")
            if !batch.allSatisfy({ $0.execute(on: db, isolated: false) }) {
                try rerunIsolated(batch, on: db)
            }
            try db.run("COMMIT")
            for job in batch { job.finish(commitError: nil) }
            return true
        } catch {
            logger.error(
                "store writer cannot commit", ["error": "\(error)", "jobs": "\(batch.count)"])
            if db.isInTransaction { _ = try? db.run("ROLLBACK") }
            for job in batch { job.finish(commitError: StoreError.database(error)) }
            return false
        }
    }

    /// Rolls the group back and runs every job again in its own savepoint, so that a job
    /// that throws undoes only its own changes.
    private func rerunIsolated(_ batch: [any PendingWriteJob], on db: Database)
        throws(SQLiteError)
    {
        if db.isInTransaction { try db.run("ROLLBACK") }
        try db.run("BEGIN IMMEDIATE")
        for job in batch {
            _ = job.execute(on: db, isolated: true)
        }
    }

    private func failAll(_ error: StoreError) {
        while true {
            let (batch, stopped) = takeBatch()
            for job in batch { job.finish(commitError: error) }
            if stopped { return }
            state.withLock { $0.stopped = true }
        }
    }
}

private protocol PendingWriteJob: Sendable {
    /// Runs the job, in a savepoint if `isolated` (then a throwing job leaves no change
    /// behind); whether it succeeded.
    func execute(on db: Database, isolated: Bool) -> Bool
    /// Delivers the result, or `commitError` if the group's commit failed.
    func finish(commitError: (any Error)?)
}

private final class PendingWrite<T: Sendable>: PendingWriteJob {
    private let body: @Sendable (Database) throws -> T
    private let result = Mutex<Result<T, any Error>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(body: @escaping @Sendable (Database) throws -> T) {
        self.body = body
    }

    func execute(on db: Database, isolated: Bool) -> Bool {
        let outcome: Result<T, any Error>
        do {
            outcome = .success(try isolated ? db.savepoint("job") { try body(db) } : body(db))
        } catch {
            outcome = .failure(error)
        }
        result.withLock { $0 = outcome }
        if case .failure = outcome { return false }
        return true
    }

    func finish(commitError: (any Error)?) {
        result.withLock { current in
            if let commitError, current == nil || (try? current?.get()) != nil {
                current = .failure(commitError)
            }
            if current == nil { current = .failure(StoreError.unavailable) }
        }
        done.signal()
    }

    func wait() throws -> T {
        done.wait()
        return try result.withLock { $0! }.get()
    }
}
