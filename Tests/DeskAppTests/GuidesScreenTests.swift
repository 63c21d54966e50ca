import BookingAPI
import BookingCore
import DeskClient
import Foundation
import TerminalUI
import Testing

@testable import DeskApp

/// The Guides & Touren tab on the in-memory screen, with made-up answers.
@Suite struct GuidesScreenTests {
    private func guidesTab(
        as session: SessionInfo = AccountFixture.admin, size: Size = Size(rows: 24, columns: 80)
    ) -> DeskDriver {
        let driver = DeskDriver(size: size)
        driver.logIn(as: session)
        driver.showTab("Guides & Touren")
        _ = driver.take { $0 == .account(.users) }
        return driver
    }

    private func answerLists(_ driver: DeskDriver) {
        driver.answerAccount({ $0 == .guides }, with: .success(.guides(AccountFixture.guides)))
        driver.answerAccount(
            { if case .tours = $0 { true } else { false } },
            with: .success(.tours(AccountFixture.tourDates)))
    }

    @Test func listsGuidesAndTheTourDatesFromToday() {
        let driver = guidesTab()
        #expect(driver.accountCalls.contains(.guides))
        let from = AccountFixture.calendar.instant(AccountFixture.day, LocalTime("00:00")!)
        #expect(driver.accountCalls.contains(.tours(from: from)))
        answerLists(driver)
        let lines = driver.screen.split(separator: "\n")
        #expect(lines.contains { $0.contains("FG-2024-017") && $0.contains("Greta Gerber") })
        #expect(lines.contains { $0.contains("Otto Öhlmann") && $0.hasSuffix("–") })
        #expect(
            lines.contains {
                $0.contains("So 06.03.2016") && $0.contains("10:00–12:00") && $0.contains("5/10")
                    && $0.contains("Greta Gerber") && $0.contains("ja")
            })
        #expect(lines.allSatisfy { $0.count <= 80 })
        let wide = guidesTab(size: Size(rows: 60, columns: 200))
        answerLists(wide)
        #expect(wide.screen.contains("Stadtführung Altstadt"))
    }

    @Test func aNewGuideHasItsIBANCheckedBeforeSending() {
        let driver = guidesTab()
        answerLists(driver)
        driver.press(.character("n"))
        #expect(driver.screen.contains("Neuer Guide"))
        driver.type("FG-2026-001")
        driver.press(.enter)
        driver.type("Jörg Wäller")
        for _ in 0..<9 { driver.press(.enter) }
        driver.type("Jörg Wäller")
        driver.press(.enter)
        driver.type("DE89 3704 0044 0532 0130 01")
        for _ in 0..<4 { driver.press(.enter) }
        #expect(driver.screen.contains("Keine gültige IBAN"))
        #expect(driver.accountCalls.isEmpty)
        driver.press(.backspace)
        driver.type("0")
        for _ in 0..<4 { driver.press(.enter) }
        guard case .createGuide(let data)? = driver.accountCalls.first else {
            Issue.record("no guide sent: \(driver.accountCalls)")
            return
        }
        #expect(data.contractNumber == "FG-2026-001")
        #expect(data.bank?.iban.value == "DE89370400440532013000")
        #expect(data.address == nil && data.phones.isEmpty)
        driver.answerAccount(
            { _ in true },
            with: .success(.guide(GuideRecord(id: GuideID(3), data: data, userID: nil))))
        #expect(driver.screen.contains("Die Daten von Jörg Wäller sind gespeichert."))
        #expect(driver.screen.contains("FG-2026-001"))
    }

    @Test func aBICIsCheckedForItsShape() {
        let driver = guidesTab()
        answerLists(driver)
        driver.press(.character("n"))
        driver.type("FG-2026-002")
        driver.press(.enter)
        driver.type("Jörg Wäller")
        for _ in 0..<9 { driver.press(.enter) }
        driver.type("Jörg Wäller")
        driver.press(.enter)
        driver.type("DE89 3704 0044 0532 0130 00")
        driver.press(.enter)
        driver.type("XXXX")
        for _ in 0..<3 { driver.press(.enter) }
        #expect(driver.screen.contains("Keine BIC (8 oder 11 Zeichen)."))
        #expect(driver.accountCalls.isEmpty)
    }

    @Test func aTourDateThatIsOverIsRefused() {
        let driver = guidesTab()
        answerLists(driver)
        driver.press(.tab, .character("n"))
        driver.press(.enter)
        driver.press(.control("u"))
        driver.type("04.03.2016")
        for _ in 0..<6 { driver.press(.enter) }
        #expect(driver.screen.contains("Dieser Termin ist schon vorbei."))
        #expect(driver.accountCalls.isEmpty)
    }

    @Test func theServersRefusalOfABankFieldAppearsAtTheIBAN() {
        let driver = guidesTab()
        answerLists(driver)
        driver.press(.enter)
        #expect(driver.screen.contains("Guide Greta Gerber bearbeiten"))
        let field = driver.desk.guides.flatMap { screen -> String? in
            if case .guide(let editor) = screen.mode { return editor.form.text(11) }
            return nil
        }
        #expect(field == "DE89 3704 0044 0532 0130 00")
        for _ in 0..<15 { driver.press(.enter) }
        #expect(driver.accountCalls.count == 1)
        driver.answerAccount(
            { _ in true },
            with: .failure(
                .invalidInput(.invalidInput, "not an IBAN", field: "bank.iban")))
        #expect(driver.screen.contains("Keine gültige IBAN"))
    }

    @Test func createsAGuidesLogInOrSaysWhyNot() {
        let driver = guidesTab()
        answerLists(driver)
        driver.press(.character("z"))
        #expect(driver.screen.contains("Greta Gerber hat schon einen Zugang."))
        driver.press(.down, .character("z"))
        #expect(driver.screen.contains("braucht Otto Öhlmann eine E-Mail-Adresse"))
        #expect(driver.accountCalls.isEmpty)
        var otto = AccountFixture.otto
        otto.data.email = "otto@example.com"
        driver.press(.function(5))
        driver.answerAccount(
            { $0 == .guides }, with: .success(.guides([AccountFixture.greta, otto])))
        driver.press(.character("z"))
        #expect(driver.screen.contains("Zugang für Otto Öhlmann"))
        #expect(driver.screen.contains("otto"))
        driver.press(.enter)
        #expect(driver.accountCalls.contains(.createGuideAccess(otto.id, .init(username: "otto"))))
        let user = AccountFixture.user(15, "otto", "Otto Öhlmann", role: .guide)
        driver.answerAccount(
            { if case .createGuideAccess = $0 { true } else { false } },
            with: .success(.userCreated(UserCreated(user: user, passwordMail: .sent))))
        #expect(driver.screen.contains("Zugang otto für Otto Öhlmann ist angelegt."))
        #expect(driver.notice.contains("Das Passwort ging per E-Mail an otto@example.com."))
    }

    @Test func assignsAGuideAndReleasesTheTour() {
        let driver = guidesTab()
        answerLists(driver)
        driver.press(.tab, .down)
        driver.press(.character("r"))
        #expect(driver.screen.contains("Erst einen Guide zuweisen (a), dann freigeben."))
        driver.press(.character("a"))
        #expect(driver.screen.contains("– kein Guide –"))
        driver.press(.down, .enter)
        let tour = AccountFixture.tourDates[1]
        var request = TourDatesScreen.request(for: tour)
        request.guideID = AccountFixture.greta.id
        #expect(driver.accountCalls == [.updateTour(tour.id, request)])
        var assigned = tour
        assigned.guideID = AccountFixture.greta.id
        driver.answerAccount({ _ in true }, with: .success(.tour(assigned)))
        #expect(driver.notice.contains("Greta Gerber ist als Guide eingetragen."))
        driver.press(.character("r"))
        request.released = true
        #expect(driver.accountCalls == [.updateTour(tour.id, request)])
        assigned.released = true
        driver.answerAccount({ _ in true }, with: .success(.tour(assigned)))
        #expect(driver.notice.contains("ist freigegeben: Greta Gerber sieht die Tour jetzt."))
    }

    @Test func aNewTourDateIsCheckedAndSentInTheAccountsTimeZone() {
        let driver = guidesTab()
        answerLists(driver)
        driver.press(.tab, .character("n"))
        #expect(driver.screen.contains("Neuer Tourtermin"))
        #expect(driver.screen.contains("‹ Stadtführung Altstadt ›"))
        driver.press(.enter)
        driver.press(.control("u"))
        driver.type("27.3.2016")
        driver.press(.enter, .control("u"))
        driver.type("14:00")
        driver.press(.enter, .control("u"))
        driver.type("13:00")
        for _ in 0..<4 { driver.press(.enter) }
        #expect(driver.screen.contains("Das Ende muss nach dem Beginn liegen."))
        driver.press(.control("u"))
        driver.type("16")
        driver.press(.enter, .enter, .right, .enter, .character(" "), .enter)
        let day = LocalDate(year: 2016, month: 3, day: 27)!
        let expected = TourRequest(
            offerID: AccountFixture.cityTour.id,
            start: AccountFixture.calendar.instant(day, LocalTime("14:00")!),
            end: AccountFixture.calendar.instant(day, LocalTime("16:00")!), capacity: 10,
            guideID: AccountFixture.greta.id, released: true)
        #expect(driver.accountCalls == [.createTour(expected)])
        // 27 March 2016 is the spring switch in Berlin: 14:00 is already summer time.
        #expect(expected.start.timeIntervalSince1970 == 1_459_080_000)
    }

    /// A server that refuses the guides (an older one, or a changed rule) gets a sentence,
    /// and the tour dates still show.
    @Test func aRefusedGuidesListIsASentenceAndTheToursStillShow() {
        let driver = guidesTab(as: Fixture.session)
        driver.answerAccount({ $0 == .guides }, with: .failure(.forbidden("admins only")))
        driver.answerAccount(
            { if case .tours = $0 { true } else { false } },
            with: .success(.tours(AccountFixture.tourDates)))
        let screen = driver.screen
        #expect(screen.contains("Das ist für diesen Benutzer nicht erlaubt."))
        #expect(screen.split(separator: "\n").contains { $0.contains("zugewiesen") })
        driver.press(.tab, .character("a"))
        #expect(driver.screen.contains("Das ist für diesen Benutzer nicht erlaubt."))
        #expect(driver.accountCalls.isEmpty)
    }

    @Test func theHelpOpensFromEitherList() {
        let driver = guidesTab()
        answerLists(driver)
        driver.press(.character("?"))
        #expect(driver.screen.contains("Tour freigeben oder zurücknehmen"))
        driver.press(.escape, .tab, .character("?"))
        #expect(driver.screen.contains("Zugang für den Guide anlegen"))
    }

    @Test func aKeyOfTheOtherListSaysWhere() {
        let driver = guidesTab()
        answerLists(driver)
        driver.press(.character("r"))
        #expect(
            driver.screen.contains("Diese Taste gilt für die Touren: mit Tab dorthin wechseln."))
    }
}
