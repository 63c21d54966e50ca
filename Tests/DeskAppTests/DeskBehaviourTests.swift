import BookingAPI
import BookingCore
import DeskClient
import Foundation
import TerminalUI
import Testing

@testable import DeskApp

/// What every screen shares: help, quitting, resizing, the connection, languages.
@Suite struct DeskBehaviourTests {
    @Test func helpListsTheKeysOfTheActiveKeymap() throws {
        let vi = ConfigFiles(userFolder: nil, shippedFolders: []).keymap(named: "vi").value
        let driver = DeskDriver(keymap: vi)
        driver.logIn()
        driver.answerMonth()
        driver.press(.character("?"))
        let screen = driver.screen
        #expect(screen.contains("Tasten (vi)"))
        #expect(screen.contains("h, Left"))
        #expect(screen.contains("Voriger Tag"))
        driver.press(.escape)
        #expect(!driver.screen.contains("Tasten (vi)"))
    }

    /// Only the first broken line fits under the form; the others are in the log.
    @Test func brokenConfigLinesAreShownAtLogInAndCountedBeyondTheFirst() {
        let driver = DeskDriver(problems: [
            "keymaps/mine.keymap, Zeile 2: unbekannte Taste", "themes/mine.theme, Zeile 4: x",
        ])
        #expect(driver.screen.contains("keymaps/mine.keymap, Zeile 2: unbekannte Taste"))
        #expect(driver.screen.contains("(+1 weitere in desk.log)"))
    }

    /// A long sentence takes up to three lines, whole; a longer one ends in "…" on its
    /// third, so that nobody takes what is shown for all of it.
    @Test func aLongSentenceTakesThreeLinesAndALongerOneEndsInAnEllipsis() {
        func rows(_ screen: String) -> [Substring] {
            screen.split(separator: "\n").filter { $0.contains("wort") }
        }
        func screen(saying sentence: String) -> String {
            let driver = DeskDriver()
            driver.logIn()
            driver.answerMonth()
            driver.desk.notice = Notice(sentence, kind: .info)
            driver.render()
            return driver.screen
        }
        let fits = (1...24).map { "wort\($0)" }.joined(separator: " ")
        let shown = screen(saying: fits)
        #expect(rows(shown).count == 3)
        #expect(shown.contains("wort24"))
        #expect(!shown.contains("…"))

        let long = (1...60).map { "wort\($0)" }.joined(separator: " ")
        let cut = screen(saying: long)
        #expect(rows(cut).count == 3)
        #expect(rows(cut).last?.trimmingCharacters(in: .whitespaces).hasSuffix("…") == true)
        #expect(!cut.contains("wort60"))
    }

    @Test func aSentenceStaysOnTheTabItWasSaidOn() {
        let driver = DeskDriver()
        driver.logIn()
        driver.answerMonth()
        #expect(driver.screen.contains("Angemeldet als"))
        driver.press(.function(6))
        #expect(!driver.screen.contains("Angemeldet als"))
    }

    @Test func whatIsTypedInAPickerShowsInItsTitle() {
        let driver = DeskDriver()
        driver.logIn()
        driver.answerMonth()
        driver.press(.character("c"))
        driver.type("Fahrr")
        #expect(driver.screen.contains("Kategorie wählen · Fahrr"))
    }

    @Test func quittingAsksOnlyWhileAnOrderIsHalfDone() {
        let driver = DeskDriver()
        driver.logIn()
        driver.answerMonth()
        driver.press(.function(10))
        #expect(driver.quitRequested)

        let busy = DeskDriver()
        busy.logIn()
        busy.answerMonth()
        busy.press(.enter, .enter)
        busy.press(.function(10))
        #expect(!busy.quitRequested)
        #expect(busy.screen.contains("Trotzdem beenden?"))
        busy.press(.character("n"))
        #expect(!busy.quitRequested)
        busy.press(.function(10), .character("j"))
        #expect(busy.quitRequested)
    }

    @Test func aTooSmallWindowSaysSoAndTheDeskComesBackWhenItGrows() {
        let driver = DeskDriver()
        driver.logIn()
        driver.answerMonth()
        driver.resize(to: Size(rows: 20, columns: 60))
        #expect(driver.screen.contains("60×20"))
        driver.resize(to: Size(rows: 24, columns: 80))
        #expect(driver.screen.contains("März 2016"))
    }

