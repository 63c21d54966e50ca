import BookingAPI
import BookingCore
import Foundation

extension OfflineStore {
    /// Availability of `offers` on each of `days` from the cache, less the units of this
    /// desk's unsent orders: for the month calendar while offline.
    ///
    /// Each cached figure is the server's free count over the branch's opening hours that
    /// day (the whole day where it is closed); the outbox's orders are taken off it over the
    /// same period by BookingCore's one availability function, the cached figure standing
    /// in for the stock.
    /// - Parameter excluded: the client id of an outbox order to leave out (the one a
    ///   conflict resolution is about to replace).
    public func monthAvailability(
        of offers: [OfferID], days: [LocalDate], excluding excluded: String? = nil
    ) throws(OfflineCacheError) -> OfflineMonth {
        guard let first = days.min(), let last = days.max() else {
            return OfflineMonth(days: days, offers: offers.map { .init(offerID: $0, days: []) })
        }
        let periods = DayPeriods(days: days, calendar: try cache.calendar())
        let branches = try branchesByOffer()
        let cached = try cache.cachedDays(of: offers, from: first, through: last)
        let claims = try outbox.claims(excluding: excluded)
        let rows = offers.map { offer in
            OfflineMonth.OfferDays(
                offerID: offer,
                days: days.indices.map { index -> OfflineMonth.Day? in
                    guard let figure = cached[offer]?[days[index]] else { return nil }
                    let period = periods.period(index, of: branches.byOffer[offer], branches)
                    let booked = (claims[offer] ?? []).filter {
                        $0.counts(against: figure.fetchedAt)
                    }
                    return OfflineMonth.Day(
                        availability: Availability(
                            stock: figure.free, booked: booked.map(\.units), over: period),
                        closed: figure.closed, fetchedAt: figure.fetchedAt)
                })
        }
        return OfflineMonth(days: days, offers: rows)
    }

    /// Availability of `offers` over `period` from the cache, less the units of this desk's
    /// unsent orders: for the wizard's offer step while offline. An offer is missing from
    /// the answer when the cache cannot cover the period.
    ///
    /// The cached figure is the freshest of: an interval the wizard fetched that contains
    /// `period`, or the smallest day figure of the local dates `period` touches. Both can
    /// only be lower than the true count over `period` (a longer stretch has at least its
    /// peak), so the desk errs towards selling less. Units picked up after closing time
    /// and back before opening would escape the day figures; branches hand over units only
    /// while open.
    public func availability(
        of offers: [OfferID], over period: Period, excluding excluded: String? = nil
    ) throws(OfflineCacheError) -> [OfferID: OfflineAvailability] {
        let calendar = try cache.calendar()
        let dates = Self.dates(touchedBy: period, in: calendar)
        let cached = try dates.map { (dates) throws(OfflineCacheError) in
            try cache.cachedDays(of: offers, from: dates[0], through: dates[dates.count - 1])
        }
        let claims = try outbox.claims(excluding: excluded)
        var result: [OfferID: OfflineAvailability] = [:]
        for offer in offers {
            let fromDays = dates.flatMap { Self.smallest(cached?[offer], on: $0) }
            let fromIntervals = try cache.cachedIntervals(of: offer, containing: period)
                .max { $0.fetchedAt < $1.fetchedAt }
                .map { (free: $0.free, fetchedAt: $0.fetchedAt) }
            let candidates = [fromDays, fromIntervals].compactMap { $0 }
            guard let figure = candidates.max(by: { $0.fetchedAt < $1.fetchedAt }) else {
                continue
            }
            let booked = (claims[offer] ?? []).filter { $0.counts(against: figure.fetchedAt) }
            result[offer] = OfflineAvailability(
                availability: Availability(
                    stock: figure.free, booked: booked.map(\.units), over: period),
                fetchedAt: figure.fetchedAt)
        }
        return result
    }

    /// The local dates from the one `period` starts on to the one it ends in; nil beyond a
    /// year, which no cache covers.
    private static func dates(touchedBy period: Period, in calendar: AccountCalendar)
        -> [LocalDate]?
    {
        let first = calendar.date(of: period.start)
        let last = calendar.date(of: period.end.addingTimeInterval(-0.001))
        let count = first.distance(to: last)
        guard count >= 0, count <= 366 else { return count < 0 ? [first] : nil }
        return (0...count).map { first.advanced(by: $0) }
    }

    /// The smallest cached figure over `dates` and the oldest fetch among them; nil unless
    /// every date is cached.
    private static func smallest(_ cached: [LocalDate: CachedDay]?, on dates: [LocalDate])
        -> (free: Int?, fetchedAt: Date)?
    {
        guard let cached else { return nil }
        let figures = dates.compactMap { cached[$0] }
        guard figures.count == dates.count, let oldest = figures.map(\.fetchedAt).min() else {
            return nil
        }
        let limited = figures.compactMap(\.free)
        return (limited.min(), oldest)
    }

    /// The cached branches, and the branch of each cached offer (from its indexed column:
    /// no offer needs decoding).
    private func branchesByOffer() throws(OfflineCacheError) -> CachedBranches {
        let branches = Dictionary(
            try cache.branches().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let pairs = try cache.read { db in
            try db.query("SELECT id, branch_id FROM offers").map {
                (OfferID($0.int64(0)), BranchID($0.int64(1)))
            }
        }
        return CachedBranches(
            branches: branches,
            byOffer: Dictionary(pairs, uniquingKeysWith: { first, _ in first }))
    }
}

/// The cached branches by id, and which branch each cached offer belongs to.
private struct CachedBranches {
    var branches: [BranchID: Branch]
    var byOffer: [OfferID: BranchID]
}

/// The period each day counts over: a branch's opening hours that day, or the whole day
/// where it is closed or the offer's branch is unknown. Converting local times to instants
/// costs much more than counting, so each branch's days are converted once, not once per
/// offer.
private final class DayPeriods {
    let days: [LocalDate]
    let calendar: AccountCalendar
    private lazy var wholeDays: [Period] = days.map(calendar.day)
    private var byBranch: [BranchID: [Period]] = [:]

    init(days: [LocalDate], calendar: AccountCalendar) {
        self.days = days
        self.calendar = calendar
    }

    func period(_ index: Int, of branch: BranchID?, _ branches: CachedBranches) -> Period {
        guard let branch, let known = branches.branches[branch] else { return wholeDays[index] }
        if let periods = byBranch[branch] { return periods[index] }
        let periods = days.indices.map { day in
            calendar.openingHours(of: known, on: days[day]) ?? wholeDays[day]
        }
        byBranch[branch] = periods
        return periods[index]
    }
}
