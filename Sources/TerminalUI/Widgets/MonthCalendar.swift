/// A month as a wall-planner grid: weeks from Monday to Sunday, one cell per day showing
/// its number and a short note, in a role the caller chooses per day.
///
/// Month and weekday names come from the caller (the desk's catalogue). The look of each
/// day comes from `look`, which is asked only for the days on screen, so the calendar stays
/// fast however many offers stand behind a day's note.
///
/// ```swift
/// var calendar = MonthCalendar(
///     selected: today, labels: .init(monthNames: catalogue.months,
///                                    weekdayNames: catalogue.weekdaysFromMonday))
/// calendar.today = today
/// calendar.look = { day in
///     let free = availability[day] ?? 0
///     return .init(role: free == 0 ? .none : free < 3 ? .few : .free, note: "\(free)")
/// }
/// ```
public struct MonthCalendar: Widget {
    /// Month and weekday names.
    public struct Labels: Sendable, Equatable {
        /// January to December.
        public var monthNames: [String]
        /// Monday to Sunday, short forms fit best (e.g. "Mo", "Di").
        public var weekdayNames: [String]

        public init(monthNames: [String], weekdayNames: [String]) {
            self.monthNames = monthNames
            self.weekdayNames = weekdayNames
        }
    }

    /// How one day looks: its role and a short note (e.g. the number of free units).
    public struct DayLook: Hashable, Sendable {
        public var role: Role
        public var note: String

        public init(role: Role = .normal, note: String = "") {
            self.role = role
            self.note = note
        }
    }

    /// The day with the cursor; the calendar shows its month.
    public var selected: CalendarDate
    /// Today, drawn in the today role; nil to mark no day.
    public var today: CalendarDate?
    public var labels: Labels
    /// The look of a day; asked only for the days of the shown month.
    public var look: (CalendarDate) -> DayLook = { _ in DayLook() }

    public init(selected: CalendarDate, labels: Labels) {
        self.selected = selected
        self.labels = labels
    }

    /// The first day of the shown month.
    public var month: CalendarDate { selected.firstOfMonth }

    /// The shown month as rows of seven days from Monday to Sunday; nil where a day
    /// belongs to the month before or after.
    public var weeks: [[CalendarDate?]] {
        let first = month
        let leading = first.weekday - 1
        let count = (leading + first.daysInMonth + 6) / 7
        return (0..<count).map { week in
            (0..<7).map { weekday in
                let day = week * 7 + weekday - leading + 1
                return CalendarDate(year: first.year, month: first.month, day: day)
            }
        }
    }

    public mutating func handle(_ key: Key, keymap: Keymap) -> Outcome {
        guard let command = WidgetCommand.resolve(key, in: keymap, scopes: ["calendar"]) else {
            return .ignored
        }
        let before = selected
        switch command {
        case .calendarPreviousDay: selected = selected.adding(days: -1)
        case .calendarNextDay: selected = selected.adding(days: 1)
        case .calendarPreviousWeek: selected = selected.adding(days: -7)
        case .calendarNextWeek: selected = selected.adding(days: 7)
        case .calendarPreviousMonth: selected = selected.adding(months: -1)
        case .calendarNextMonth: selected = selected.adding(months: 1)
        case .calendarToday: selected = today ?? selected
        default: return .ignored
        }
        return selected == before ? .handled : .changed
    }

    // MARK: - Drawing

    public mutating func draw(in canvas: Canvas, focused: Bool) {
        guard canvas.rows >= 3 && canvas.columns >= 14 else { return }
        let grid = weeks
        let widths = dayWidths(total: canvas.columns)
        let title = monthName(month.month) + " \(month.year)"
        canvas.put(
            title, row: 0, column: 0, width: canvas.columns, alignment: .center, role: .title)
        var column = 0
        for weekday in 0..<7 {
            let name = weekday < labels.weekdayNames.count ? labels.weekdayNames[weekday] : ""
            canvas.put(
                name, row: 1, column: column, width: widths[weekday] - 1, alignment: .center,
                role: .header)
            column += widths[weekday]
        }
        let height = max(1, min(4, (canvas.rows - 2) / grid.count))
        for (index, week) in grid.enumerated() {
            let row = 2 + index * height
            guard row < canvas.rows else { break }
            drawWeek(
                week,
                in: canvas.sub(Rect(row: row, column: 0, rows: height, columns: canvas.columns)),
                widths: widths, focused: focused)
        }
    }

    private func drawWeek(_ week: [CalendarDate?], in canvas: Canvas, widths: [Int], focused: Bool)
    {
        var column = 0
        for (weekday, date) in week.enumerated() {
            let cell = canvas.sub(
                Rect(row: 0, column: column, rows: canvas.rows, columns: widths[weekday] - 1))
            column += widths[weekday]
            guard let date else { continue }
            drawDay(date, in: cell, focused: focused)
        }
    }

    private func drawDay(_ date: CalendarDate, in cell: Canvas, focused: Bool) {
        let dayLook = look(date)
        cell.fill(role: dayLook.role)
        let numberRole: Role
        if date == selected {
            numberRole = focused ? .selected : .highlight
        } else if date == today {
            numberRole = .today
        } else {
            numberRole = dayLook.role
        }
        let number = date.day < 10 ? " \(date.day)" : "\(date.day)"
        let end = cell.put(number, row: 0, column: 0, role: numberRole)
        guard !dayLook.note.isEmpty else { return }
        if cell.rows > 1 {
            cell.put(
                dayLook.note, row: 1, column: 0, width: cell.columns, alignment: .right,
                role: dayLook.role)
        } else {
            cell.put(
                dayLook.note, row: 0, column: end + 1, width: cell.columns - end - 1,
                alignment: .right, role: dayLook.role)
        }
    }

    /// Seven columns sharing the width; each keeps its last cell blank as a gap.
    private func dayWidths(total: Int) -> [Int] {
        (0..<7).map { total / 7 + ($0 < total % 7 ? 1 : 0) }
    }

    private func monthName(_ month: Int) -> String {
        month <= labels.monthNames.count ? labels.monthNames[month - 1] : "\(month)"
    }
}
