import BookingCore

/// Reads what staff type for dates and times, leniently: the counter types fast.
public enum TypedInput {
    /// A date typed as `5.3.2016`, `05.03.16`, `5.3.` (this year), `5/3/2016` or
    /// `2016-03-05`; nil for anything else or a day that does not exist.
    public static func date(_ text: String, today: LocalDate) -> LocalDate? {
        let trimmed = text.trimmingSpaces()
        if let iso = LocalDate(trimmed) { return iso }
        let parts = trimmed.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "/" })
        guard (2...3).contains(parts.count), let day = Int(parts[0]), let month = Int(parts[1])
        else { return nil }
        var year = today.year
        if parts.count == 3 && !parts[2].isEmpty {
            guard let typed = Int(parts[2]), parts[2].count == 2 || parts[2].count == 4 else {
                return nil
            }
            year = parts[2].count == 2 ? 2000 + typed : typed
        }
        return LocalDate(year: year, month: month, day: day)
    }

    /// A time typed as `8:00`, `08:00`, `8` or `18.30`; nil for anything else.
    public static func time(_ text: String) -> LocalTime? {
        let trimmed = text.trimmingSpaces()
        let parts = trimmed.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == ":" || $0 == "." })
        guard (1...2).contains(parts.count), (1...2).contains(parts[0].count),
            let hour = Int(parts[0])
        else { return nil }
        guard parts.count == 2 else { return LocalTime(hour: hour, minute: 0) }
        guard parts[1].count == 2, let minute = Int(parts[1]) else { return nil }
        return LocalTime(hour: hour, minute: minute)
    }
}
