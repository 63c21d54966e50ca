import Foundation
import SQLite
import Synchronization
import TestFiles
import Testing

@testable import BookingStore

/// The store's checkpointer on a real file, with limits small enough that a test crosses
/// them many times.
@Suite struct CheckpointerTests {
    static let policy = Checkpointer.Policy(
        threshold: 50, limit: 400, blockingWaitMilliseconds: 100)
    /// A frame is a page of 4096 bytes and a 24-byte header; the WAL header takes 32.
    static let frameBytes = 4096 + 24
    /// The WAL stops at the limit plus what commits while the writer's pause comes; twice
    /// the limit is far below where 3000 commits without checkpoints would take it.
    static let walBound = 32 + 2 * policy.limit * frameBytes

    /// Opens the store in `folder` with a table of marks, checkpointing by `policy`.
    static func open(
        in folder: TemporaryFolder, policy: Checkpointer.Policy = CheckpointerTests.policy
    ) throws -> BookingStore {
        let store = try BookingStore(
            folder: folder.path, logger: .silent, readerCount: 2, checkpoints: policy)
        try store.write { db in
            try db.execute("CREATE TABLE IF NOT EXISTS marks (n INTEGER PRIMARY KEY, payload BLOB)")
        }
        return store
    }

    /// Each row is about a quarter page, so each commit writes at least one frame.
    static func mark(_ n: Int, in store: BookingStore) throws {
        try store.write { db in
            try db.run("INSERT INTO marks (n, payload) VALUES (?, randomblob(1000))", [n])
        }
    }

    static func walBytes(_ store: BookingStore) -> Int {
        let attributes = try? FileManager.default.attributesOfItem(atPath: store.path + "-wal")
        return (attributes?[.size] as? NSNumber)?.intValue ?? 0
    }

    static func markCount(_ path: String) throws -> Int {
        let db = try Database(path: path, readOnly: true)
        return try db.queryOne("SELECT count(*) FROM marks")?.int(0) ?? -1
    }

    /// Closing copies the whole WAL into the database file: the file alone holds every row.
    @Test func everyRowIsInTheDatabaseFileAfterClose() throws {
        let folder = TemporaryFolder(prefix: "store-test")
        let store = try Self.open(in: folder)
        let failed = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 1500) { n in
            if (try? Self.mark(n, in: store)) == nil { failed.withLock { $0 += 1 } }
        }
        store.close()

        #expect(failed.withLock { $0 } == 0)
        #expect(Self.walBytes(store) == 0)
        let copy = folder.path + "/copy.sqlite"
        try FileManager.default.copyItem(atPath: store.path, toPath: copy)
        #expect(try Self.markCount(copy) == 1500)
        let reopened = try Self.open(in: folder)
        defer { reopened.close() }
        #expect(try reopened.read { db in try db.isIntact() })
    }

    /// Without checkpoints 3000 commits would leave at least 3000 frames in the WAL.
    @Test func theWALStaysBelowItsLimitUnderManyCommits() throws {
        let folder = TemporaryFolder(prefix: "store-test")
        let store = try Self.open(in: folder)
        defer { store.close() }
        let largest = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 4) { client in
            for n in stride(from: client, to: 3000, by: 4) {
                _ = try? Self.mark(n, in: store)
                let bytes = Self.walBytes(store)
                largest.withLock { $0 = max($0, bytes) }
            }
        }

        #expect(largest.withLock { $0 } <= Self.walBound)
        #expect(try Self.markCount(store.path) == 3000)
    }

    @Test(.timeLimit(.minutes(1)))
    func closingWhileTheCheckpointerWorksLosesNothing() throws {
        let folder = TemporaryFolder(prefix: "store-test")
        let store = try Self.open(in: folder, policy: .init(threshold: 10, limit: 100))
        let committed = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 8) { client in
            for n in stride(from: client, to: 4000, by: 8) {
                if client == 0 && n == 800 { store.close() }
                guard (try? Self.mark(n, in: store)) != nil else { continue }
                committed.withLock { $0 += 1 }
            }
        }

        let count = committed.withLock { $0 }
        #expect(count >= 100 && count < 4000)
        let reopened = try Self.open(in: folder)
        defer { reopened.close() }
        #expect(try Self.markCount(reopened.path) == count)
    }

    /// A reader that keeps its snapshot stops the WAL from starting over, not the writer;
    /// once it ends, the WAL shrinks back.
    @Test(.timeLimit(.minutes(1)))
    func aLongReaderMakesNoCommitFail() throws {
        let folder = TemporaryFolder(prefix: "store-test")
        let store = try Self.open(in: folder)
        defer { store.close() }
        let reader = try Database(path: store.path, readOnly: true)
        try reader.execute("BEGIN")
        _ = try reader.queryOne("SELECT count(*) FROM marks")

        for n in 0..<1200 { try Self.mark(n, in: store) }
        let pinned = Self.walBytes(store)
        try reader.execute("COMMIT")
        for n in 1200..<2400 { try Self.mark(n, in: store) }

        #expect(pinned > 1200 * Self.frameBytes)
        #expect(Self.walBytes(store) <= Self.walBound)
        #expect(try Self.markCount(store.path) == 2400)
    }
}
