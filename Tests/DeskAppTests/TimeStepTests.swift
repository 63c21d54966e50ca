import BookingCore
import Foundation
import TerminalUI
import Testing

@testable import DeskApp

/// What Zeit proposes at the desk's clock: the opening hours, from the next quarter hour
/// for a pick-up today, and the next opening day once the branch takes no more pick-ups.
@Suite struct TimeStepTests {
    /// Saturday, 5 March 2016 (the fixture's today) at `time` in Berlin.
    private static func saturday(_ time: String) -> Date {
        AccountCalendar.berlin.instant(
            LocalDate(year: 2016, month: 3, day: 5)!, LocalTime(time)!)
    }

    /// Logged in at `now`, with the wizard in Zeit for today at Filiale Nord.
    private func zeitForToday(
        at now: Date, language: Language = .german, offline: Bool = false
    ) -> DeskDriver {
        let driver = DeskDriver(language: language, now: now, offline: offline)
        if offline {
            OfflineDeskTests.loggedIn(driver)
            OfflineDeskTests.goOffline(driver)
        } else {
            driver.logIn()
            driver.answerMonth()
        }
        driver.press(.enter, .enter)
        return driver
    }

    private func times(_ driver: DeskDriver) -> [String] {
        driver.desk.wizard?.time.times.map(\.text) ?? []
    }

    /// The local days and times of the period Zeit left with.
    private func period(_ driver: DeskDriver) -> (start: LocalDateTime, end: LocalDateTime)? {
        guard let period = driver.desk.wizard?.period else { return nil }
        let calendar = AccountCalendar.berlin
        return (calendar.local(period.start), calendar.local(period.end))
    }

    /// The desk's clock and the pick-up proposed for today: the opening time before opening,
    /// then the next quarter hour; the return at closing time.
    @Test(arguments: [
        ("07:10", "08:00"), ("08:00", "08:00"), ("10:00", "10:00"), ("10:07", "10:15"),
        ("10:59", "11:00"), ("17:44", "17:45"),
    ])
    func todayThePickupIsProposedAtTheNextQuarterHour(clock: String, pickup: String) {
        let driver = zeitForToday(at: Self.saturday(clock))
        #expect(driver.desk.wizard?.step == .time)
        #expect(times(driver) == [pickup, "18:00"])
        #expect(!driver.screen.contains("Vorschlag"))
    }

    @Test func theProposalForTodayIsTakenAsItIs() {
        let driver = zeitForToday(at: Self.saturday("10:07"))
        driver.press(.enter)
        #expect(driver.desk.wizard?.step == .offers)
        #expect(period(driver)?.start.description == "2016-03-05 10:15")
        #expect(period(driver)?.end.description == "2016-03-05 18:00")
    }

    @Test func afterClosingTheNextOpeningDayIsProposedAndSaid() {
        let driver = zeitForToday(at: Self.saturday("18:30"))
        #expect(driver.desk.wizard?.step == .time)
        #expect(times(driver) == ["08:00", "18:00"])
        let screen = driver.screen
        #expect(screen.contains("Heute keine Abholung mehr bei Filiale Nord (geöffnet bis 18:00"))
        #expect(screen.contains("Vorschlag: So 06.03.2016, der nächste Öffnungstag (Escape:"))

        driver.press(.enter)
        #expect(driver.desk.wizard?.step == .offers)
        #expect(period(driver)?.start.description == "2016-03-06 08:00")
        #expect(period(driver)?.end.description == "2016-03-06 18:00")
    }

    @Test func afterClosingEscapeLeadsBackToTerminWithTheProposedDay() {
        let driver = zeitForToday(at: Self.saturday("18:30"))
        driver.press(.escape)
        #expect(driver.desk.wizard?.step == .date)
        #expect(driver.desk.wizard?.dates.fields.map(\.text) == ["06.03.2016", "06.03.2016"])
    }

    /// Choosing today again after the proposal moved on records a rental that has already
    /// happened: the days stay, with the opening hours.
    @Test func todayChosenAgainAfterClosingStaysToday() {
        let driver = zeitForToday(at: Self.saturday("18:30"))
        driver.press(.escape, .control("u"))
        driver.type("05.03.2016")
        driver.press(.tab, .control("u"))
        driver.type("05.03.2016")
        driver.press(.enter)
        #expect(driver.desk.wizard?.step == .time)
        #expect(!driver.screen.contains("Vorschlag:"))
        #expect(times(driver) == ["08:00", "18:00"])
        driver.press(.enter)
        #expect(period(driver)?.start.description == "2016-03-05 08:00")
    }

    /// In the last quarter hour the next one would be closing time itself; the branch is
    /// still open, so the pick-up is proposed for now.
    @Test func inTheLastQuarterHourThePickupIsNow() {
        let driver = zeitForToday(at: Self.saturday("17:50"))
        #expect(!driver.screen.contains("Vorschlag"))
        #expect(times(driver) == ["17:50", "18:00"])
        driver.press(.enter)
        #expect(period(driver)?.start.description == "2016-03-05 17:50")
    }

    /// A rental over several days keeps its length when it moves on.
    @Test func aLongerRentalMovesOnWithItsLength() {
        let driver = DeskDriver(now: Self.saturday("19:00"))
        driver.logIn()
        driver.answerMonth()
        driver.press(.enter, .tab, .control("u"))
        driver.type("07.03.2016")
        driver.press(.enter)
        driver.press(.enter)
        #expect(period(driver)?.start.description == "2016-03-06 08:00")
        #expect(period(driver)?.end.description == "2016-03-08 18:00")
    }

