import BookingAPI
import Foundation
import SQLite

extension Cache {
    /// Replaces the cached tours with a guide's released tours, as the server sent them.
    public func replaceTours(_ tours: [GuideTour], now: Date) throws(OfflineCacheError) {
        var rows: [(Int64, Int64, String)] = []
        for tour in tours {
            rows.append(
                (tour.id.rawValue, tour.start.storedMilliseconds, try StoredJSON.encode(tour)))
        }
        try write { db in
            try db.execute("DELETE FROM tours")
            for (id, start, json) in rows {
                try db.run(
                    "INSERT OR REPLACE INTO tours (id, starts_at, data) VALUES (?, ?, ?)",
                    [id, start, json])
            }
            try Self.recordSync(db, .tours, cursor: nil, replace: true, at: now)
        }
    }

    /// The cached tours starting at or after `from` (all when nil), by start.
    public func tours(from: Date? = nil) throws(OfflineCacheError) -> [GuideTour] {
        try decodeAll(
            GuideTour.self,
            "SELECT data FROM tours WHERE ?1 IS NULL OR starts_at >= ?1 ORDER BY starts_at",
            [from?.storedMilliseconds])
    }
}
