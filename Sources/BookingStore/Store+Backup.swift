import BookingAPI
import BookingCore
import Foundation
import SQLite
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Why a backup could not be restored or copied.
public struct BackupError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// Backups, restore and anonymised copies: whole database files.
extension BookingStore {
    /// Writes a consistent copy of the whole store to the new file `path` (mode 0600) with
    /// SQLite's online backup API; writers go on meanwhile.
    public func backup(to path: String) throws(StoreError) {
        do {
            let source = try Database(path: self.path, readOnly: true)
            try source.backup(to: path)
        } catch {
            throw .database(error)
        }
    }

    /// Replaces the store in `folder` with the backup at `backup`, after checking that the
    /// backup is an intact store. No server may have the folder open (its lock says so).
    /// The replaced database is kept beside it; returns its path.
    @discardableResult
    public static func restore(backup: String, into folder: String, now: Date = Date())
        throws -> String
    {
        try checkBackup(backup)
        let lock = try FolderLock(folder: folder, exclusive: true)
        defer { lock.release() }
        let live = folder + "/" + fileName
        let kept = live + ".replaced-" + String(now.storedSeconds)
        let files = FileManager.default
        for suffix in ["", "-wal", "-shm"] where files.fileExists(atPath: live + suffix) {
            try files.moveItem(atPath: live + suffix, toPath: kept + suffix)
        }
        try files.copyItem(atPath: backup, toPath: live)
        try files.setAttributes([.posixPermissions: 0o600], ofItemAtPath: live)
        return kept
    }

    /// Refuses a file that is not an intact store.
    static func checkBackup(_ path: String) throws {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw BackupError("cannot read \(path)")
        }
        do {
            let db = try Database(path: path, readOnly: true)
            guard try db.isIntact() else { throw BackupError("\(path) is damaged") }
            guard try db.queryOne("SELECT count(*) FROM migrations") != nil,
                try db.queryOne("SELECT count(*) FROM accounts") != nil
            else { throw BackupError("\(path) is not a booking store") }
        } catch let error as BackupError {
            throw error
        } catch {
            throw BackupError("\(path) is not a booking store: \(error)")
        }
    }
}

/// An advisory lock on the data folder: every open store holds it shared, a restore
/// exclusively, so that a restore never replaces the file under a running server.
final class FolderLock: Sendable {
    private let descriptor: Mutex<Int32>

    init(folder: String, exclusive: Bool) throws {
        let path = folder + "/booking.lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw BackupError("cannot open \(path)") }
        guard flock(fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) == 0 else {
            close(fd)
            throw BackupError(
                exclusive
                    ? "the data folder is in use; stop the server first"
                    : "the data folder is being restored")
        }
        descriptor = Mutex(fd)
    }

    /// Gives the lock up (closing the descriptor releases it); safe to call twice.
    func release() {
        let fd = descriptor.withLock { fd in
            defer { fd = -1 }
            return fd
        }
        if fd >= 0 { close(fd) }
    }

    deinit {
        release()
    }
}
