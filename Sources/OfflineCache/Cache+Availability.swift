import BookingAPI
import BookingCore
import Foundation
import SQLite

/// One offer's free units on one day as the server counted them.
struct CachedDay: Sendable, Equatable {
    /// Nil for an unlimited option.
    var free: Int?
    var closed: Bool
    var fetchedAt: Date
}

/// One offer's free units over a period as the server counted them.
struct CachedInterval: Sendable, Equatable {
    var period: Period
    var free: Int?
    var fetchedAt: Date
}

extension Cache {
    /// Stores a month of availability as fetched. `fetchedAt` is when the request was sent,
    /// not when the answer came: the outbox counts an order it sent after that instant
    /// against these figures until newer ones arrive. Older figures never overwrite newer
    /// ones of the same day.
    public func storeMonthAvailability(_ month: MonthAvailability, fetchedAt: Date)
        throws(OfflineCacheError)
    {
        for row in month.offers
        where row.free.count != month.days.count || row.closed.count != month.days.count {
            throw .invalidData("offer \(row.offerID) has not one value per day of \(month.month)")
        }
        try write { db in
            for row in month.offers {
                for (index, day) in month.days.enumerated() {
                    try db.run(
                        """
                        INSERT INTO availability_days (offer_id, day, free, closed, fetched_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (offer_id, day) DO UPDATE SET
                            free = excluded.free, closed = excluded.closed,
                            fetched_at = excluded.fetched_at
                        WHERE excluded.fetched_at >= availability_days.fetched_at
                        """,
                        [
                            row.offerID.rawValue, day.description, row.free[index],
                            row.closed[index], fetchedAt.storedMilliseconds,
                        ])
                }
            }
            try Self.recordSync(db, .availability, cursor: nil, replace: false, at: fetchedAt)
        }
    }

    /// Stores the free units of offers over one period, as the wizard fetched them.
    public func storeIntervalAvailability(_ interval: IntervalAvailability, fetchedAt: Date)
        throws(OfflineCacheError)
    {
        guard (try? Period(start: interval.start, end: interval.end)) != nil else {
            throw .invalidData("an availability interval ends before it starts")
        }
        try write { db in
            for row in interval.offers {
                try db.run(
                    """
                    INSERT OR REPLACE INTO availability_intervals
                        (offer_id, start_at, end_at, free, fetched_at)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                    [
                        row.offerID.rawValue, interval.start.storedMilliseconds,
                        interval.end.storedMilliseconds, row.free, fetchedAt.storedMilliseconds,
                    ])
            }
        }
    }

    /// Forgets availability of days before `date`, and of intervals that ended a day or more
    /// before it began (a day's margin covers every zone's offset).
    public func pruneAvailability(before date: LocalDate) throws(OfflineCacheError) {
        let margin = Date(timeIntervalSince1970: Double(date.daysSinceEpoch - 1) * 86_400)
        try write { db in
            try db.run("DELETE FROM availability_days WHERE day < ?", [date.description])
            try db.run(
                "DELETE FROM availability_intervals WHERE end_at < ?",
                [margin.storedMilliseconds])
        }
    }

    /// The cached days of `offers` from `first` through `last`, by offer and day. A month
    /// of a large branch is many thousand rows, read on the UI thread while offline: they
    /// are streamed, with the day as a number SQLite computes, not parsed from text.
    func cachedDays(of offers: [OfferID], from first: LocalDate, through last: LocalDate)
        throws(OfflineCacheError) -> [OfferID: [LocalDate: CachedDay]]
    {
        let ids = Set(offers)
        return try read { db in
            var days: [OfferID: [LocalDate: CachedDay]] = [:]
            try db.forEachRow(
                """
                SELECT offer_id, CAST(julianday(day) - 2440587.5 AS INTEGER), free, closed,
                    fetched_at
                FROM availability_days WHERE day BETWEEN ? AND ?
                """, [first.description, last.description]
            ) { row in
                let offer = OfferID(row.int64(0))
                guard ids.contains(offer), let day = LocalDate(daysSinceEpoch: row.int(1))
                else { return }
                days[offer, default: [:]][day] = CachedDay(
                    free: row.isNull(2) ? nil : row.int(2), closed: row.int64(3) != 0,
                    fetchedAt: Date(storedMilliseconds: row.int64(4)))
            }
            return days
        }
    }

    /// The cached intervals of `offer` that contain all of `period`.
    func cachedIntervals(of offer: OfferID, containing period: Period)
        throws(OfflineCacheError) -> [CachedInterval]
    {
        let rows = try read { db in
            try db.query(
                """
                SELECT start_at, end_at, free, fetched_at FROM availability_intervals
                WHERE offer_id = ? AND start_at <= ? AND end_at >= ?
                """,
                [
                    offer.rawValue, period.start.storedMilliseconds,
                    period.end.storedMilliseconds,
                ])
        }
        return rows.compactMap { row in
            guard
                let stored = try? Period(
                    start: Date(storedMilliseconds: row.int64(0)),
                    end: Date(storedMilliseconds: row.int64(1)))
            else { return nil }
            return CachedInterval(
                period: stored, free: row.optionalInt(2),
                fetchedAt: Date(storedMilliseconds: row.int64(3)))
        }
    }
}
