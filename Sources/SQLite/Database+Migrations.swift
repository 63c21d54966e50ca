/// A named step of a schema. Once shipped it is never edited; a change is a new migration.
public struct Migration: Sendable {
    public let name: String
    public let sql: String

    public init(name: String, sql: String) {
        self.name = name
        self.sql = sql
    }
}

/// The database records migrations this program does not know: a newer version of it
/// wrote the file. Going on could misread or damage what that version stored.
public struct NewerSchemaError: Error, Equatable, Sendable, CustomStringConvertible {
    public let unknownMigrations: [String]

    public init(unknownMigrations: [String]) {
        self.unknownMigrations = unknownMigrations
    }

    public var description: String {
        "the database was migrated by a newer version ("
            + unknownMigrations.joined(separator: ", ")
            + "); run that version or restore a backup made by this one"
    }
}

extension Database {
    /// Applies the migrations not yet recorded in the table `migrations`, in order, each in
    /// its own transaction with its record. Returns the names applied now.
    ///
    /// - Parameter appliedAt: stored with each record (the caller's unit of time).
    /// - Throws: `NewerSchemaError` before changing anything when the file records a
    ///   migration that is not in `migrations`.
    @discardableResult
    public func migrate(_ migrations: [Migration], appliedAt: Int64) throws -> [String] {
        try execute(
            """
            CREATE TABLE IF NOT EXISTS migrations (
                name TEXT PRIMARY KEY,
                applied_at INTEGER NOT NULL
            )
            """)
        let applied = try appliedMigrations()
        let known = Set(migrations.map(\.name))
        let unknown = applied.filter { !known.contains($0) }
        guard unknown.isEmpty else { throw NewerSchemaError(unknownMigrations: unknown) }

        var names: [String] = []
        for migration in migrations where !applied.contains(migration.name) {
            try transaction {
                try execute(migration.sql)
                try run(
                    "INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                    [migration.name, appliedAt])
            }
            names.append(migration.name)
        }
        return names
    }

    /// The names recorded in the table `migrations`, in the order applied.
    public func appliedMigrations() throws -> [String] {
        try query("SELECT name FROM migrations ORDER BY rowid").map { $0.text(0) }
    }
}
