// OfflineCache: the desk's SQLite files (cache and outbox); the only desk code using SQLite.

/// Why a desk data file cannot be used as it is.
public enum FileProblem: Sendable, Equatable, CustomStringConvertible {
    /// SQLite reports the file as damaged or as no database at all.
    case damaged(String)
    /// The file was written by a newer desk: it holds migrations this desk does not know.
    case newerSchema(unknownMigrations: [String])
    /// The file is an SQLite database of something else (another `application_id`).
    case notOurs(applicationID: Int32)

    public var description: String {
        switch self {
        case .damaged(let detail): return "damaged (\(detail))"
        case .newerSchema(let names):
            return "written by a newer desk (\(names.joined(separator: ", ")))"
        case .notOurs(let id): return "not a desk file (application_id \(id))"
        }
    }
}

/// What went wrong in the offline cache or the outbox. The desk turns these into sentences
/// from its message catalogue; `description` is for the log.
public enum OfflineCacheError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The cache was found damaged while in use and has been rebuilt empty; fetch again.
    case cacheRebuilt
    /// The outbox file cannot be used. It is left untouched: it may hold unsent orders.
    case outboxUnusable(path: String, FileProblem)
    /// A file could not be created, opened, read or written (disk full, no permission).
    case storage(String)
    /// A client id that is not a UUID. Orders need one before they are first stored.
    case invalidClientID(String)
    /// The client id is already used by another order at this desk.
    case clientIDReused(String)
    /// No order with this client id is in the outbox.
    case unknownOrder(clientID: String)
    /// No conflict with this id, or it has been resolved already.
    case unknownConflict(Int64)
    /// The step does not fit the order's or conflict's state (e.g. cancelling a sent order).
    case notAllowed(String)
    /// Something the desk needs has not been fetched yet (e.g. the account's settings).
    case notCached(String)
    /// A stored value could not be read back.
    case unreadable(String)
    /// Data from the server does not fit together (e.g. a month with too few days); nothing
    /// of it was stored.
    case invalidData(String)
    /// The password could not be hashed (out of memory).
    case hashing(String)

    public var description: String {
        switch self {
        case .cacheRebuilt: return "the cache was damaged and has been rebuilt empty"
        case .outboxUnusable(let path, let problem): return "outbox \(path) is \(problem)"
        case .storage(let detail): return "storage failed: \(detail)"
        case .invalidClientID(let id): return "client id \(id) is not a UUID"
        case .clientIDReused(let id): return "client id \(id) is already used"
        case .unknownOrder(let id): return "no order with client id \(id) in the outbox"
        case .unknownConflict(let id): return "no open conflict \(id)"
        case .notAllowed(let detail): return "not allowed: \(detail)"
        case .notCached(let what): return "\(what) is not in the cache"
        case .unreadable(let detail): return "stored value unreadable: \(detail)"
        case .invalidData(let detail): return "data from the server does not fit: \(detail)"
        case .hashing(let detail): return "password hashing failed: \(detail)"
        }
    }
}
