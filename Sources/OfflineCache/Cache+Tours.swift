import Foundation
import SQLite

extension Cache {
    /// Replaces the cached tours of a guide with `tours`, stored as they came from the
    /// server. Generic because the tour's wire type is not yet part of BookingAPI.
    // FIXME: Take BookingAPI's tour type instead of a generic once the tours endpoint exists.
    public func replaceTours<Tour: Encodable>(
        _ tours: [Tour], id: (Tour) -> Int64, startsAt: (Tour) -> Date, now: Date
    ) throws(OfflineCacheError) {
        var rows: [(Int64, Int64, String)] = []
        for tour in tours {
            rows.append((id(tour), startsAt(tour).storedMilliseconds, try StoredJSON.encode(tour)))
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
    public func tours<Tour: Decodable & Sendable>(as type: Tour.Type, from: Date? = nil)
        throws(OfflineCacheError) -> [Tour]
    {
        try decodeAll(
            type, "SELECT data FROM tours WHERE ?1 IS NULL OR starts_at >= ?1 ORDER BY starts_at",
            [from?.storedMilliseconds])
    }
}
