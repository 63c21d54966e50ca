import BookingCore
import Testing

@Suite struct LocalDateTests {
    @Test(arguments: [
        ("1970-01-01", 0), ("1969-12-31", -1), ("2000-03-01", 11_017), ("2016-02-29", 16_860),
        ("2026-03-29", 20_541), ("0001-01-01", -719_162), ("9999-12-31", 2_932_896),
    ])
    func daysSinceEpochMatchesTheCalendar(text: String, days: Int) {
        let date = LocalDate(text)!
        #expect(date.daysSinceEpoch == days)
        #expect(LocalDate(daysSinceEpoch: days) == date)
    }

    @Test func daysOutsideTheYearsOneToNineThousandAreRejected() {
        #expect(LocalDate(daysSinceEpoch: -719_163) == nil)
        #expect(LocalDate(daysSinceEpoch: 2_932_897) == nil)
        #expect(date(9999, 12, 31).adding(days: 1) == nil)
        #expect(date(1, 1, 1).adding(days: -1) == nil)
        #expect(date(2026, 1, 1).adding(days: .max) == nil)
    }

    @Test func walkingCrossesMonthYearAndLeapDay() {
        #expect(date(2016, 2, 28).next == date(2016, 2, 29))
        #expect(date(2016, 2, 29).next == date(2016, 3, 1))
        #expect(date(2017, 2, 28).next == date(2017, 3, 1))
        #expect(date(2017, 12, 31).next == date(2018, 1, 1))
        #expect(date(2018, 1, 1).previous == date(2017, 12, 31))
        #expect(date(2017, 11, 14).adding(days: 8) == date(2017, 11, 22))
        #expect(date(2026, 3, 1).adding(days: -1) == date(2026, 2, 28))
        #expect(date(2017, 11, 14).distance(to: date(2018, 1, 3)) == 50)
    }

    @Test func rangesOfDatesCanBeIterated() {
        let dates = Array(date(2026, 3, 28)...date(2026, 3, 30))
        #expect(dates == [date(2026, 3, 28), date(2026, 3, 29), date(2026, 3, 30)])
    }

    @Test(arguments: [
        ("2026-03-29", 7), ("2016-03-05", 6), ("2017-11-14", 2), ("2000-03-01", 3),
        ("1969-12-31", 3), ("0001-01-01", 1), ("9999-12-31", 5),
    ])
    func isoWeekday(text: String, weekday: Int) {
        #expect(LocalDate(text)!.isoWeekday == weekday)
        #expect(berlin.weekday(LocalDate(text)!) == weekday)
    }

    @Test func daysOfAMonth() {
        let february2016 = LocalDate.days(ofMonth: 2, year: 2016)
        #expect(february2016.count == 29)
        #expect(february2016.first == date(2016, 2, 1))
        #expect(february2016.last == date(2016, 2, 29))
        #expect(LocalDate.days(ofMonth: 2, year: 2026).count == 28)
        #expect(LocalDate.days(ofMonth: 12, year: 9999).last == date(9999, 12, 31))
        #expect(LocalDate.days(ofMonth: 13, year: 2026).isEmpty)
        #expect(LocalDate.days(ofMonth: 3, year: 0).isEmpty)
        #expect(date(2026, 3, 29).firstOfMonth == date(2026, 3, 1))
    }
}
