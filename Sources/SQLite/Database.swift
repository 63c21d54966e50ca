// SQLite: the one Swift module over sqlite3 (connections, statements, typed errors).

import CSQLite

/// One SQLite connection with a cache of prepared statements.
///
/// A connection is not thread-safe by design (it is opened with `SQLITE_OPEN_NOMUTEX`):
/// confine it to one thread, or keep it behind a `Mutex`.
public final class Database {
    /// How the connection waits for the disk when a transaction commits.
    public enum Synchronous: String, Sendable {
        /// Every commit is on the disk before it returns (`PRAGMA synchronous=FULL`).
        case full = "FULL"
        /// WAL default: a power loss may undo the last commits, never corrupt the file.
        case normal = "NORMAL"
    }

    /// How a transaction takes its locks.
    public enum TransactionKind: String, Sendable {
        /// Takes the write lock at BEGIN, so a read-then-write cannot be overtaken.
        case immediate = "IMMEDIATE"
        /// Takes locks on first use; right for read-only snapshots.
        case deferred = "DEFERRED"
    }

    /// The file the connection was opened on.
    public let path: String
    let handle: OpaquePointer
    private var statements: [String: Statement] = [:]
    /// Called after each commit with the WAL's length (see `observeWAL`).
    var walObserver: ((_ frames: Int) -> Void)?

    /// Opens (and, unless `readOnly`, creates) the database at `path` in WAL mode with
    /// foreign keys enforced.
    ///
    /// - Throws: `SQLiteError` with `SQLITE_READONLY` when `readOnly` is false and the file
    ///   may only be read.
    public init(
        path: String, readOnly: Bool = false, synchronous: Synchronous = .full,
        busyTimeoutMilliseconds: Int32 = 10_000
    ) throws(SQLiteError) {
        var pointer: OpaquePointer?
        let flags =
            (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
            | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &pointer, flags, nil)
        guard rc == SQLITE_OK, let pointer else {
            let message = pointer.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(pointer)
            throw SQLiteError(code: rc, message: message, context: "opening \(path)")
        }
        // SQLite opens a file it may not write read-only without a word; the first write
        // would fail much later, and reading would create a -shm file no writer can use.
        guard readOnly || sqlite3_db_readonly(pointer, "main") == 0 else {
            sqlite3_close_v2(pointer)
            throw SQLiteError(
                code: SQLITE_READONLY, message: "the file is read-only for this user",
                context: "opening \(path) for writing")
        }
        self.path = path
        self.handle = pointer
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
        try configure(readOnly: readOnly, synchronous: synchronous)
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    private func configure(readOnly: Bool, synchronous: Synchronous) throws(SQLiteError) {
        if !readOnly {
            let mode = try queryOne("PRAGMA journal_mode=WAL")?.text(0)
            guard mode?.lowercased() == "wal" else {
                throw SQLiteError(
                    code: SQLITE_ERROR, message: "journal mode is \(mode ?? "unknown")",
                    context: "switching \(path) to WAL")
            }
        }
        try execute("PRAGMA synchronous=\(synchronous.rawValue)")
        try execute("PRAGMA foreign_keys=ON")
        try addUnicodeLower()
    }

    /// Adds `unicode_lower(text)`: lower case in every script, as Swift's `lowercased()`
    /// gives it. SQLite's own `lower()` folds ASCII letters only, so a search for "MÜLLER"
    /// would not find "Müller".
    private func addUnicodeLower() throws(SQLiteError) {
        let rc = sqlite3_create_function_v2(
            handle, "unicode_lower", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil,
            { context, count, values in
                guard count == 1, let value = values?[0], let text = sqlite3_value_text(value)
                else {
                    sqlite3_result_null(context)
                    return
                }
                let lowered = String(cString: text).lowercased()
                sqlite3_result_text(context, lowered, -1, bk_sqlite_transient())
            }, nil, nil, nil)
        guard rc == SQLITE_OK else {
            throw SQLiteError(
                code: rc, message: String(cString: sqlite3_errmsg(handle)),
                context: "adding unicode_lower")
        }
    }

    /// Runs one or more statements without parameters (schema, pragmas).
    public func execute(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &message)
        guard rc == SQLITE_OK else {
            let text =
                message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            throw SQLiteError(code: rc, message: text, context: "executing \(Self.summary(sql))")
        }
    }

    /// Runs a statement with bound parameters and returns the number of rows it changed.
    @discardableResult
    public func run(_ sql: String, _ arguments: [any SQLiteBindable] = []) throws(SQLiteError)
        -> Int
    {
        try step(sql, arguments) { _ in }
        return Int(sqlite3_changes(handle))
    }

