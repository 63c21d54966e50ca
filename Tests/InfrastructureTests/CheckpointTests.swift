import Foundation
import SQLite
import TestFiles
import Testing

/// Checkpoints taken off the committing connection: the WAL observer and explicit
/// checkpoints on a real file.
@Suite struct CheckpointTests {
    private static func commitRows(_ count: Int, on db: Database) throws {
        for _ in 0..<count {
            try db.run("INSERT INTO t (payload) VALUES (randomblob(1000))")
        }
    }

    private static func walSize(_ db: Database) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: db.path + "-wal")
        return (attributes[.size] as? NSNumber)?.intValue ?? -1
    }

    @Test func theObserverSeesTheWALGrowPastSQLitesOwnCheckpoint() throws {
        let folder = TemporaryFolder()
        let db = try Database(path: folder.file("a.sqlite"), synchronous: .normal)
        try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, payload BLOB)")
        var reported: [Int] = []
        db.observeWAL { reported.append($0) }
        #expect(try db.queryOne("PRAGMA wal_autocheckpoint")?.int(0) == 0)

        try Self.commitRows(1200, on: db)

        #expect(reported.count == 1200)
        #expect(reported == reported.sorted())
        // SQLite's own checkpoint would have started the WAL over after 1000 frames.
        #expect(reported.last! > 1200)
    }

    @Test func aPassiveCheckpointCopiesAllAndTruncateEmptiesTheFile() throws {
        let folder = TemporaryFolder()
        let db = try Database(path: folder.file("a.sqlite"), synchronous: .normal)
        try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, payload BLOB)")
        try Self.commitRows(50, on: db)

        let passive = try db.checkpoint(.passive)
        #expect(passive.walFrames >= 50)
        #expect(passive.copiedFrames == passive.walFrames && !passive.gaveUpWaiting)

        let truncated = try db.checkpoint(.truncate)
        #expect(truncated.walFrames == 0 && !truncated.gaveUpWaiting)
        #expect(try Self.walSize(db) == 0)
        #expect(try db.queryOne("SELECT count(*) FROM t")?.int(0) == 50)
    }

    /// A reader's snapshot keeps its frames in the WAL: a passive checkpoint leaves them, a
    /// restart gives up after the busy timeout instead of failing.
    @Test func aReaderKeepsTheFramesItsSnapshotNeeds() throws {
        let folder = TemporaryFolder()
        let path = folder.file("a.sqlite")
        let db = try Database(path: path, synchronous: .normal, busyTimeoutMilliseconds: 50)
        try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, payload BLOB)")
        try Self.commitRows(10, on: db)
        let reader = try Database(path: path, readOnly: true)
        try reader.execute("BEGIN")
        #expect(try reader.queryOne("SELECT count(*) FROM t")?.int(0) == 10)
        try Self.commitRows(10, on: db)

        let passive = try db.checkpoint(.passive)
        #expect(passive.copiedFrames < passive.walFrames && !passive.gaveUpWaiting)
        let restart = try db.checkpoint(.restart)
        #expect(restart.gaveUpWaiting)

        try reader.execute("COMMIT")
        let again = try db.checkpoint(.restart)
        #expect(again.copiedFrames == again.walFrames && !again.gaveUpWaiting)
    }
}
