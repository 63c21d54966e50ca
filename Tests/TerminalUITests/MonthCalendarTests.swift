import TerminalUI
import Testing

@Suite struct MonthCalendarTests {
    static let german = MonthCalendar.Labels(
        monthNames: [
            "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
            "September", "Oktober", "November", "Dezember",
        ],
        weekdayNames: ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"])

    static func date(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: day)!
    }

    @Test func datesKnowTheirWeekday() {
        #expect(Self.date(2026, 2, 1).weekday == 7)
        #expect(Self.date(2026, 3, 1).weekday == 7)
        #expect(Self.date(1970, 1, 1).weekday == 4)
        #expect(Self.date(2016, 3, 5).weekday == 6)
        #expect(Self.date(2000, 2, 29).daysInMonth == 29)
        #expect(CalendarDate(year: 2026, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2026, month: 13, day: 1) == nil)
        #expect(Self.date(2026, 1, 31).adding(months: 1) == Self.date(2026, 2, 28))
        #expect(Self.date(2026, 1, 15).adding(months: -1) == Self.date(2025, 12, 15))
        #expect(Self.date(2026, 2, 28).adding(days: 1) == Self.date(2026, 3, 1))
        #expect(
            CalendarDate(daysSinceEpoch: Self.date(1969, 12, 31).daysSinceEpoch)
                == Self.date(1969, 12, 31))
    }

    @Test func february2026StartsOnASundayAndHasFiveWeeks() {
        let calendar = MonthCalendar(selected: Self.date(2026, 2, 10), labels: Self.german)
        let weeks = calendar.weeks
        #expect(weeks.count == 5)
        #expect(weeks[0] == [nil, nil, nil, nil, nil, nil, Self.date(2026, 2, 1)])
        #expect(weeks[1].first == Self.date(2026, 2, 2))
        #expect(weeks[4] == (23...28).map { Self.date(2026, 2, $0) } + [nil])
    }

    @Test func march2026HasSixWeeks() {
        let calendar = MonthCalendar(selected: Self.date(2026, 3, 1), labels: Self.german)
        let weeks = calendar.weeks
        #expect(weeks.count == 6)
        #expect(weeks[0][6] == Self.date(2026, 3, 1))
        #expect(
            weeks[5] == [Self.date(2026, 3, 30), Self.date(2026, 3, 31), nil, nil, nil, nil, nil])
    }

    @Test func february2026DrawsAt80x24() {
        var calendar = MonthCalendar(selected: Self.date(2026, 2, 10), labels: Self.german)
        calendar.today = Self.date(2026, 2, 3)
        calendar.look = { day in
            day.weekday == 7
                ? .init(role: .closed)
                : .init(role: day.day % 5 == 0 ? .none : .free, note: "\(day.day % 5)")
        }
        let frame = draw(&calendar, size: Size(rows: 24, columns: 80), focused: true)
        let lines = frame.lines.map(\.trimmedRight)
        #expect(lines[0].trimmingCharacters() == "Februar 2026")
        #expect(lines[1].split(separator: " ") == ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"])
        let height = (24 - 2) / 5
        let firstWeek = lines[2]
        #expect(firstWeek.trimmingCharacters() == "1")
        // 80 cells: the first three weekdays get 12, the others 11, each with a gap.
        let starts = [0, 12, 24, 36, 47, 58, 69]
        #expect(frame.column(of: " 1", inRow: 2) == starts[6])
        let secondWeek = frame.text(ofRow: 2 + height)
        #expect(secondWeek.hasPrefix(" 2" + String(repeating: " ", count: 10) + " 3"))
        #expect(
            frame.text(ofRow: 2 + height + 1).hasPrefix(String(repeating: " ", count: 10) + "2"))
        #expect(frame.role(row: 2 + height, column: starts[0]) == .free)
        #expect(frame.role(row: 2 + height, column: starts[1]) == .today)
        #expect(frame.role(row: 2 + height, column: starts[3]) == .none)
        #expect(frame.role(row: 2 + 2 * height, column: starts[1]) == .selected)
        #expect(frame.role(row: 2 + 2 * height, column: starts[1] + 5) == .none)
        #expect(frame.role(row: 2, column: starts[6]) == .closed)
        #expect(frame.role(row: 2, column: starts[0]) == .normal)
        #expect(lines.allSatisfy { $0.cellWidth <= 80 })
    }

    @Test func theLookIsAskedOnlyForTheShownMonth() {
        final class Asked { var days: [CalendarDate] = [] }
        let asked = Asked()
        var calendar = MonthCalendar(selected: Self.date(2026, 3, 10), labels: Self.german)
        calendar.look = { day in
            asked.days.append(day)
            return .init()
        }
        _ = draw(&calendar, size: Size(rows: 60, columns: 200))
        #expect(asked.days.count == 31)
        #expect(asked.days.allSatisfy { $0.month == 3 })
    }

    @Test func keysMoveByDayWeekAndMonthAcrossMonths() {
        let keys = keymap()
        var calendar = MonthCalendar(selected: Self.date(2026, 2, 28), labels: Self.german)
        calendar.today = Self.date(2026, 2, 3)
        #expect(press([.right], on: &calendar, keymap: keys) == .changed)
        #expect(calendar.selected == Self.date(2026, 3, 1))
        #expect(calendar.month == Self.date(2026, 3, 1))
        press([.up], on: &calendar, keymap: keys)
        #expect(calendar.selected == Self.date(2026, 2, 22))
        press([.pageDown, .pageDown], on: &calendar, keymap: keys)
        #expect(calendar.selected == Self.date(2026, 4, 22))
        press([.pageUp, .left, .down], on: &calendar, keymap: keys)
        #expect(calendar.selected == Self.date(2026, 3, 28))
        press([.home], on: &calendar, keymap: keys)
        #expect(calendar.selected == Self.date(2026, 2, 3))
        #expect(calendar.handle(.character("x"), keymap: keys) == .ignored)
        let vi = keymap("vi")
        press([.character("l"), .character("j"), .character("L")], on: &calendar, keymap: vi)
        #expect(calendar.selected == Self.date(2026, 3, 11))
    }

    @Test func englishNamesComeFromTheCaller() {
        let english = MonthCalendar.Labels(
            monthNames: [
                "January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December",
            ],
            weekdayNames: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])
        var calendar = MonthCalendar(selected: Self.date(2026, 3, 1), labels: english)
        let frame = draw(&calendar, size: Size(rows: 60, columns: 200))
        #expect(frame.text(ofRow: 0).trimmingCharacters() == "March 2026")
        #expect(frame.text(ofRow: 1).split(separator: " ").first == "Mon")
        let height = min(4, (60 - 2) / 6)
        #expect(frame.text(ofRow: 2 + 5 * height).hasPrefix("30"))
    }
}

extension String {
    func trimmingCharacters() -> String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