    /// Runs a query and returns all its rows.
    public func query(_ sql: String, _ arguments: [any SQLiteBindable] = []) throws(SQLiteError)
        -> [Row]
    {
        var rows: [Row] = []
        try step(sql, arguments) { rows.append($0) }
        return rows
    }

    /// Runs a query and returns its first row, or nil when it has none.
    public func queryOne(_ sql: String, _ arguments: [any SQLiteBindable] = [])
        throws(SQLiteError) -> Row?
    {
        var first: Row?
        try step(sql, arguments) { row in
            if first == nil { first = row }
        }
        return first
    }

    /// Runs a query and hands each row's columns to `body` without copying them into a
    /// `Row`: for hot paths that read many small rows. `Columns` is valid only inside `body`.
    public func forEachRow(
        _ sql: String, _ arguments: [any SQLiteBindable] = [], _ body: (Columns) throws -> Void
    ) throws {
        let statement = try prepared(sql)
        defer { statement.reset() }
        try statement.bind(arguments.map(\.sqliteValue), database: handle)
        while true {
            let rc = sqlite3_step(statement.handle)
            if rc == SQLITE_ROW {
                try body(Columns(handle: statement.handle))
            } else if rc == SQLITE_DONE {
                return
            } else {
                throw SQLiteError(
                    code: sqlite3_extended_errcode(handle),
                    message: String(cString: sqlite3_errmsg(handle)),
                    context: "running \(statement.summary)")
            }
        }
    }

    /// The rowid of the last row inserted on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Whether a transaction is open on this connection.
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    @discardableResult
    public func transaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T)
        throws -> T
    {
        // Through the statement cache: BEGIN and COMMIT are parsed once per connection.
        try run("BEGIN \(kind.rawValue)")
        do {
            let result = try body()
            try run("COMMIT")
            return result
        } catch {
            // The body's error is the one to report, not a failed rollback's.
            if isInTransaction { _ = try? run("ROLLBACK") }
            throw error
        }
    }

    /// Runs `body` in a savepoint: released when it returns, rolled back to when it throws.
    /// Inside an open transaction this undoes only `body`'s changes.
    @discardableResult
    public func savepoint<T>(_ name: String = "step", _ body: () throws -> T) throws -> T {
        try run("SAVEPOINT \(name)")
        do {
            let result = try body()
            try run("RELEASE \(name)")
            return result
        } catch {
            _ = try? run("ROLLBACK TO \(name)")
            _ = try? run("RELEASE \(name)")
            throw error
        }
    }

    private func step(
        _ sql: String, _ arguments: [any SQLiteBindable], _ onRow: (Row) -> Void
    ) throws(SQLiteError) {
        let statement = try prepared(sql)
        defer { statement.reset() }
        try statement.bind(arguments.map(\.sqliteValue), database: handle)
        while true {
            let rc = sqlite3_step(statement.handle)
            if rc == SQLITE_ROW {
                onRow(statement.row())
            } else if rc == SQLITE_DONE {
                return
            } else {
                throw SQLiteError(
                    code: sqlite3_extended_errcode(handle),
                    message: String(cString: sqlite3_errmsg(handle)),
                    context: "running \(statement.summary)")
            }
        }
    }

    private func prepared(_ sql: String) throws(SQLiteError) -> Statement {
        if let cached = statements[sql] { return cached }
        var pointer: OpaquePointer?
        let rc = sqlite3_prepare_v3(
            handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &pointer, nil)
        guard rc == SQLITE_OK, let pointer else {
            throw SQLiteError(
                code: sqlite3_extended_errcode(handle),
                message: String(cString: sqlite3_errmsg(handle)),
                context: "preparing \(Self.summary(sql))")
        }
        let statement = Statement(handle: pointer, sql: sql)
        statements[sql] = statement
        return statement
    }

    static func summary(_ sql: String) -> String {
        let flat = sql.split(whereSeparator: { $0 == "\n" || $0 == " " }).joined(separator: " ")
        return flat.count > 60 ? String(flat.prefix(60)) + "…" : flat
    }

    /// The version of the linked SQLite library, such as "3.40.1".
    public static var libraryVersion: String { String(cString: sqlite3_libversion()) }
}

/// The columns of the current row of a running query (see `Database.forEachRow`).
public struct Columns {
    fileprivate let handle: OpaquePointer

    public func int64(_ index: Int) -> Int64 {
        sqlite3_column_int64(handle, Int32(index))
    }

    public func int(_ index: Int) -> Int {
        Int(int64(index))
    }

    public func isNull(_ index: Int) -> Bool {
        sqlite3_column_type(handle, Int32(index)) == SQLITE_NULL
    }
}