    /// Logged in on Sunday, 6 March 2016 at 19:30 (after closing everywhere), with the
    /// wizard in Zeit for that day at Filiale Hafen, which is closed on Mondays.
    private func zeitAtHafenOnSundayEvening() -> DeskDriver {
        let sunday = AccountCalendar.berlin.instant(
            LocalDate(year: 2016, month: 3, day: 6)!, LocalTime("19:30")!)
        let driver = DeskDriver(now: sunday)
        driver.logIn()
        driver.answerMonth()
        driver.press(.character("b"), .down, .enter)  // Filiale Hafen
        driver.answerMonth()
        driver.press(.enter, .enter)
        return driver
    }

    /// Filiale Hafen is closed on Mondays: after Sunday's closing the proposal is Tuesday.
    @Test func aClosedDayIsSkipped() {
        let driver = zeitAtHafenOnSundayEvening()
        #expect(driver.desk.wizard?.step == .time)
        #expect(times(driver) == ["09:00", "19:00"])
        #expect(driver.screen.contains("Heute keine Abholung mehr bei Filiale Hafen"))
        #expect(driver.screen.contains("Vorschlag: Di 08.03.2016"))
    }

    /// Another pick-up branch proposes again, from the day chosen in Termin: Filiale Nord
    /// opens on Monday, which Filiale Hafen skipped.
    @Test func anotherBranchProposesItsOwnHoursAndNextOpeningDay() {
        let driver = zeitAtHafenOnSundayEvening()
        #expect(driver.screen.contains("Vorschlag: Di 08.03.2016"))

        driver.press(.tab, .tab, .left)  // pick-up (and with it return) at Filiale Nord
        #expect(driver.desk.wizard?.time.pickup?.name == "Filiale Nord")
        #expect(times(driver) == ["08:00", "18:00"])
        #expect(driver.screen.contains("Heute keine Abholung mehr bei Filiale Nord"))
        #expect(driver.screen.contains("Vorschlag: Mo 07.03.2016"))
        driver.press(.enter)
        #expect(period(driver)?.start.description == "2016-03-07 08:00")
    }

    /// Times typed by hand stay when the branch changes, and so do their days.
    @Test func typedTimesStayWhenTheBranchChanges() {
        let driver = zeitForToday(at: Self.saturday("10:07"))
        driver.press(.control("u"))
        driver.type("11:00")
        driver.press(.tab, .tab, .right)
        #expect(driver.desk.wizard?.time.pickup?.name != "Filiale Nord")
        #expect(times(driver) == ["11:00", "18:00"])
    }

    /// After closing, staff go back to Termin and choose a later day: its opening hours, as
    /// for any future day, and no word about today any more.
    @Test func aFutureDayChosenAfterClosingKeepsItsOpeningHours() {
        let driver = zeitForToday(at: Self.saturday("18:30"))
        #expect(driver.screen.contains("Vorschlag: So 06.03.2016"))
        driver.press(.escape, .control("u"))
        driver.type("07.03.2016")
        driver.press(.enter)
        #expect(driver.desk.wizard?.step == .time)
        #expect(times(driver) == ["08:00", "18:00"])
        #expect(!driver.screen.contains("Vorschlag"))
        driver.press(.enter)
        #expect(period(driver)?.start.description == "2016-03-07 08:00")
    }

    /// Times proposed again when coming back from Termin are checked again on leaving
    /// Zeit: the sentence about the times proposed before must not stay under them.
    @Test func aProposalComingBackFromTerminCarriesNoOldSentence() {
        let driver = zeitForToday(at: Self.saturday("18:10"))
        driver.press(.tab, .tab, .left)  // Filiale Hafen, open until 19:00
        driver.press(.tab, .left)  // back to Filiale Nord, closed since 18:00
        #expect(times(driver) == ["18:15", "18:00"])
        driver.press(.enter)
        #expect(driver.screen.contains("Die Rückgabe muss nach der Abholung liegen."))

        driver.press(.escape, .tab, .control("u"))
        driver.type("06.03.2016")
        driver.press(.enter)
        #expect(driver.desk.wizard?.step == .time)
        #expect(times(driver) == ["18:15", "18:00"])
        #expect(!driver.screen.contains("Rückgabe muss"))
    }

    @Test func englishSaysItToo() {
        let driver = zeitForToday(at: Self.saturday("18:30"), language: .english)
        #expect(driver.screen.contains("No more pick-ups at Filiale Nord today (open until 18:00)"))
        #expect(driver.screen.contains("Proposed: Sun 06/03/2016, the next opening day"))
    }

    @Test func offlineTheProposalIsTheSame() {
        let during = zeitForToday(at: Self.saturday("10:07"), offline: true)
        #expect(during.screen.contains("OFFLINE"))
        #expect(times(during) == ["10:15", "18:00"])

        let after = zeitForToday(at: Self.saturday("18:30"), offline: true)
        #expect(after.screen.contains("Vorschlag: So 06.03.2016, der nächste Öffnungstag"))
        after.press(.enter)
        #expect(period(after)?.start.description == "2016-03-06 08:00")
    }
}
