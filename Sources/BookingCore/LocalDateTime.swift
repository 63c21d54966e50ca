/// A date and a wall-clock time without a zone: what a clock on the counter's wall shows.
/// `AccountCalendar` turns it into an instant and back.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var date: LocalDate
    public var time: LocalTime

    public init(_ date: LocalDate, _ time: LocalTime) {
        self.date = date
        self.time = time
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.time) < (rhs.date, rhs.time)
    }

    /// `"YYYY-MM-DD HH:MM"`.
    public var description: String { "\(date) \(time)" }
}
