import BookingAPI
import BookingCore
import Foundation
import Logging
import Secrets

/// The desk's local data in its data folder: the `cache` (everything that can be fetched
/// again), the `outbox` (orders the server has not confirmed, conflicts) and the offline
/// `unlock`. Open it once at start-up and share it: every part is safe to use from several
/// threads.
public final class OfflineStore: Sendable {
    /// What `logOut` did.
    public enum LogOutResult: Sendable, Equatable {
        /// The cache, the unlock hash and the finished outbox entries are gone.
        case done
        /// Nothing was wiped: this many orders are not on the server yet, and this many
        /// shortages wait for staff (they would vanish with the outbox's records).
        case refused(unsentOrders: Int, openShortages: Int)
    }

    /// The folder holding `cache.sqlite` and `outbox.sqlite`.
    public let folder: String
    public let cache: Cache
    public let outbox: Outbox
    public let unlock: OfflineUnlock
    private let events: EventList
    private let logger: Logger

    /// Opens the desk's files in `folder`, creating the folder (0700) and the files (0600)
    /// as needed. A cache that cannot be used is rebuilt and reported by `takeEvents()`.
    /// - Throws: `outboxUnusable` when the outbox is damaged or from a newer desk (it is
    ///   left untouched), `storage` when a file cannot be created or opened.
    public init(
        folder: String, logger: Logger = .silent,
        unlockStrength: OfflineUnlock.Strength = .interactive, now: Date = Date()
    ) throws(OfflineCacheError) {
        do {
            try Secrets.initialize()
        } catch {
            throw .hashing(error.description)
        }
        let events = EventList()
        do {
            // The outbox first: if it cannot be opened, the desk must not start taking orders.
            let outbox = try Outbox(folder: folder, events: events, logger: logger, now: now)
            self.outbox = outbox
            self.cache = try Cache(folder: folder, events: events, logger: logger, now: now)
            self.unlock = OfflineUnlock(outbox: outbox, strength: unlockStrength)
        } catch let error as OfflineCacheError {
            throw error
        } catch {
            throw .storage("\(error)")
        }
        self.folder = folder
        self.events = events
        self.logger = logger
    }

    /// The desk's data folder by the XDG base directories: `$XDG_DATA_HOME/booking-desk`,
    /// or `~/.local/share/booking-desk`; nil when neither variable is usable.
    public static func dataFolder(environment: [String: String]) -> String? {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return data + "/booking-desk"
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return home + "/.local/share/booking-desk"
    }

    /// The events since the last call (a rebuilt cache, a file made private), oldest first.
    public func takeEvents() -> [OfflineStoreEvent] {
        events.take()
    }

    /// Records the server's answer to an outbox order: the entry is marked sent (see
    /// `Outbox.markSent`) and the order is cached. A cache failure here is only logged: the
    /// next orders sync brings the order anyway.
    @discardableResult
    public func recordSent(clientID: String, order: OrderInfo, now: Date)
        throws(OfflineCacheError) -> OutboxEntry
    {
        let entry = try outbox.markSent(clientID: clientID, order: order, now: now)
        do {
            try cache.storeOrders([order], now: now)
        } catch {
            logger.warning("sent order not cached", ["error": error.description])
        }
        return entry
    }

    /// Records, as conflicts for staff, the cached orders that a forced walk-in left short
    /// (see `Cache.shortages(causedBy:)`). Call after sending a forced order and refreshing
    /// the orders. Returns the open shortage conflicts it recorded or updated.
    @discardableResult
    public func recordShortages(causedBy forced: OrderInfo, now: Date)
        throws(OfflineCacheError) -> [Conflict]
    {
        var conflicts: [Conflict] = []
        for shortage in try cache.shortages(causedBy: forced) {
            conflicts.append(
                try outbox.recordShortage(
                    order: shortage.order, offerID: shortage.offerID,
                    missingUnits: shortage.missingUnits, causedBy: forced.clientID, now: now))
        }
        return conflicts
    }

    /// Checks every forced order sent since the last check for the later orders it leaves
    /// short, and records them (see `recordShortages`). Call after a complete orders
    /// refresh, which brings the orders other desks took meanwhile. An order the cache lacks
    /// waits for the next refresh, unless it has ended: then nothing it took matters any
    /// more. Returns the shortage conflicts recorded.
    @discardableResult
    public func checkShortages(now: Date) throws(OfflineCacheError) -> [Conflict] {
        var recorded: [Conflict] = []
        for clientID in try outbox.awaitingShortageCheck() {
            if let order = try cache.order(clientID: clientID) {
                recorded += try recordShortages(causedBy: order, now: now)
            } else if let entry = try outbox.entry(clientID: clientID),
                entry.request.draft.end > now
            {
                continue
            }
            try outbox.shortagesChecked(clientID: clientID)
        }
        if !recorded.isEmpty {
            logger.info("shortages recorded", ["count": "\(recorded.count)"])
        }
        return recorded
    }

    /// Logs out: refused while the outbox holds unsent orders (pending or in conflict) or
    /// open shortages, so that nothing is left where no one sees it; otherwise empties the
    /// outbox of finished entries, forgets the unlock hash and wipes the cache.
    public func logOut() throws(OfflineCacheError) -> LogOutResult {
        let open = try outbox.wipeUnlessOpen()
        guard open.unsent == 0, open.shortages == 0 else {
            return .refused(unsentOrders: open.unsent, openShortages: open.shortages)
        }
        try unlock.forget()
        try cache.wipe()
        logger.info("logged out; cache wiped")
        return .done
    }

    /// Closes both files, at the end of the program: SQLite folds each write-ahead log
    /// into its file, so the next start finds them whole on their own. Afterwards the
    /// cache opens again when used, the outbox answers `storage` errors.
    public func close() {
        cache.close()
        outbox.close()
        logger.info("offline store closed")
    }

    /// Stores who is logged in, after each log-in and session check. When another user or
    /// other rights than cached log in, the cache is wiped and so are the outbox's sent and
    /// cancelled entries: they name the last user's customers and offers, which this user
    /// may not be allowed to see. Returns whether it wiped.
    @discardableResult
    public func storeSession(_ session: SessionInfo, now: Date) throws(OfflineCacheError)
        -> Bool
    {
        let wiped = try cache.storeSession(session, now: now)
        if wiped { try forgetFinishedOrders() }
        return wiped
    }

    /// The server ended the session (revoked, user deactivated): the cache, the unlock hash
    /// and the finished outbox entries go at once, since whoever logs in next may see less.
    /// The unsent orders stay: they must still reach the server after the next log-in.
    /// Returns how many orders wait in the outbox.
    @discardableResult
    public func sessionEnded() throws(OfflineCacheError) -> Int {
        try unlock.forget()
        try cache.wipe()
        try forgetFinishedOrders()
        logger.info("session ended by the server; cache wiped")
        return try outbox.unsentCount()
    }

    /// Drops sent and cancelled outbox entries with their resolved conflicts. Safe only
    /// together with a cache wipe: a sent entry counts against cached availability.
    private func forgetFinishedOrders() throws(OfflineCacheError) {
        try outbox.prune(finishedBefore: .distantFuture)
    }
}
