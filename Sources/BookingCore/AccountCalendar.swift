import Foundation

/// The account's time zone and the conversions between instants and wall-clock times in it.
/// Days, opening hours and "per day" prices are all computed through one of these, so they
/// stay right across daylight-saving switches. It never reads the clock: "now" is passed in.
///
/// On the wire it is the zone's IANA identifier, e.g. `"Europe/Berlin"`.
public struct AccountCalendar: Hashable, Codable, Sendable {
    public let timeZone: TimeZone

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// The zone with this IANA identifier; nil when the system does not know it.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.init(timeZone: zone)
    }

    /// Europe/Berlin, the default for a new account.
    public static let berlin: AccountCalendar = {
        guard let zone = AccountCalendar(identifier: "Europe/Berlin") else {
            preconditionFailure("the system's time zone data lacks Europe/Berlin")
        }
        return zone
    }()

    /// The IANA identifier of the zone.
    public var identifier: String { timeZone.identifier }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let identifier = try container.decode(String.self)
        guard let calendar = AccountCalendar(identifier: identifier) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown time zone \(identifier)")
        }
        self = calendar
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(identifier)
    }
}

// MARK: - Instants and wall-clock times

extension AccountCalendar {
    /// The instant at which clocks in the zone show `time` on `date`.
    ///
    /// A time inside the spring-forward gap (02:30 on 29 March 2026 in Berlin) does not exist;
    /// it moves forward to the first instant after the gap (03:00 CEST). A time in the repeated
    /// autumn hour (02:30 on 25 October 2026) exists twice; the earlier instant (CEST) wins.
    public func instant(_ date: LocalDate, _ time: LocalTime) -> Date {
        let wall =
            Int64(date.daysSinceEpoch) * secondsPerDay + Int64(time.minutesSinceMidnight) * 60
        // A day either side is far enough to see both offsets around any switch.
        let offsetBefore = offset(at: wall - secondsPerDay)
        let offsetAfter = offset(at: wall + secondsPerDay)
        let candidates = [wall - offsetBefore, wall - offsetAfter].filter { instant in
            offset(at: instant) == wall - instant
        }
        if let earliest = candidates.min() {
            return Date(timeIntervalSince1970: Double(earliest))
        }
        let switchInstant = firstInstant(
            from: wall - offsetAfter, to: wall - offsetBefore, withOffset: offsetAfter)
        return Date(timeIntervalSince1970: Double(switchInstant))
    }

    /// The instant at which clocks in the zone show `dateTime`; see `instant(_:_:)`.
    public func instant(_ dateTime: LocalDateTime) -> Date {
        instant(dateTime.date, dateTime.time)
    }

    /// The date and wall-clock time (to the minute, seconds dropped) that clocks in the zone
    /// show at `instant`, which must lie in `Period.supportedInstants`.
    public func local(_ instant: Date) -> LocalDateTime {
        precondition(Period.supports(instant), "\(instant) lies outside the years 1...9999")
        let seconds = Int64(instant.timeIntervalSince1970.rounded(.down))
        let wall = seconds + offset(at: seconds)
        let days = wall.floorDivided(by: secondsPerDay)
        let minutes = Int((wall - days * secondsPerDay) / 60)
        guard let date = LocalDate(daysSinceEpoch: Int(days)),
            let time = LocalTime(hour: minutes / 60, minute: minutes % 60)
        else { preconditionFailure("\(instant) has no wall-clock time") }
        return LocalDateTime(date, time)
    }

    /// The date that clocks in the zone show at `instant`: today, when `instant` is now.
    public func date(of instant: Date) -> LocalDate {
        local(instant).date
    }

    /// The offset from UTC in seconds at `secondsSince1970`.
    private func offset(at secondsSince1970: Int64) -> Int64 {
        Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(secondsSince1970))))
    }

    /// The first instant in `lower...upper` that has `target` as its offset: the moment a
    /// switch took effect. Binary search, since switches happen at whole seconds.
    private func firstInstant(from lower: Int64, to upper: Int64, withOffset target: Int64)
        -> Int64
    {
        guard offset(at: upper) == target else { return upper }
        var (below, atOrAfter) = (lower, upper)
        while atOrAfter - below > 1 {
            let middle = below + (atOrAfter - below) / 2
            if offset(at: middle) == target { atOrAfter = middle } else { below = middle }
        }
        return atOrAfter
    }
}

// MARK: - Days

extension AccountCalendar {
    /// The instant at which `date` begins in the zone (usually its midnight).
    public func startOfDay(_ date: LocalDate) -> Date {
        instant(date, .midnight)
    }

    /// The whole local day: from its start to the start of the next date. It lasts 23 or 25
    /// hours on the days of a daylight-saving switch.
    public func day(_ date: LocalDate) -> Period {
        period(from: startOfDay(date), to: startOfDay(date.next))
    }

    /// The opening hours of `branch` on `date`; nil when the branch is closed that weekday or
    /// its hours are empty.
    public func openingHours(of branch: Branch, on date: LocalDate) -> Period? {
        guard !branch.closedWeekdays.contains(date.isoWeekday), branch.opens < branch.closes
        else { return nil }
        let opens = instant(date, branch.opens)
        let closes = instant(date, branch.closes)
        guard closes > opens else { return nil }
        return period(from: opens, to: closes)
    }

    /// The ISO weekday (1 = Monday ... 7 = Sunday) of `date`; the same in every zone.
    public func weekday(_ date: LocalDate) -> Int {
        date.isoWeekday
    }

    private func period(from start: Date, to end: Date) -> Period {
        do {
            return try Period(start: start, end: end)
        } catch {
            preconditionFailure("\(start)..<\(end) is not a period: \(error)")
        }
    }
}

extension LocalTime {
    /// 00:00.
    public static let midnight = LocalTime(hour: 0, minute: 0)!
}

private let secondsPerDay: Int64 = 86_400

extension Int64 {
    /// Division that rounds towards minus infinity, so that instants before 1970 land on the
    /// right day.
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
