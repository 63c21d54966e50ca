import BookingAPI
import BookingCore
import Foundation
import Logging
import SQLite

/// What the desk has fetched and may fetch again: the logged-in user's session and account
/// settings, the catalogue, availability, orders, tours and the delta-sync cursors. One
/// SQLite file, `cache.sqlite`, mode 0600.
///
/// A damaged cache is never an error the counter has to deal with: it is moved aside,
/// rebuilt empty and reported as an `OfflineStoreEvent`; the next sync fills it again.
public final class Cache: Sendable {
    /// The file's name inside the desk's data folder.
    public static let fileName = "cache.sqlite"

    let file: DataFile
    let connection: Connection
    let logger: Logger

    init(folder: String, events: EventList, logger: Logger, now: Date) throws {
        let file = DataFile(
            path: folder + "/" + Self.fileName, schema: CacheSchema.schema,
            synchronous: .normal, events: events, logger: logger)
        self.file = file
        self.logger = logger
        // NORMAL durability: a power cut may undo the last refresh, which is fetched again.
        self.connection = Connection(path: file.path, database: try Self.openOrRebuild(file, now))
    }

    /// Empties the cache by removing its file (and any set-aside copy) and starting afresh.
    public func wipe() throws(OfflineCacheError) {
        try guarded {
            try connection.withDatabase { db in
                db = nil
                file.remove()
                db = try Self.openOrRebuild(file, Date())
            }
        }
    }

    /// Closes the file; the next use opens it again.
    func close() {
        try? connection.withDatabase { $0 = nil }
    }

    /// Names of the schema's migrations recorded in the file, in the order applied.
    public func appliedMigrations() throws(OfflineCacheError) -> [String] {
        try read { db in try db.appliedMigrations() }
    }

    /// Opens the file; one that cannot be used is set aside, reported and replaced.
    private static func openOrRebuild(_ file: DataFile, _ now: Date) throws -> Database {
        do {
            return try file.open(now: now)
        } catch let problem as FileProblem {
            rebuilt(file, after: problem)
            return try file.open(now: now)
        }
    }

    private static func rebuilt(_ file: DataFile, after problem: FileProblem) {
        let aside = file.setAside()
        file.logger.error(
            "cache unusable, rebuilt empty", ["problem": "\(problem)", "kept": aside])
        file.events.append(.cacheRebuilt(problem, setAsidePath: aside))
    }
}

// MARK: - Access

extension Cache {
    /// Runs `body` in a read snapshot.
    func read<T: Sendable>(_ body: (Database) throws -> T) throws(OfflineCacheError) -> T {
        try access(.deferred, body)
    }

    /// Runs `body` in a write transaction: all of it is stored, or none.
    @discardableResult
    func write<T: Sendable>(_ body: (Database) throws -> T) throws(OfflineCacheError) -> T {
        try access(.immediate, body)
    }

    /// Damage found while in use is handled like damage found on opening: the file is set
    /// aside and rebuilt, and the caller learns that what it asked for is gone.
    private func access<T: Sendable>(
        _ kind: Database.TransactionKind, _ body: (Database) throws -> T
    ) throws(OfflineCacheError) -> T {
        try guarded {
            try connection.withDatabase { db in
                if db == nil { db = try Self.openOrRebuild(file, Date()) }
                let open = db!
                do {
                    return try open.transaction(kind) { try body(open) }
                } catch let error as SQLiteError {
                    guard case let problem as FileProblem = DataFile.classify(error) else {
                        throw error
                    }
                    db = nil
                    Self.rebuilt(file, after: problem)
                    db = try file.open(now: Date())
                    throw OfflineCacheError.cacheRebuilt
                }
            }
        }
    }

    /// Turns whatever `body` throws into an `OfflineCacheError`.
    func guarded<T>(_ body: () throws -> T) throws(OfflineCacheError) -> T {
        do {
            return try body()
        } catch let error as OfflineCacheError {
            throw error
        } catch let problem as FileProblem {
            throw .storage("cache \(file.path) is \(problem)")
        } catch {
            throw .storage("\(error)")
        }
    }
}

// MARK: - Sync state

/// What the desk fetches and keeps in the cache; each has its own sync time and cursor.
public enum SyncResource: String, Sendable, CaseIterable {
    case session
    case catalogue
    case availability
    case orders
    case tours
}

extension Cache {
    /// The server's cursor for the next delta of `resource`; nil when the desk has none and
    /// must fetch everything.
    public func cursor(_ resource: SyncResource) throws(OfflineCacheError) -> String? {
        try read { db in
            try db.queryOne(
                "SELECT cursor FROM sync_state WHERE resource = ?", [resource.rawValue]
            )?.optionalText(0)
        }
    }

    /// When `resource` was last stored; nil when never. The desk shows the age of its data.
    public func syncedAt(_ resource: SyncResource) throws(OfflineCacheError) -> Date? {
        try read { db in
            try db.queryOne(
                "SELECT synced_at FROM sync_state WHERE resource = ?", [resource.rawValue]
            ).map { Date(storedMilliseconds: $0.int64(0)) }
        }
    }

    /// Records a sync of `resource`; a nil `cursor` keeps the one stored unless `replace`.
    static func recordSync(
        _ db: Database, _ resource: SyncResource, cursor: String?, replace: Bool, at now: Date
    ) throws {
        try db.run(
            """
            INSERT INTO sync_state (resource, cursor, synced_at) VALUES (?, ?, ?)
            ON CONFLICT (resource) DO UPDATE SET
                cursor = CASE WHEN ?4 THEN excluded.cursor
                              ELSE coalesce(excluded.cursor, cursor) END,
                synced_at = excluded.synced_at
            """, [resource.rawValue, cursor, now.storedMilliseconds, replace])
    }
}
