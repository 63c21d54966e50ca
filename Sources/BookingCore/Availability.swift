import Foundation

/// Units of one offer taken over a period: an order line that holds units, an active hold,
/// or (on the desk) an order waiting in the outbox. The caller leaves out what frees its
/// units, such as cancelled orders and expired holds.
public struct BookedUnits: Hashable, Sendable {
    public var period: Period
    /// Units taken. Zero or less takes nothing; more than 2^31 - 1 counts as 2^31 - 1.
    public var quantity: Int

    public init(period: Period, quantity: Int) {
        self.period = period
        self.quantity = quantity
    }
}

/// How many units of an offer are free over a period: the stock minus the largest number of
/// units booked at any one moment of it. This is the one availability rule of BookingDesk;
/// the server, the desk's offline mode and the tests all count through it.
///
/// The free count can be negative: staff may overbook on purpose with `force`, and the desk
/// shows the shortage rather than hiding it behind a zero.
public enum Availability: Hashable, Sendable {
    /// No stock to run out of: unlimited options such as final cleaning.
    case unlimited
    /// This many units are free; negative when overbooked.
    case free(Int)

    /// The units of an offer with `stock` (nil for unlimited) free over all of `period`.
    public init(stock: Int?, booked: some Sequence<BookedUnits>, over period: Period) {
        guard let stock else {
            self = .unlimited
            return
        }
        let overlapping = booked.filter { $0.period.overlaps(period) }
        self = .free(stock.subtractingSaturated(Occupancy(overlapping).peak(in: period)))
    }

    /// The units free over each of `periods`, in the same order. One pass over the sorted
    /// bookings: O((n + p) log n) for n bookings and p periods, however the periods lie.
    public static func over(
        _ periods: [Period], stock: Int?, booked: some Sequence<BookedUnits>
    ) -> [Availability] {
        guard let stock else { return periods.map { _ in .unlimited } }
        let occupancy = Occupancy(booked)
        return periods.map { .free(stock.subtractingSaturated(occupancy.peak(in: $0))) }
    }

    /// The units free on each of `days`, in the same order; a day runs from its start to the
    /// start of the next date in the account's zone. For the month view.
    public static func perDay(
        _ days: [LocalDate], stock: Int?, booked: some Sequence<BookedUnits>,
        calendar: AccountCalendar
    ) -> [Availability] {
        over(days.map(calendar.day), stock: stock, booked: booked)
    }

    /// The units free during the opening hours of `branch` on each of `days`, in the same
    /// order; nil where the branch is closed. For the month view of a branch.
    public static func perOpeningDay(
        _ days: [LocalDate], of branch: Branch, stock: Int?, booked: some Sequence<BookedUnits>,
        calendar: AccountCalendar
    ) -> [Availability?] {
        let hours = days.map { calendar.openingHours(of: branch, on: $0) }
        var free = over(hours.compactMap { $0 }, stock: stock, booked: booked).makeIterator()
        return hours.map { $0 == nil ? nil : free.next() }
    }

    /// Whether `quantity` more units can be booked without overbooking.
    public func allows(_ quantity: Int) -> Bool {
        switch self {
        case .unlimited: return true
        case .free(let units): return quantity <= units
        }
    }
}

/// How many units are booked at each moment: a step function built by sweeping the start
/// and end events of the bookings in time order.
private struct Occupancy {
    /// Instants at which the booked count changes, ascending.
    private let changes: [Date]
    /// `levels[i]` is the count from `changes[i]` until the next change; before the first
    /// change it is zero.
    private let levels: RangeMaximum

    init(_ booked: some Sequence<BookedUnits>) {
        var events: [(instant: Date, delta: Int)] = []
        for units in booked where units.quantity > 0 {
            // Capped so that no pile of garbage quantities can overflow the running count.
            let quantity = min(units.quantity, Int(Int32.max))
            events.append((units.period.start, quantity))
            events.append((units.period.end, -quantity))
        }
        events.sort { $0.instant < $1.instant }

        // Events at one instant are applied together, so [a, b) and [b, c) never add up.
        var changes: [Date] = []
        var levels: [Int] = []
        var level = 0
        for (index, event) in events.enumerated() {
            level += event.delta
            let isLastAtInstant =
                index + 1 == events.count || events[index + 1].instant != event.instant
            guard isLastAtInstant else { continue }
            changes.append(event.instant)
            levels.append(level)
        }
        self.changes = changes
        self.levels = RangeMaximum(levels)
    }

    /// The largest count at any moment of `period`.
    func peak(in period: Period) -> Int {
        // Changes at or before the start give the count at the start; later ones before
        // the end are the only other places the count can rise.
        let atStart = changes.partitionIndex { $0 > period.start } - 1
        let lastInside = changes.partitionIndex { $0 >= period.end } - 1
        guard lastInside >= 0 else { return 0 }
        let highest = levels.maximum(in: max(atStart, 0)...lastInside)
        return atStart < 0 ? max(highest, 0) : highest
    }
}

extension Array {
    /// The first index whose element satisfies `isAbove`, for a predicate that is false for a
    /// prefix of the array and true for the rest; `count` if none does.
    fileprivate func partitionIndex(where isAbove: (Element) -> Bool) -> Int {
        var (low, high) = (0, count)
        while low < high {
            let middle = (low + high) / 2
            if isAbove(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

extension Int {
    /// `self - other`, held at the bounds of `Int` instead of trapping on a garbage stock.
    fileprivate func subtractingSaturated(_ other: Int) -> Int {
        let (difference, overflow) = subtractingReportingOverflow(other)
        guard overflow else { return difference }
        return other > 0 ? .min : .max
    }
}
