import BookingCore
import Foundation

// Builders for test values. Expected instants are written as ISO 8601 text with an explicit
// offset and parsed by Foundation, so they never depend on the code under test.

/// A date that must exist.
func date(_ year: Int, _ month: Int, _ day: Int) -> LocalDate {
    LocalDate(year: year, month: month, day: day)!
}

/// A wall-clock time that must exist.
func time(_ hour: Int, _ minute: Int = 0) -> LocalTime {
    LocalTime(hour: hour, minute: minute)!
}

/// The instant written as ISO 8601 with an offset, e.g. `"2026-03-29T03:00:00+02:00"`.
func instant(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    guard let date = formatter.date(from: text) else { fatalError("bad instant \(text)") }
    return date
}

/// The period between two ISO 8601 instants; the end must be after the start.
func period(_ start: String, _ end: String) -> Period {
    try! Period(start: instant(start), end: instant(end))
}

/// Euros and cents.
func eur(_ euros: Int64, _ cents: Int64 = 0) -> Money {
    Money(cents: euros * 100 + cents)
}

let berlin = AccountCalendar.berlin
