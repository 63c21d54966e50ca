import Synchronization

/// Something the desk should tell the person at the counter (or at least log) that happened
/// to its files without being asked: collected by the store, taken with
/// `OfflineStore.takeEvents()`.
public enum OfflineStoreEvent: Sendable, Equatable {
    /// The cache could not be used; an empty one replaced it. The old file was moved to
    /// `setAsidePath` for support. The outbox is not affected.
    case cacheRebuilt(FileProblem, setAsidePath: String)
    /// A file of the desk's data could be read by others; it has been made private (0600).
    case permissionsTightened(path: String, previousMode: UInt32)
}

/// The events not yet taken, shared by the cache and the outbox.
final class EventList: Sendable {
    private let events = Mutex<[OfflineStoreEvent]>([])

    func append(_ event: OfflineStoreEvent) {
        events.withLock { $0.append(event) }
    }

    func take() -> [OfflineStoreEvent] {
        events.withLock { list in
            defer { list.removeAll() }
            return list
        }
    }
}
