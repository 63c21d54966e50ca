import BookingCore
import Foundation
import Testing

@Suite struct AccountCalendarTests {
    @Test(arguments: [
        (time(1, 59), "2026-03-29T01:59:00+01:00"),
        (time(2, 0), "2026-03-29T03:00:00+02:00"),
        (time(2, 30), "2026-03-29T03:00:00+02:00"),
        (time(2, 59), "2026-03-29T03:00:00+02:00"),
        (time(3, 0), "2026-03-29T03:00:00+02:00"),
        (time(3, 1), "2026-03-29T03:01:00+02:00"),
    ])
    func theMissingSpringHourMovesToTheFirstValidInstant(wall: LocalTime, expected: String) {
        #expect(berlin.instant(date(2026, 3, 29), wall) == instant(expected))
    }

    @Test(arguments: [
        (time(1, 59), "2026-10-25T01:59:00+02:00"),
        (time(2, 0), "2026-10-25T02:00:00+02:00"),
        (time(2, 30), "2026-10-25T02:30:00+02:00"),
        (time(2, 59), "2026-10-25T02:59:00+02:00"),
        (time(3, 0), "2026-10-25T03:00:00+01:00"),
    ])
    func theRepeatedAutumnHourTakesTheEarlierInstant(wall: LocalTime, expected: String) {
        #expect(berlin.instant(date(2026, 10, 25), wall) == instant(expected))
    }

    @Test(arguments: [
        ("2026-03-29T01:59:00+01:00", date(2026, 3, 29), time(1, 59)),
        ("2026-03-29T03:00:00+02:00", date(2026, 3, 29), time(3, 0)),
        ("2026-10-25T02:30:00+02:00", date(2026, 10, 25), time(2, 30)),
        ("2026-10-25T02:30:00+01:00", date(2026, 10, 25), time(2, 30)),
        ("2026-03-28T23:30:00Z", date(2026, 3, 29), time(0, 30)),
        ("2017-12-31T23:00:00Z", date(2018, 1, 1), time(0, 0)),
        ("1969-12-31T23:30:59+01:00", date(1969, 12, 31), time(23, 30)),
    ])
    func instantsShowTheWallClockOfTheZone(text: String, day: LocalDate, wall: LocalTime) {
        #expect(berlin.local(instant(text)) == LocalDateTime(day, wall))
        #expect(berlin.date(of: instant(text)) == day)
    }

    @Test func everyQuarterHourOf2026RoundTrips() {
        for day in date(2026, 1, 1)...date(2026, 12, 31) {
            for minutes in stride(from: 0, to: 1440, by: 15) {
                let wall = LocalDateTime(day, time(minutes / 60, minutes % 60))
                let inGap = day == date(2026, 3, 29) && (120..<180).contains(minutes)
                guard !inGap else { continue }
                #expect(berlin.local(berlin.instant(wall)) == wall)
            }
        }
    }

    @Test func daysLastTwentyThreeOrTwentyFiveHoursOnTheSwitches() {
        let spring = berlin.day(date(2026, 3, 29))
        #expect(spring.start == instant("2026-03-29T00:00:00+01:00"))
        #expect(spring.end == instant("2026-03-30T00:00:00+02:00"))
        #expect(spring.duration == 23 * 3600)
        #expect(berlin.day(date(2026, 10, 25)).duration == 25 * 3600)
        #expect(berlin.day(date(2026, 10, 26)).duration == 24 * 3600)
        #expect(berlin.startOfDay(date(2026, 10, 25)) == instant("2026-10-25T00:00:00+02:00"))
    }

    @Test func aDayWhoseMidnightIsMissingStartsAfterTheGap() {
        // Brazil moved clocks from 00:00 to 01:00 on 4 November 2018.
        let saoPaulo = AccountCalendar(identifier: "America/Sao_Paulo")!
        #expect(saoPaulo.startOfDay(date(2018, 11, 4)) == instant("2018-11-04T01:00:00-02:00"))
        #expect(saoPaulo.day(date(2018, 11, 4)).duration == 23 * 3600)
        #expect(saoPaulo.day(date(2018, 11, 3)).duration == 24 * 3600)
    }

    @Test func openingHoursFollowTheWallClockAndClosedWeekdays() throws {
        let nord = Branch(
            id: BranchID(1), name: "Filiale Nord", opens: time(8), closes: time(18),
            closedWeekdays: [7])
        let saturday = berlin.openingHours(of: nord, on: date(2016, 3, 5))
        #expect(saturday == period("2016-03-05T08:00:00+01:00", "2016-03-05T18:00:00+01:00"))
        #expect(berlin.openingHours(of: nord, on: date(2016, 3, 6)) == nil)

        let night = Branch(id: BranchID(2), name: "Nachtschalter", opens: time(1), closes: time(5))
        let springSwitch = try #require(berlin.openingHours(of: night, on: date(2026, 3, 29)))
        #expect(springSwitch == period("2026-03-29T01:00:00+01:00", "2026-03-29T05:00:00+02:00"))
        #expect(springSwitch.duration == 3 * 3600)

        var inverted = nord
        inverted.opens = time(18)
        inverted.closes = time(8)
        #expect(berlin.openingHours(of: inverted, on: date(2016, 3, 5)) == nil)
    }

    @Test func theZoneTravelsAsItsIdentifier() throws {
        let json = try JSONEncoder().encode([berlin])
        #expect(String(decoding: json, as: UTF8.self) == #"["Europe\/Berlin"]"#)
        #expect(try JSONDecoder().decode([AccountCalendar].self, from: json) == [berlin])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([AccountCalendar].self, from: Data(#"["Mars/Base"]"#.utf8))
        }
        #expect(AccountCalendar(identifier: "Mars/Base") == nil)
    }
}
