import Foundation
import Logging
import SQLite

#if canImport(Glibc)
    import Glibc
#endif

/// How the desk's two SQLite files are opened: created private (mode 0600, the `-wal` and
/// `-shm` files too), checked to be whole and ours, and migrated.
struct DataFile: Sendable {
    let path: String
    let schema: Schema
    let synchronous: Database.Synchronous
    let events: EventList
    let logger: Logger

    /// Opens the file, creating it if missing. Throws `FileProblem` when the file exists but
    /// cannot be used as it is, `OfflineCacheError.storage` when it cannot be opened at all.
    func open(now: Date) throws -> Database {
        try createIfMissing()
        tightenModes()
        let db: Database
        do {
            db = try Database(path: path, synchronous: synchronous)
            try checkIntegrity(db)
            for name in try schema.prepare(db, now: now) {
                logger.info("migration applied", ["file": path, "name": name])
            }
        } catch let error as SQLiteError {
            throw Self.classify(error)
        }
        // SQLite creates the -wal and -shm files with the database's mode; check anyway.
        tightenModes()
        return db
    }

    /// A damaged file shows as SQLITE_CORRUPT (11) or SQLITE_NOTADB (26); anything else is
    /// a failure of the disk or the system, not of the file's content.
    static func classify(_ error: SQLiteError) -> any Error {
        switch error.primaryCode {
        case 11, 26: return FileProblem.damaged(error.message)
        default: return OfflineCacheError.storage(error.description)
        }
    }

    /// Moves the file (and its WAL, so the pair still opens) to `<name>.damaged`, replacing an
    /// earlier one, and removes its shared-memory file. Returns the new path.
    func setAside() -> String {
        let target = path + ".damaged"
        for suffix in ["", "-wal", "-shm"] {
            unlink(target + suffix)
        }
        rename(path, target)
        rename(path + "-wal", target + "-wal")
        unlink(path + "-shm")
        return target
    }

    /// Removes the file, its WAL and shared memory, and any set-aside copy.
    func remove() {
        for name in [path, path + ".damaged"] {
            for suffix in ["", "-wal", "-shm"] {
                unlink(name + suffix)
            }
        }
    }

    private func createIfMissing() throws {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
        } catch {
            throw OfflineCacheError.storage("cannot create \(folder): \(error)")
        }
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd >= 0 {
            close(fd)
        } else if errno != EEXIST {
            throw OfflineCacheError.storage("cannot create \(path): errno \(errno)")
        }
    }

    /// Takes the group's and others' permissions off the file and its companions, and says so.
    private func tightenModes() {
        for file in [path, path + "-wal", path + "-shm"] {
            var info = stat()
            guard stat(file, &info) == 0, info.st_mode & 0o077 != 0 else { continue }
            guard chmod(file, 0o600) == 0 else {
                logger.error("cannot make file private", ["file": file, "errno": "\(errno)"])
                continue
            }
            logger.warning("file was readable by others; made private", ["file": file])
            events.append(
                .permissionsTightened(path: file, previousMode: UInt32(info.st_mode & 0o7777)))
        }
    }

    /// `PRAGMA quick_check` reads every page; a damaged file answers anything but "ok".
    private func checkIntegrity(_ db: Database) throws {
        let answers = try db.query("PRAGMA quick_check").map { $0.text(0) }
        guard answers == ["ok"] else {
            throw FileProblem.damaged(answers.prefix(3).joined(separator: "; "))
        }
    }
}