    @Test func aLargeWindowShowsEachOfferOfTheDayWithUmlauts() {
        let driver = DeskDriver(size: Size(rows: 60, columns: 200))
        driver.logIn()
        driver.answerMonth(free: 2)
        let screen = driver.screen
        #expect(screen.contains("Sa 05.03.2016"))
        #expect(screen.contains("Fahrräder"))
        let lines = screen.split(separator: "\n")
        #expect(lines.contains { $0.contains("Fahrrad M") && $0.contains("2 frei") })
        #expect(lines.allSatisfy { $0.count <= 200 })
        // The week of the chosen day, offer by offer, under the month.
        #expect(screen.contains("Mo 29."))
        #expect(screen.contains("Sa 5."))
        #expect(lines.contains { $0.hasPrefix(" Fahrrad L") && $0.hasSuffix(" 2") })
    }

    @Test func goesOfflineOnceAndComesBackByItself() {
        let driver = DeskDriver()
        driver.logIn()
        driver.answerMonth()
        driver.press(.function(5))
        driver.answer(
            { if case .monthAvailability = $0 { true } else { false } },
            with: .failure(.offline("refused")))
        #expect(driver.screen.contains("○ offline"))
        #expect(
            driver.screen.contains("Der Server ist nicht erreichbar. Der Desk versucht es weiter."))
        driver.now += 4
        driver.handle(.tick)
        driver.answer(
            { $0 == .health }, with: .success(.health(Health(status: "ok", version: "1"))))
        #expect(driver.screen.contains("● online"))
        #expect(driver.screen.contains("Der Server ist wieder erreichbar."))
        #expect(driver.sent.contains { if case .monthAvailability = $0 { true } else { false } })
    }

    @Test func anEndedSessionLeadsBackToTheLogIn() {
        let driver = DeskDriver()
        driver.logIn()
        driver.answerMonth()
        driver.press(.function(5))
        driver.answer(
            { if case .monthAvailability = $0 { true } else { false } },
            with: .failure(.sessionEnded))
        #expect(driver.screen.contains("Die Sitzung ist abgelaufen. Bitte neu anmelden."))
        #expect(driver.screen.contains("Anmeldung"))
    }

    @Test func speaksEnglish() {
        let driver = DeskDriver(language: .english)
        #expect(driver.screen.contains("Log in"))
        driver.logIn()
        driver.answerMonth()
        #expect(driver.screen.contains("March 2016"))
        #expect(driver.screen.contains("Calendar"))
        #expect(driver.screen.contains("Sat 05/03/2016"))
    }

    @Test func aMonthAnswerWithShortRowsDoesNotCrash() {
        let driver = DeskDriver(size: Size(rows: 60, columns: 200))
        driver.logIn()
        let request = driver.sent.first { if case .monthAvailability = $0 { true } else { false } }!
        let month = LocalDate(year: 2016, month: 3, day: 1)!
        let broken = MonthAvailability(
            month: month, days: LocalDate.days(ofMonth: 3, year: 2016),
            offers: [
                .init(offerID: Fixture.bikeM.id, free: [1, 2], closed: []),
                .init(offerID: OfferID(999), free: [], closed: []),
            ])
        driver.answer({ $0 == request }, with: .success(.monthAvailability(broken)))
        #expect(driver.screen.contains("März 2016"))
    }

    @Test func aLogInWithAnEmptyFieldSaysWhichOne() {
        let driver = DeskDriver()
        driver.press(.enter)
        #expect(driver.screen.contains("Pflichtfeld: bitte ausfüllen."))
        #expect(driver.sent.isEmpty)
    }

    @Test func aCustomerCannotLogInAtTheDesk() {
        let driver = DeskDriver()
        driver.type("kunde")
        driver.press(.tab)
        driver.type("geheim")
        driver.press(.enter)
        var login = Fixture.login
        login.session.user.role = .customer
        driver.answer(
            { if case .logIn = $0 { true } else { false } }, with: .success(.loggedIn(login)))
        #expect(driver.screen.contains("Mit der Rolle „Kunde“ kann man sich am Desk nicht"))
        #expect(driver.sent == [.logOut])
    }

    @Test func findsAnOfferByName() {
        let driver = DeskDriver()
        driver.logIn()
        driver.answerMonth()
        driver.press(.character("/"))
        driver.type("rad m")
        driver.press(.enter)
        #expect(driver.screen.contains("Filiale Nord · Fahrräder · Fahrrad M"))
        #expect(
            driver.sent.contains {
                if case .monthAvailability(_, let filter) = $0 {
                    filter.offer == Fixture.bikeM.id
                } else {
                    false
                }
            })
        driver.press(.character("/"))
        driver.type("xyz")
        #expect(driver.screen.contains("Kein Angebot passt zu „xyz“."))
    }
}
