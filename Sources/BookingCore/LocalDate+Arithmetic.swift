/// Calendar arithmetic on dates alone. It needs no time zone: a date is a count of days
/// since 1970-01-01 in the proleptic Gregorian calendar, so walking dates never adds 24 hours
/// and never trips over a daylight-saving switch.
extension LocalDate: Strideable {
    /// Days since 1970-01-01 (negative before it).
    public var daysSinceEpoch: Int {
        // Counts from 1 March so that the leap day falls at the end of a counted year.
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` days after 1970-01-01; nil outside the years 1...9999.
    public init?(daysSinceEpoch days: Int) {
        guard (LocalDate.first.daysSinceEpoch...LocalDate.last.daysSinceEpoch).contains(days)
        else { return nil }
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra =
            (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(year: year, month: month, day: day)
    }

    /// The earliest date a `LocalDate` can hold, 0001-01-01.
    public static let first = LocalDate(uncheckedYear: 1, month: 1, day: 1)
    /// The latest date a `LocalDate` can hold, 9999-12-31.
    public static let last = LocalDate(uncheckedYear: 9999, month: 12, day: 31)

    /// The date `days` later (earlier when negative), or nil past 0001-01-01 or 9999-12-31.
    public func adding(days: Int) -> LocalDate? {
        let (sum, overflow) = daysSinceEpoch.addingReportingOverflow(days)
        return overflow ? nil : LocalDate(daysSinceEpoch: sum)
    }

    /// Strideable: the date `n` days later. Leaving the years 1...9999 is a programmer
    /// error; use `adding(days:)` for counts that come from input.
    public func advanced(by n: Int) -> LocalDate {
        guard let date = adding(days: n) else {
            preconditionFailure("\(self) + \(n) days leaves the years 1...9999")
        }
        return date
    }

    /// Strideable: the number of days from this date to `other`.
    public func distance(to other: LocalDate) -> Int {
        other.daysSinceEpoch - daysSinceEpoch
    }

    /// The ISO weekday: 1 is Monday, 7 is Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let fromMonday = (daysSinceEpoch + 3) % 7
        return (fromMonday < 0 ? fromMonday + 7 : fromMonday) + 1
    }

    /// The first day of this date's month.
    public var firstOfMonth: LocalDate {
        LocalDate(uncheckedYear: year, month: month, day: 1)
    }

    /// Every date of the given month in order; empty when the month or year does not exist.
    public static func days(ofMonth month: Int, year: Int) -> [LocalDate] {
        guard let first = LocalDate(year: year, month: month, day: 1) else { return [] }
        return Array(first...first.advanced(by: daysIn(month: month, year: year) - 1))
    }

    /// The following date. Past 9999-12-31 is a programmer error.
    public var next: LocalDate { advanced(by: 1) }

    /// The preceding date. Before 0001-01-01 is a programmer error.
    public var previous: LocalDate { advanced(by: -1) }

    private init(uncheckedYear year: Int, month: Int, day: Int) {
        guard let date = LocalDate(year: year, month: month, day: day) else {
            preconditionFailure("\(year)-\(month)-\(day) is not a date")
        }
        self = date
    }
}
