import BookingAPI
import BookingCore
import Foundation
import Logging
import SQLite
import Secrets

/// Orders taken at this desk that the server has not confirmed yet, in the order they were
/// taken, with the conflicts staff must resolve. One SQLite file, `outbox.sqlite`, mode
/// 0600, every commit on the disk before it returns (`synchronous=FULL`): an order whose
/// `enqueue` returned survives `kill -9` and a power cut.
///
/// The outbox is never deleted because of a problem: a damaged or newer file is reported
/// as `OfflineCacheError.outboxUnusable` and left as it is.
public final class Outbox: Sendable {
    /// The file's name inside the desk's data folder.
    public static let fileName = "outbox.sqlite"

    /// This desk's code in provisional numbers (`V-<code>-0001`), chosen at random when the
    /// file was created.
    public let deskCode: String
    let file: DataFile
    let connection: Connection
    let logger: Logger

    init(folder: String, events: EventList, logger: Logger, now: Date) throws {
        let file = DataFile(
            path: folder + "/" + Self.fileName, schema: OutboxSchema.schema,
            synchronous: .full, events: events, logger: logger)
        let db: Database
        do {
            db = try file.open(now: now)
            // Customers' data of pruned orders is overwritten, not left in free pages.
            try db.execute("PRAGMA secure_delete = ON")
            deskCode = try Self.claimDeskCode(db)
        } catch let problem as FileProblem {
            // FIXME: Salvage the readable entries of a damaged outbox into a new one instead
            // of only refusing it; today support must recover the file by hand.
            logger.error("outbox unusable, left untouched", ["problem": "\(problem)"])
            throw OfflineCacheError.outboxUnusable(path: file.path, problem)
        }
        self.file = file
        self.logger = logger
        self.connection = Connection(path: file.path, database: db)
    }

    /// Closes the file for good; later calls fail with `storage`.
    func close() {
        try? connection.withDatabase { $0 = nil }
    }

    /// Names of the schema's migrations recorded in the file, in the order applied.
    public func appliedMigrations() throws(OfflineCacheError) -> [String] {
        try read { db in try db.appliedMigrations() }
    }

    /// Reads the desk's code, choosing one on first use: four characters that cannot be
    /// mistaken for one another when read aloud or typed (no 0/O, 1/I).
    private static func claimDeskCode(_ db: Database) throws -> String {
        if let code = try db.queryOne("SELECT code FROM desk WHERE id = 1")?.text(0) {
            return code
        }
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        let code = String(
            (0..<4).map { _ in alphabet[Int(Secrets.randomNumber(below: UInt32(alphabet.count)))] }
        )
        try db.run("INSERT INTO desk (id, code, last_number) VALUES (1, ?, 0)", [code])
        return code
    }
}

// MARK: - Taking orders

extension Outbox {
    /// Stores an order before it is first sent, and gives it its provisional number.
    ///
    /// When `takenOffline`, the request is marked so, and a walk-in is also marked `force`:
    /// it has been handed over, so the server must take it even if that overbooks. Enqueuing
    /// the same request again returns the stored entry; the same client id with another
    /// request is refused.
    /// - Throws: `invalidClientID` unless the client id is a UUID, `clientIDReused`.
    @discardableResult
    public func enqueue(
        _ request: CreateOrderRequest, kind: OutboxEntry.Kind, takenOffline: Bool, now: Date
    ) throws(OfflineCacheError) -> OutboxEntry {
        let stored = try Self.prepared(request, kind: kind, takenOffline: takenOffline)
        let json = try StoredJSON.encode(stored)
        return try write { db in
            if let existing = try db.queryOne(
                "SELECT request FROM entries WHERE client_id = ?", [stored.clientID])
            {
                guard existing.text(0) == json else {
                    throw OfflineCacheError.clientIDReused(stored.clientID)
                }
                return try Self.entry(db, clientID: stored.clientID)
            }
            guard try !Self.wasUsed(db, clientID: stored.clientID) else {
                throw OfflineCacheError.clientIDReused(stored.clientID)
            }
            try db.run(
                """
                INSERT INTO entries (client_id, provisional_number, kind, state, request,
                                     created_at, next_attempt_at)
                VALUES (?, ?, ?, 'pending', ?, ?, ?)
                """,
                [
                    stored.clientID, try Self.nextProvisionalNumber(db), kind.rawValue, json,
                    now.storedMilliseconds, now.storedMilliseconds,
                ])
            return try Self.entry(db, clientID: stored.clientID)
        }
    }

    /// The entry with this client id.
    public func entry(clientID: String) throws(OfflineCacheError) -> OutboxEntry? {
        try read { db in
            try db.queryOne(
                "SELECT \(OutboxEntry.columns) FROM entries WHERE client_id = ?", [clientID])
        }.map { (row) throws(OfflineCacheError) in try OutboxEntry(row: row) }
    }

    /// The entry with this provisional number.
    public func entry(provisionalNumber: String) throws(OfflineCacheError) -> OutboxEntry? {
        try read { db in
            try db.queryOne(
                "SELECT \(OutboxEntry.columns) FROM entries WHERE provisional_number = ?",
                [provisionalNumber])
        }.map { (row) throws(OfflineCacheError) in try OutboxEntry(row: row) }
    }

    /// The server's number for a provisional one; nil while the order is unsent.
    public func realNumber(forProvisional number: String) throws(OfflineCacheError) -> String? {
        try entry(provisionalNumber: number)?.orderNumber
    }

