import Foundation
import SQLite
import TestFiles
import Testing

@Suite struct SQLiteTests {
    @Test func opensInWALModeWithForeignKeys() throws {
        let folder = TemporaryFolder()
        let db = try Database(path: folder.file("a.sqlite"))
        #expect(try db.queryOne("PRAGMA journal_mode")?.text(0) == "wal")
        #expect(try db.queryOne("PRAGMA foreign_keys")?.int(0) == 1)
        #expect(try db.queryOne("PRAGMA synchronous")?.int(0) == 2)  // FULL
    }

    @Test func roundTripsEveryValueKindAndUmlauts() throws {
        let folder = TemporaryFolder()
        let db = try Database(path: folder.file("a.sqlite"))
        try db.execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n TEXT)")
        try db.run(
            "INSERT INTO t VALUES (?, ?, ?, ?, ?)",
            [Int64.max, 1.5, "Größe äöü", [UInt8]([0, 1, 255]), String?.none])
        let row = try #require(try db.queryOne("SELECT i, r, s, b, n, length(s) FROM t"))
        #expect(row.int64(0) == Int64.max)
        #expect(row.double(1) == 1.5)
        #expect(row.text(2) == "Größe äöü")
        #expect(row.blob(3) == [0, 1, 255])
        #expect(row.optionalText(4) == nil)
        #expect(row.int(5) == 9)
    }

    @Test func transactionRollsBackWhenTheBodyThrows() throws {
        struct Failure: Error {}
        let folder = TemporaryFolder()
        let db = try Database(path: folder.file("a.sqlite"))
        try db.execute("CREATE TABLE t (x INTEGER)")
        #expect(throws: Failure.self) {
            try db.transaction {
                try db.run("INSERT INTO t VALUES (1)")
                throw Failure()
            }
        }
        #expect(try db.queryOne("SELECT count(*) FROM t")?.int(0) == 0)
        #expect(!db.isInTransaction)
    }

    @Test func savepointUndoesOnlyItsOwnStep() throws {
        struct Failure: Error {}
        let folder = TemporaryFolder()
        let db = try Database(path: folder.file("a.sqlite"))
        try db.execute("CREATE TABLE t (x INTEGER)")
        try db.transaction {
            try db.run("INSERT INTO t VALUES (1)")
            try? db.savepoint {
                try db.run("INSERT INTO t VALUES (2)")
                throw Failure()
            }
            try db.savepoint { try db.run("INSERT INTO t VALUES (3)") }
        }
        let values = try db.query("SELECT x FROM t ORDER BY x").map { $0.int(0) }
        #expect(values == [1, 3])
    }

    @Test func constraintViolationIsTypedWithItsCode() throws {
        let folder = TemporaryFolder()
        let db = try Database(path: folder.file("a.sqlite"))
        try db.execute("CREATE TABLE t (x INTEGER UNIQUE)")
        try db.run("INSERT INTO t VALUES (1)")
        do {
            try db.run("INSERT INTO t VALUES (?)", [1])
            Issue.record("a duplicate was accepted")
        } catch {
            #expect(error.isConstraintViolation)
            #expect(error.code == 2067)  // SQLITE_CONSTRAINT_UNIQUE
            #expect(error.context.contains("INSERT INTO t"))
        }
    }

    @Test func syntaxErrorsAreReportedNotCrashing() throws {
        let folder = TemporaryFolder()
        let db = try Database(path: folder.file("a.sqlite"))
        #expect(throws: SQLiteError.self) { try db.query("SELEC 1") }
    }

    @Test func readersSeeCommittedDataWhileAWriterHoldsTheLock() throws {
        let folder = TemporaryFolder()
        let writer = try Database(path: folder.file("a.sqlite"))
        try writer.execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)")
        let reader = try Database(path: folder.file("a.sqlite"), readOnly: true)
        try writer.execute("BEGIN IMMEDIATE; INSERT INTO t VALUES (2)")
        #expect(try reader.queryOne("SELECT count(*) FROM t")?.int(0) == 1)
        try writer.execute("COMMIT")
        #expect(try reader.queryOne("SELECT count(*) FROM t")?.int(0) == 2)
    }

    @Test func dataSurvivesReopening() throws {
        let folder = TemporaryFolder()
        do {
            let db = try Database(path: folder.file("a.sqlite"))
            try db.execute("CREATE TABLE t (x TEXT)")
            try db.run("INSERT INTO t VALUES (?)", ["kept"])
        }
        let again = try Database(path: folder.file("a.sqlite"))
        #expect(try again.queryOne("SELECT x FROM t")?.text(0) == "kept")
    }
}

@Suite struct UnicodeLowerTests {
    /// SQLite's lower() leaves Ä, Ö, Ü alone; searches use unicode_lower() instead.
    @Test func lowersEveryScriptAndKeepsNull() throws {
        let folder = TemporaryFolder()
        let db = try Database(path: folder.file("u.sqlite"))
        let row = try #require(
            try db.queryOne(
                "SELECT unicode_lower('MÜLLER Ärger ÉCOLE'), lower('MÜLLER'), unicode_lower(NULL)"))
        #expect(row.text(0) == "müller ärger école")
        #expect(row.text(1) == "mÜller")
        #expect(row.isNull(2))
    }
}
