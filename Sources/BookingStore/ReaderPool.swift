import SQLite
import Synchronization

/// Read-only connections shared by request threads. WAL readers see the last commit and
/// never wait for the writer.
final class ReaderPool: Sendable {
    private final class Reader: Sendable {
        let connection: Mutex<Database>

        init(_ db: sending Database) {
            connection = Mutex(db)
        }
    }

    private let readers: [Reader]
    private let next = Atomic<Int>(0)

    init(path: String, count: Int) throws {
        var readers: [Reader] = []
        for _ in 0..<max(1, count) {
            readers.append(Reader(try Database(path: path, readOnly: true)))
        }
        self.readers = readers
    }

    /// Runs `body` on a free reader (or waits for one) inside a read transaction, so that
    /// all its queries see one consistent snapshot.
    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        let start = next.wrappingAdd(1, ordering: .relaxed).oldValue
        for offset in 0..<readers.count {
            let reader = readers[(start + offset) % readers.count]
            if let result = try reader.connection.withLockIfAvailable({ db in try snapshot(db, body)
            }) {
                return result
            }
        }
        return try readers[start % readers.count].connection.withLock { db in try snapshot(db, body)
        }
    }

    private func snapshot<T>(_ db: Database, _ body: @Sendable (Database) throws -> T) throws -> T {
        try db.transaction(.deferred) { try body(db) }
    }
}
