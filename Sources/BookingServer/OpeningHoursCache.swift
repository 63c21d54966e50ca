import BookingCore
import Synchronization

/// The periods the month view counts for a branch: each day's opening hours, or the whole
/// day where the branch is closed, as BookingCore's calendar computes them. Converting
/// wall-clock times to instants costs a time-zone lookup each, and the month view asks for
/// the same month of the same branch again and again.
///
/// Only derived values live here, keyed by everything they derive from (the branch's hours
/// and closed days and the zone), so a changed branch simply misses the cache.
final class OpeningHoursCache: Sendable {
    struct Day: Sendable {
        let period: Period
        let closed: Bool
    }

    private struct Key: Hashable {
        let branch: Branch
        let zone: String
        let month: LocalDate
    }

    private let entries = Mutex<[Key: [Day]]>([:])
    private let capacity = 4096

    /// One entry per day of the month that starts at `first`.
    func month(_ first: LocalDate, branch: Branch, calendar: AccountCalendar) -> [Day] {
        let key = Key(branch: branch, zone: calendar.identifier, month: first)
        if let hit = entries.withLock({ $0[key] }) { return hit }
        let days = LocalDate.days(ofMonth: first.month, year: first.year).map { date in
            let open = calendar.openingHours(of: branch, on: date)
            return Day(period: open ?? calendar.day(date), closed: open == nil)
        }
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = days
        }
        return days
    }
}
