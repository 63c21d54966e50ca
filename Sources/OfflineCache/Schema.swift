import Foundation
import SQLite

/// The tables of one desk file as named migrations, applied in order and recorded in the
/// table `migrations`. A shipped migration is never edited; a change is a new one. A file
/// that records a migration this desk does not know was written by a newer desk and is
/// reported, never silently wiped.
struct Schema: Sendable {
    typealias Migration = SQLite.Migration

    /// Marks the file as ours (`PRAGMA application_id`), so that a cache is never opened as
    /// an outbox or the other way round.
    let applicationID: Int32
    let migrations: [Migration]

    /// Checks that `db` is ours and not newer, then applies the migrations it lacks, each in
    /// its own transaction. Returns the names applied now.
    @discardableResult
    func prepare(_ db: Database, now: Date) throws -> [String] {
        try claim(db)
        do {
            return try db.migrate(migrations, appliedAt: now.storedMilliseconds)
        } catch let newer as NewerSchemaError {
            throw FileProblem.newerSchema(unknownMigrations: newer.unknownMigrations)
        }
    }

    /// Stamps a fresh file with our application id; refuses a file stamped otherwise, or an
    /// unstamped one that already has tables.
    private func claim(_ db: Database) throws {
        let stamped = try db.queryOne("PRAGMA application_id")?.int64(0) ?? 0
        if stamped == Int64(applicationID) { return }
        let objects = try db.queryOne("SELECT count(*) FROM sqlite_schema")?.int(0) ?? 0
        guard stamped == 0, objects == 0 else {
            throw FileProblem.notOurs(applicationID: Int32(truncatingIfNeeded: stamped))
        }
        try db.execute("PRAGMA application_id = \(applicationID)")
    }
}

extension FileProblem: Error {}
