import SQLite
import Synchronization

/// One of the desk's SQLite files behind a lock, so that the screens and the sync loop can
/// share it from different threads. The connection sits in an optional so that it can be
/// closed before its file is moved aside and replaced.
final class Connection: Sendable {
    let path: String
    private let database: Mutex<Database?>

    init(path: String, database: consuming sending Database) {
        self.path = path
        self.database = Mutex(database)
    }

    /// Runs `body` with the lock held. `body` may close the connection and open another.
    func withDatabase<T: Sendable>(_ body: (inout Database?) throws -> T) throws -> T {
        try database.withLock { db in try body(&db) }
    }
}