    /// The entries in `states`, in the order they were taken.
    public func entries(in states: Set<OutboxEntry.State> = Set(OutboxEntry.State.allCases))
        throws(OfflineCacheError) -> [OutboxEntry]
    {
        let list = states.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ")
        let rows = try read { db in
            try db.query(
                """
                SELECT \(OutboxEntry.columns) FROM entries WHERE state IN (\(list))
                ORDER BY sequence
                """)
        }
        var entries: [OutboxEntry] = []
        for row in rows {
            entries.append(try OutboxEntry(row: row))
        }
        return entries
    }

    /// Orders the server does not have yet (pending or in conflict), in order of entry.
    public func unsent() throws(OfflineCacheError) -> [OutboxEntry] {
        try entries(in: [.pending, .conflict])
    }

    /// How many orders the server does not have yet; log-out is refused while any.
    public func unsentCount() throws(OfflineCacheError) -> Int {
        try read { db in
            try db.queryOne(
                "SELECT count(*) FROM entries WHERE state IN ('pending', 'conflict')")?.int(0)
                ?? 0
        }
    }

    /// Unsent orders and open conflicts, counted in one read: the status line asks after
    /// every answer.
    public func counts() throws(OfflineCacheError) -> (unsent: Int, openConflicts: Int) {
        try read { db in
            let row = try db.queryOne(
                """
                SELECT (SELECT count(*) FROM entries WHERE state IN ('pending', 'conflict')),
                    (SELECT count(*) FROM conflicts WHERE resolved_at IS NULL)
                """)
            return (row?.int(0) ?? 0, row?.int(1) ?? 0)
        }
    }

    /// A new client id for an order: a random UUID.
    public static func newClientID() -> String {
        UUID().uuidString.lowercased()
    }

    /// The request as it will be sent: offline flags set by the rule of the design.
    static func prepared(
        _ request: CreateOrderRequest, kind: OutboxEntry.Kind, takenOffline: Bool
    ) throws(OfflineCacheError) -> CreateOrderRequest {
        guard UUID(uuidString: request.clientID) != nil else {
            throw .invalidClientID(request.clientID)
        }
        var stored = request
        stored.takenOffline = takenOffline
        stored.force = request.force || (kind == .walkIn && takenOffline)
        return stored
    }

    static func entry(_ db: Database, clientID: String) throws -> OutboxEntry {
        guard
            let row = try db.queryOne(
                "SELECT \(OutboxEntry.columns) FROM entries WHERE client_id = ?", [clientID])
        else { throw OfflineCacheError.unknownOrder(clientID: clientID) }
        return try OutboxEntry(row: row)
    }

    /// Whether an entry or a conflict record names this client id, now or before.
    static func wasUsed(_ db: Database, clientID: String) throws -> Bool {
        try db.queryOne(
            """
            SELECT 1 FROM entries WHERE client_id = ?1
            UNION ALL
            SELECT 1 FROM conflicts WHERE client_id = ?1 OR replacement_client_id = ?1
            LIMIT 1
            """, [clientID]) != nil
    }

    /// The next provisional number, never handed out before at this desk.
    private static func nextProvisionalNumber(_ db: Database) throws -> String {
        guard
            let row = try db.queryOne(
                """
                UPDATE desk SET last_number = last_number + 1 WHERE id = 1
                RETURNING code, last_number
                """)
        else { throw OfflineCacheError.unreadable("the outbox has no desk code") }
        let digits = String(row.int(1))
        return "V-" + row.text(0) + "-" + String(repeating: "0", count: max(0, 4 - digits.count))
            + digits
    }
}

// MARK: - Access

extension Outbox {
    /// Runs `body` in a read snapshot.
    func read<T: Sendable>(_ body: (Database) throws -> T) throws(OfflineCacheError) -> T {
        try access(.deferred, body)
    }

    /// Runs `body` in a write transaction that is on the disk when this returns.
    @discardableResult
    func write<T: Sendable>(_ body: (Database) throws -> T) throws(OfflineCacheError) -> T {
        try access(.immediate, body)
    }

    /// Runs `body` in a write transaction that does not wait for the disk: for records the
    /// server can give again. A power cut may undo it (never tear it); the next durable
    /// write of the outbox takes it to the disk. Losing "sent" only means sending the order
    /// once more, which the server answers from its idempotency key with the same order.
    @discardableResult
    func writeRelaxed<T: Sendable>(_ body: (Database) throws -> T) throws(OfflineCacheError)
        -> T
    {
        try access(.immediate, durable: false, body)
    }

    private func access<T: Sendable>(
        _ kind: Database.TransactionKind, durable: Bool = true, _ body: (Database) throws -> T
    ) throws(OfflineCacheError) -> T {
        do {
            return try connection.withDatabase { db in
                guard let open = db else { throw OfflineCacheError.storage("outbox is closed") }
                guard !durable else { return try open.transaction(kind) { try body(open) } }
                // The lock is held: no other transaction runs under the relaxed setting.
                try open.execute("PRAGMA synchronous = NORMAL")
                defer { try? open.execute("PRAGMA synchronous = FULL") }
                return try open.transaction(kind) { try body(open) }
            }
        } catch let error as OfflineCacheError {
            throw error
        } catch let error as SQLiteError {
            guard case let problem as FileProblem = DataFile.classify(error) else {
                throw .storage(error.description)
            }
            logger.error("outbox damaged", ["problem": "\(problem)"])
            throw .outboxUnusable(path: file.path, problem)
        } catch {
            throw .storage("\(error)")
        }
    }
}
