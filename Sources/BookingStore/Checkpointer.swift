import Dispatch
import Foundation
import Logging
import SQLite
import Synchronization

/// Copies the WAL back into the database file on a thread and a connection of its own, so
/// that the writer's commits do not wait for it.
///
/// The writer's connection checkpoints never itself (see `watch`) and reports the WAL's
/// length after every commit. Each time the WAL has grown by `threshold` frames this thread
/// runs a passive checkpoint: it waits for nobody, and the writer goes on committing.
///
/// A passive checkpoint cannot start the WAL over: that needs a moment in which everything
/// is copied and no reader uses the WAL, which a busy writer and steady readers never leave.
/// So once the WAL holds `limit` frames, the writer pauses between two groups and this
/// thread runs a restart checkpoint, which copies what the passive ones left and waits up to
/// `blockingWaitMilliseconds` for older readers; the next commit then writes the WAL from
/// its start. A reader that holds its snapshot longer only
/// postpones that to the next `limit` frames: commits never fail because of a checkpoint.
final class Checkpointer: Sendable {
    /// When to checkpoint, in WAL frames (a frame is one page of the database).
    struct Policy: Sendable {
        /// Growth of the WAL that starts a passive checkpoint (SQLite's own default).
        var threshold = 1000
        /// Length of the WAL at which the writer waits for a restart checkpoint.
        var limit = 10_000
        /// How long a blocking checkpoint waits for readers; the writer waits as long.
        var blockingWaitMilliseconds: Int32 = 200
    }

    private struct State {
        /// The WAL's length after the writer's last commit.
        var walFrames = 0
        /// The WAL's length when the last passive checkpoint started.
        var checkedAt = 0
        /// The WAL's length at which the writer waits for a restart checkpoint.
        var blockingAt: Int
        var passiveRequested = false
        var blockingRequested = false
        var stopped = false
    }

    private let policy: Policy
    private let logger: Logger
    private let connection: Mutex<Database>
    private let state: Mutex<State>
    private let wake = DispatchSemaphore(value: 0)
    private let blockingDone = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    /// Opens the checkpointer's connection to `path` and starts its thread.
    init(path: String, logger: Logger, policy: Policy = Policy()) throws {
        self.policy = policy
        self.logger = logger
        connection = Mutex(
            try Database(
                path: path, synchronous: .full,
                busyTimeoutMilliseconds: policy.blockingWaitMilliseconds))
        state = Mutex(State(blockingAt: policy.limit))
        let thread = Thread { [self] in
            connection.withLock { db in self.run(db) }
        }
        thread.name = "booking-store-checkpointer"
        thread.start()
    }

    /// Prepares the writer's connection: no checkpoint inside its commits, its WAL length
    /// reported here after each, and a WAL file that grew past its usual length cut back
    /// when it starts over.
    func watch(_ writer: Database) throws(SQLiteError) {
        let pageSize = try writer.queryOne("PRAGMA page_size")?.int(0) ?? 4096
        // A frame is a page and a 24-byte header. Cutting the file shorter than the WAL's
        // usual length would be worse than keeping it: a commit that extends the file makes
        // its fsync write the file's metadata too.
        let keptBytes = (policy.limit + policy.threshold) * (pageSize + 24)
        _ = try writer.queryOne("PRAGMA journal_size_limit=\(keptBytes)")
        writer.observeWAL { [self] frames in walGrew(to: frames) }
    }

    /// Called on the writer's thread after each commit.
    private func walGrew(to frames: Int) {
        let wakeUp = state.withLock { state in
            if frames < state.walFrames {
                // The commit wrote the WAL from its start again.
                state.checkedAt = 0
                state.blockingAt = policy.limit
            }
            state.walFrames = frames
            guard frames >= state.checkedAt + policy.threshold, !state.passiveRequested
            else { return false }
            state.passiveRequested = true
            return true
        }
        if wakeUp { wake.signal() }
    }

    /// Called by the writer between groups, outside any transaction: when the WAL is past
    /// its limit, waits while this thread runs a restart checkpoint.
    func holdWriterIfTooLong() {
        holdWriter { state in state.walFrames >= state.blockingAt }
    }

    /// Called by the writer after a group failed to commit, outside any transaction: waits
    /// while this thread runs a restart checkpoint.
    ///
    /// A full disk fails the commit that would grow the WAL, and a failed commit reports no
    /// frames, so no checkpoint would ever follow: every later commit would fail too, though
    /// the WAL file has room once it starts over.
    func holdWriterAfterFailedCommit() {
        holdWriter { _ in true }
    }

    private func holdWriter(when needed: (State) -> Bool) {
        let hold = state.withLock { state in
            guard needed(state), !state.stopped else { return false }
            state.blockingRequested = true
            return true
        }
        guard hold else { return }
        wake.signal()
        blockingDone.wait()
    }

    /// Runs a last checkpoint, which also empties the WAL file, and ends the thread; call
    /// after the writer has stopped.
    func stop() {
        let wasRunning = state.withLock { state in
            defer { state.stopped = true }
            return !state.stopped
        }
        guard wasRunning else { return }
        wake.signal()
        finished.wait()
    }

    private func run(_ db: Database) {
        defer { finished.signal() }
        while true {
            wake.wait()
            let (passive, blocking, stopped) = state.withLock { state in
                defer {
                    state.passiveRequested = false
                    state.blockingRequested = false
                }
                return (state.passiveRequested, state.blockingRequested, state.stopped)
            }
            if blocking { restart(db) }
            if passive && !blocking { self.passive(db) }
            if stopped {
                checkpoint(db, .truncate)
                return
            }
        }
    }

    private func passive(_ db: Database) {
        state.withLock { $0.checkedAt = $0.walFrames }
        checkpoint(db, .passive)
    }

    /// Runs with the writer paused. The next try comes after another `limit` frames, unless
    /// the WAL starts over first (as it does after a restart that did not give up).
    private func restart(_ db: Database) {
        defer { blockingDone.signal() }
        let result = checkpoint(db, .restart)
        if let result, result.gaveUpWaiting {
            logger.warning(
                "store checkpoint gave up waiting for a reader",
                ["walFrames": "\(result.walFrames)", "copied": "\(result.copiedFrames)"])
        }
        state.withLock { $0.blockingAt = $0.walFrames + policy.limit }
    }

    /// Runs one checkpoint; a failure is logged and left for the next one to make good.
    @discardableResult
    private func checkpoint(_ db: Database, _ mode: Database.CheckpointMode)
        -> Database.Checkpoint?
    {
        do {
            return try db.checkpoint(mode)
        } catch {
            if error.isBusy {
                logger.debug("store checkpoint skipped", ["error": "\(error)"])
            } else {
                logger.error("store checkpoint failed", ["error": "\(error)"])
            }
            return nil
        }
    }
}
