import BookingAPI
import BookingCore
import Foundation
import OfflineCache
import SQLite
import TestFiles
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct FileSafetyTests {
    func mode(_ path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o777
    }

    @Test func everyFileIsPrivateEvenUnderALaxUmask() throws {
        let folder = TemporaryFolder()
        let nested = folder.file("share/booking-desk")
        let previous = umask(0o000)
        defer { umask(previous) }

        let store = try OfflineStore(folder: nested, unlockStrength: .minimal, now: Demo.now)
        try store.cache.storeSession(Demo.session(), now: Demo.now)
        try store.outbox.enqueue(
            Demo.request([OrderItem(Demo.bikeM.id)]), kind: .walkIn, takenOffline: true,
            now: Demo.now)

        #expect(mode(nested) == 0o700)
        for name in ["cache.sqlite", "outbox.sqlite"] {
            for suffix in ["", "-wal", "-shm"] {
                #expect(mode(nested + "/" + name + suffix) == 0o600, "\(name)\(suffix)")
            }
        }
        #expect(store.takeEvents().isEmpty)
    }

    @Test func aFileOthersCanReadIsMadePrivateAndReported() throws {
        let folder = TemporaryFolder()
        _ = try folder.openStore()
        let outbox = folder.file("outbox.sqlite")
        chmod(outbox, 0o644)

        let store = try folder.openStore()

        #expect(mode(outbox) == 0o600)
        #expect(store.takeEvents() == [.permissionsTightened(path: outbox, previousMode: 0o644)])
        #expect(store.takeEvents().isEmpty)
    }

    @Test(arguments: [0, 4096])
    func aCorruptCacheIsReportedAndRebuiltWhileTheOutboxIsKept(offset: Int) throws {
        let folder = TemporaryFolder()
        let request = Demo.request([OrderItem(Demo.bikeM.id)])
        do {
            let store = try Demo.store(in: folder)
            try store.cache.storeOrders(
                (1...200).map { Demo.order(for: Demo.request([OrderItem(Demo.bikeM.id)]), id: $0) },
                now: Demo.now)
            try store.outbox.enqueue(request, kind: .walkIn, takenOffline: true, now: Demo.now)
        }
        let cache = folder.file("cache.sqlite")
        try checkpoint(cache)
        try scribble(over: cache, at: offset, count: 4096)

        let store = try folder.openStore()

        let events = store.takeEvents()
        guard case .cacheRebuilt(.damaged, let aside) = events.first, events.count == 1 else {
            Issue.record("no rebuild reported: \(events)")
            return
        }
        #expect(aside == cache + ".damaged" && FileManager.default.fileExists(atPath: aside))
        #expect(mode(aside) == 0o600)
        #expect(try store.cache.session() == nil && store.cache.orders().isEmpty)
        #expect(try store.outbox.unsent().map(\.clientID) == [request.clientID])
        // The rebuilt cache works.
        try store.cache.storeSession(Demo.session(), now: Demo.now)
        #expect(try store.cache.session() == Demo.session())
    }

    @Test func aCacheDamagedWhileInUseIsRebuiltAndSaysSo() throws {
        let folder = TemporaryFolder()
        let store = try Demo.store(in: folder)
        let request = Demo.request([OrderItem(Demo.bikeM.id)])
        try store.outbox.enqueue(request, kind: .walkIn, takenOffline: true, now: Demo.now)
        try store.cache.storeOrders(
            (1...200).map { Demo.order(for: Demo.request([OrderItem(Demo.bikeM.id)]), id: $0) },
            now: Demo.now)
        let cache = folder.file("cache.sqlite")
        // A change by another connection makes the store's connection drop its page cache.
        do {
            let other = try Database(path: cache)
            try other.run("UPDATE sync_state SET synced_at = synced_at + 1")
            try other.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        }
        let size = try #require(
            try FileManager.default.attributesOfItem(atPath: cache)[.size] as? Int)
        try scribble(over: cache, at: 4096, count: size - 4096)

        #expect(throws: OfflineCacheError.cacheRebuilt) { try store.cache.orders() }

        guard case .cacheRebuilt(.damaged, _) = store.takeEvents().first else {
            Issue.record("no rebuild reported")
            return
        }
        #expect(try store.cache.orders().isEmpty)
        #expect(try store.outbox.unsentCount() == 1)
    }

    @Test func aCacheFromANewerDeskIsSetAsideNotWiped() throws {
        let folder = TemporaryFolder()
        _ = try Demo.store(in: folder)
        let cache = folder.file("cache.sqlite")
        try addMigration("9999-from-the-future", to: cache)

        let store = try folder.openStore()

        #expect(
            store.takeEvents() == [
                .cacheRebuilt(
                    .newerSchema(unknownMigrations: ["9999-from-the-future"]),
                    setAsidePath: cache + ".damaged")
            ])
        let aside = try Database(path: cache + ".damaged")
        #expect(try aside.queryOne("SELECT count(*) FROM offers")?.int(0) == 3)
    }

    @Test func anOutboxFromANewerDeskIsRefusedAndLeftAlone() throws {
        let folder = TemporaryFolder()
        let request = Demo.request([OrderItem(Demo.bikeM.id)])
        do {
            let store = try folder.openStore()
            try store.outbox.enqueue(request, kind: .walkIn, takenOffline: true, now: Demo.now)
        }
        let outbox = folder.file("outbox.sqlite")
        try addMigration("9999-from-the-future", to: outbox)

        #expect(
            throws: OfflineCacheError.outboxUnusable(
                path: outbox, .newerSchema(unknownMigrations: ["9999-from-the-future"]))
        ) {
            try folder.openStore()
        }
        let kept = try Database(path: outbox)
        #expect(try kept.queryOne("SELECT client_id FROM entries")?.text(0) == request.clientID)
    }

    @Test func aDamagedOutboxIsRefusedAndNeverReplaced() throws {
        let folder = TemporaryFolder()
        _ = try folder.openStore()
        let outbox = folder.file("outbox.sqlite")
        try checkpoint(outbox)
        try scribble(over: outbox, at: 0, count: 100)
        let damaged = try Data(contentsOf: URL(fileURLWithPath: outbox))

        #expect(throws: OfflineCacheError.self) { try folder.openStore() }
        #expect(try Data(contentsOf: URL(fileURLWithPath: outbox)) == damaged)
        #expect(!FileManager.default.fileExists(atPath: folder.file("cache.sqlite.damaged")))
    }

    @Test func filesSwappedByMistakeAreNotTakenForEachOther() throws {
        let folder = TemporaryFolder()
        _ = try Demo.store(in: folder)
        let cache = folder.file("cache.sqlite")
        let outbox = folder.file("outbox.sqlite")
        for path in [cache, outbox] {
            try checkpoint(path)
        }
        rename(cache, cache + ".tmp")
        rename(outbox, cache)
        rename(cache + ".tmp", outbox)

        #expect(throws: OfflineCacheError.self) { try folder.openStore() }
    }

    /// Moves everything from the WAL into the main file, so that scribbling hits the data.
    private func checkpoint(_ path: String) throws {
        let db = try Database(path: path)
        try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    private func scribble(over path: String, at offset: Int, count: Int) throws {
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(offset))
        var random = SeededRandom(seed: UInt64(offset + 1))
        handle.write(Data((0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }))
    }

    private func addMigration(_ name: String, to path: String) throws {
        let db = try Database(path: path)
        try db.run("INSERT INTO migrations (name, applied_at) VALUES (?, 0)", [name])
    }
}
