import CSQLite

/// A failed SQLite call: the extended result code, SQLite's message and what was being done.
public struct SQLiteError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The extended result code (`sqlite3_extended_errcode`).
    public let code: Int32
    public let message: String
    /// What the caller was doing, e.g. the first words of the SQL.
    public let context: String

    public init(code: Int32, message: String, context: String) {
        self.code = code
        self.message = message
        self.context = context
    }

    /// The primary result code, such as `SQLITE_BUSY` or `SQLITE_CONSTRAINT`.
    public var primaryCode: Int32 { code & 0xff }

    /// Another connection holds the write lock longer than the busy timeout.
    public var isBusy: Bool { primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED }

    /// A UNIQUE, FOREIGN KEY, CHECK or NOT NULL constraint refused the change.
    public var isConstraintViolation: Bool { primaryCode == SQLITE_CONSTRAINT }

    public var description: String {
        "SQLite error \(code) (\(message)) while \(context)"
    }
}
