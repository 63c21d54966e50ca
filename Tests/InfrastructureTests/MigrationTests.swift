import SQLite
import TestFiles
import Testing

@Suite struct MigrationTests {
    static let first = [
        Migration(name: "0001-a", sql: "CREATE TABLE a (x INTEGER)"),
        Migration(name: "0002-b", sql: "CREATE TABLE b (y INTEGER)"),
    ]

    @Test func appliesEachMigrationOnceInOrder() throws {
        let folder = TemporaryFolder()
        let db = try Database(path: folder.file("m.sqlite"))

        #expect(try db.migrate(Self.first, appliedAt: 1) == ["0001-a", "0002-b"])
        #expect(try db.migrate(Self.first, appliedAt: 2) == [])
        let later = Self.first + [Migration(name: "0003-c", sql: "CREATE TABLE c (z INTEGER)")]
        #expect(try db.migrate(later, appliedAt: 3) == ["0003-c"])
        #expect(try db.appliedMigrations() == ["0001-a", "0002-b", "0003-c"])
    }

    @Test func aFailingMigrationLeavesNoTraceAndNoRecord() throws {
        let folder = TemporaryFolder()
        let db = try Database(path: folder.file("m.sqlite"))
        let broken = Migration(name: "0002-broken", sql: "CREATE TABLE d (x); CREATE TABLE (")

        #expect(throws: SQLiteError.self) {
            try db.migrate([Self.first[0], broken], appliedAt: 1)
        }

        #expect(try db.appliedMigrations() == ["0001-a"])
        #expect(try db.queryOne("SELECT count(*) FROM sqlite_schema WHERE name = 'd'")?.int(0) == 0)
    }

    /// An older program must not write into a file a newer one has migrated further.
    @Test func refusesAFileWithMigrationsItDoesNotKnow() throws {
        let folder = TemporaryFolder()
        let db = try Database(path: folder.file("m.sqlite"))
        let newer = Self.first + [Migration(name: "0003-c", sql: "CREATE TABLE c (z INTEGER)")]
        try db.migrate(newer, appliedAt: 1)

        #expect(throws: NewerSchemaError(unknownMigrations: ["0003-c"])) {
            try db.migrate(Self.first, appliedAt: 2)
        }
    }
}
