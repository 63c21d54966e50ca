import BookingCore
import Testing

@testable import DeskApp

@Suite struct TypedInputTests {
    private let today = LocalDate(year: 2026, month: 7, day: 14)!
    private let reference = LocalDate(year: 2016, month: 3, day: 5)!

    @Test(arguments: ["05.03.2016", "5.3.2016", "5.3.16", "5/3/2016", "2016-03-05", " 5.3.2016 "])
    func readsTheDatesStaffType(_ text: String) {
        #expect(TypedInput.date(text, today: today) == reference)
    }

    @Test func aDateWithoutYearIsThisYear() {
        #expect(TypedInput.date("5.3.", today: today) == LocalDate(year: 2026, month: 3, day: 5))
        #expect(TypedInput.date("5.3", today: today) == LocalDate(year: 2026, month: 3, day: 5))
    }

    @Test(arguments: ["", "5", "31.2.2016", "5.13.2016", "a.b.c", "5.3.201", "5..2016", "1.2.3.4"])
    func refusesWhatIsNoDate(_ text: String) {
        #expect(TypedInput.date(text, today: today) == nil)
    }

    @Test func readsTimes() {
        #expect(TypedInput.time("8:00") == LocalTime(hour: 8, minute: 0))
        #expect(TypedInput.time("18.30") == LocalTime(hour: 18, minute: 30))
        #expect(TypedInput.time("9") == LocalTime(hour: 9, minute: 0))
    }

    @Test(arguments: ["", "24:00", "8:60", "8:5", "abc", "123:00", "8:00:00"])
    func refusesWhatIsNoTime(_ text: String) {
        #expect(TypedInput.time(text) == nil)
    }
}
