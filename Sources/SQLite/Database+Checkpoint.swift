import CSQLite

/// Checkpoints on a connection of the caller's choice: SQLite normally copies the WAL back
/// into the database file inside whichever commit passes 1000 frames, and that commit waits.
extension Database {
    /// How far a checkpoint goes to copy the WAL into the database file.
    public enum CheckpointMode: Sendable {
        /// Copies what no reader still needs, waiting for nobody.
        case passive
        /// Takes the write lock, copies everything and waits (up to the busy timeout) for
        /// readers of older snapshots, so that the next commit writes the WAL from its start.
        case restart
        /// As `restart`, and then cuts the WAL file to zero bytes.
        case truncate

        var code: Int32 {
            switch self {
            case .passive: return SQLITE_CHECKPOINT_PASSIVE
            case .restart: return SQLITE_CHECKPOINT_RESTART
            case .truncate: return SQLITE_CHECKPOINT_TRUNCATE
            }
        }
    }

    /// What a checkpoint found and did.
    public struct Checkpoint: Sendable, Equatable {
        /// Frames in the WAL when it finished.
        public let walFrames: Int
        /// How many of them are now in the database file too.
        public let copiedFrames: Int
        /// Whether it stopped waiting for a reader or the writer after the busy timeout and
        /// copied only what it could, as a passive one does.
        public let gaveUpWaiting: Bool
    }

    /// Copies the WAL into the database file as far as `mode` allows.
    ///
    /// - Throws: `SQLiteError` when the checkpoint could not run at all; `isBusy` then means
    ///   that another connection was checkpointing, which is no fault.
    @discardableResult
    public func checkpoint(_ mode: CheckpointMode) throws(SQLiteError) -> Checkpoint {
        var walFrames: Int32 = -1
        var copiedFrames: Int32 = -1
        let rc = sqlite3_wal_checkpoint_v2(handle, "main", mode.code, &walFrames, &copiedFrames)
        let busy = rc & 0xff == SQLITE_BUSY
        guard rc == SQLITE_OK || busy else {
            throw SQLiteError(
                code: rc, message: String(cString: sqlite3_errmsg(handle)),
                context: "checkpointing \(path)")
        }
        // SQLite leaves the counts at -1 when it could not start: another connection was
        // checkpointing (busy), or the file is not in WAL mode.
        guard walFrames >= 0 else {
            throw SQLiteError(
                code: busy ? rc : SQLITE_ERROR,
                message: busy ? "another connection is checkpointing" : "not in WAL mode",
                context: "checkpointing \(path)")
        }
        return Checkpoint(
            walFrames: Int(walFrames), copiedFrames: Int(copiedFrames), gaveUpWaiting: busy)
    }

    /// Calls `observer` after every commit on this connection with the number of frames then
    /// in the WAL, and stops SQLite's automatic checkpoint on this connection (as
    /// `PRAGMA wal_autocheckpoint=0` would): for a caller that checkpoints on another
    /// connection, so that no commit here waits for one.
    ///
    /// The observer runs on this connection's thread once the commit is durable and its
    /// write lock released; it must be quick and must not use the connection. Setting
    /// `PRAGMA wal_autocheckpoint` afterwards removes it.
    public func observeWAL(_ observer: @escaping (_ frames: Int) -> Void) {
        walObserver = observer
        let context = Unmanaged.passUnretained(self).toOpaque()
        sqlite3_wal_hook(
            handle,
            { context, _, _, frames in
                guard let context else { return SQLITE_OK }
                let db = Unmanaged<Database>.fromOpaque(context).takeUnretainedValue()
                db.walObserver?(Int(frames))
                return SQLITE_OK
            }, context)
    }
}
