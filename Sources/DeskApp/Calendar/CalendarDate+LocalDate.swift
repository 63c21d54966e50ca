import BookingCore
import TerminalUI

extension CalendarDate {
    /// The widget's date for a domain date; both count days since 1970.
    init(_ date: LocalDate) {
        self.init(daysSinceEpoch: date.daysSinceEpoch)
    }
}

extension LocalDate {
    /// The domain date of a widget date, kept within the years BookingCore supports.
    init(_ date: CalendarDate) {
        let days = min(
            max(date.daysSinceEpoch, LocalDate.first.daysSinceEpoch),
            LocalDate.last.daysSinceEpoch)
        self = LocalDate(daysSinceEpoch: days) ?? .first
    }
}
