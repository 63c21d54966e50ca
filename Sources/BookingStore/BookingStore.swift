// BookingStore: the server's data on SQLite; the only server code that runs SQL.

import BookingAPI
import BookingCore
import Foundation
import Logging
import SQLite

/// The booking server's data in one SQLite file (WAL, foreign keys on, full durability on
/// every commit). All writes go through one writer thread that commits in groups; reads
/// run on a pool of read-only connections and never wait for the writer.
///
/// Every method takes the caller's `Scope` and filters by it itself, so that no caller can
/// forget the account: a row of another account is reported as missing.
public final class BookingStore: Sendable {
    /// The database's file name inside the data folder.
    public static let fileName = "booking.sqlite"

    /// The database file.
    public let path: String
    let logger: Logger
    private let writer: WriteQueue
    private let checkpointer: Checkpointer
    private let readers: ReaderPool
    /// Held shared while the store is open, so that a restore cannot replace the file.
    private let lock: FolderLock

    /// Opens (or creates) the store in `folder`, applying pending migrations.
    public convenience init(folder: String, logger: Logger = .silent, readerCount: Int = 8)
        throws
    {
        try self.init(
            folder: folder, logger: logger, readerCount: readerCount,
            checkpoints: Checkpointer.Policy())
    }

    /// Opens the store with its own checkpoint policy: tests make the WAL's limits small.
    init(folder: String, logger: Logger, readerCount: Int, checkpoints: Checkpointer.Policy)
        throws
    {
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        let path = folder + "/" + Self.fileName
        let lock = try FolderLock(folder: folder, exclusive: false)
        do {
            let db = try Database(path: path, synchronous: .full)
            // Password hashes and customers' data: readable by the server's user only.
            // SQLite gives the -wal and -shm files the same mode.
            try FileManager.default.setAttributes(
                [.posixPermissions: 0o600], ofItemAtPath: path)
            let applied = try Schema.migrate(db, now: Int64(Date().timeIntervalSince1970))
            for name in applied {
                logger.info("migration applied", ["name": name])
            }
        }
        self.path = path
        self.logger = logger
        self.readers = try ReaderPool(path: path, count: readerCount)
        let checkpointer = try Checkpointer(path: path, logger: logger, policy: checkpoints)
        self.checkpointer = checkpointer
        self.writer = WriteQueue(path: path, logger: logger, checkpointer: checkpointer)
        self.lock = lock
    }

    /// Finishes queued writes, stops the writer and then the checkpointer, which copies the
    /// whole WAL into the database file; later writes fail with `.unavailable`.
    public func close() {
        writer.stop()
        checkpointer.stop()
        lock.release()
    }

    deinit {
        writer.stop()
        checkpointer.stop()
    }

    /// Runs `body` on a read-only snapshot.
    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try readers.read(body)
        } catch {
            throw StoreError.wrap(error)
        }
    }

    /// Runs `body` serialised with every other write; returns after the commit is durable.
    @discardableResult
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) throws(StoreError)
        -> T
    {
        do {
            return try writer.perform(body)
        } catch {
            throw StoreError.wrap(error)
        }
    }

    /// Queues `body` on the writer without waiting for it (see `WriteQueue.submit`).
    func submit(_ body: @escaping @Sendable (Database) throws -> Void) {
        writer.submit(body)
    }

    /// Returns once every write queued before the call is committed: for tests and tools
    /// that must see bookkeeping queued with `submit`.
    public func waitForQueuedWrites() throws(StoreError) {
        try write { _ in }
    }

    /// Runs `body` on the writer, turning a UNIQUE violation into `.conflict(message)`.
    func writeUnique<T: Sendable>(
        _ message: String, _ body: @escaping @Sendable (Database) throws -> T
    ) throws(StoreError) -> T {
        do {
            return try write(body)
        } catch .database(let error) where error.isConstraintViolation {
            throw .conflict(message)
        }
    }

    /// Names of the migrations recorded in the database, in the order applied.
    public func appliedMigrations() throws(StoreError) -> [String] {
        try read { db in try db.appliedMigrations() }
    }

    /// Whether the store holds no account yet (a fresh data folder).
    public func isEmpty() throws(StoreError) -> Bool {
        try read { db in try db.queryOne("SELECT count(*) FROM accounts")?.int(0) == 0 }
    }
}

extension Date {
    /// Whole seconds since 1970, as stored.
    var storedSeconds: Int64 { Int64(timeIntervalSince1970.rounded(.down)) }

    init(storedSeconds: Int64) {
        self.init(timeIntervalSince1970: TimeInterval(storedSeconds))
    }
}

enum StoredJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try APIJSON.encoder().encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try APIJSON.decoder().decode(type, from: Data(text.utf8))
    }
}
