import BookingStore
import Dispatch
import Foundation
import Logging
import Synchronization

/// Backs the store up every `interval` into a folder (by default `DATA/backups`), keeping
/// the newest `keep` backups. The next backup is due one interval after the newest one in
/// the folder, so that restarting the server does not make a backup each time; without
/// any, the first is due ten minutes after the start (or one interval, if shorter), out of
/// the way of the start itself.
final class BackupSchedule: Sendable {
    private let store: BookingStore
    private let folder: String
    private let interval: TimeInterval
    private let keep: Int
    private let logger: Logger
    private let stopping = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let running = Atomic<Bool>(true)
    private let started = Date()

    init(
        store: BookingStore, folder: String, interval: TimeInterval, keep: Int, logger: Logger
    ) throws {
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        self.store = store
        self.folder = folder
        self.interval = max(1, interval)
        self.keep = max(1, keep)
        self.logger = logger
        let thread = Thread { [self] in self.run() }
        thread.name = "booking-backups"
        thread.start()
    }

    /// Ends the schedule and waits for a backup that is being written.
    func stop() {
        guard running.exchange(false, ordering: .relaxed) else { return }
        stopping.signal()
        finished.wait()
    }

    private func run() {
        defer { finished.signal() }
        while true {
            let wait = Self.due(newest: newestBackup(), interval: interval, started: started)
                .timeIntervalSinceNow
            if wait > 0, stopping.wait(timeout: .now() + wait) == .success { return }
            guard running.load(ordering: .relaxed) else { return }
            makeBackup()
        }
    }

    /// Writes one backup now and keeps the newest `keep`; returns its path. The backup is
    /// written under a temporary name and renamed once complete, so the folder never
    /// holds a half-written backup under a backup's name, nor more than `keep` of them.
    @discardableResult
    func makeBackup(now: Date = Date()) -> String? {
        let path = folder + "/" + Self.fileName(now)
        let partial = path + ".partial"
        do {
            try store.backup(to: partial)
            try prune(keeping: keep - 1)
            try FileManager.default.moveItem(atPath: partial, toPath: path)
            logger.info("backup written", ["file": path])
            return path
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            logger.error("backup failed", ["file": path, "error": "\(error)"])
            return nil
        }
    }

    private func prune(keeping count: Int) throws {
        let backups = try Self.backups(in: folder)
        for old in backups.dropLast(count) {
            try FileManager.default.removeItem(atPath: folder + "/" + old)
        }
    }

    private func newestBackup() -> Date? {
        guard let newest = try? Self.backups(in: folder).last else { return nil }
        let attributes = try? FileManager.default.attributesOfItem(atPath: folder + "/" + newest)
        return attributes?[.modificationDate] as? Date
    }

    static func due(newest: Date?, interval: TimeInterval, started: Date) -> Date {
        newest.map { $0 + interval } ?? started + min(interval, 600)
    }

    /// The backups in `folder`, oldest first (their names sort by time).
    static func backups(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasPrefix("booking-") && $0.hasSuffix(".sqlite") }.sorted()
    }

    /// `booking-20260305T080000.123Z.sqlite`.
    static func fileName(_ now: Date) -> String {
        "booking-" + stamp(now, milliseconds: true) + ".sqlite"
    }

    /// `20260305T080000Z` (or `20260305T080000.123Z`): UTC, sortable, safe in file names.
    static func stamp(_ now: Date, milliseconds: Bool = false) -> String {
        let seconds = now.timeIntervalSince1970.rounded(.down)
        var whole = time_t(seconds)
        var parts = tm()
        gmtime_r(&whole, &parts)
        let two = { (value: Int32) in value < 10 ? "0\(value)" : "\(value)" }
        var text =
            "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))"
        if milliseconds {
            let millis = Int((now.timeIntervalSince1970 - seconds) * 1000)
            text += "." + String(String(millis + 1000).dropFirst())
        }
        return text + "Z"
    }
}
