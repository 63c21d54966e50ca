import BookingAPI
import BookingCore
import DeskClient
import Foundation
import TerminalUI
import Testing

@testable import DeskApp

/// Bad input in each wizard step gets a sentence at the field or on the message line, and
/// the wizard stays where it is.
@Suite struct WizardCheckTests {
    private func wizardAtTermin() -> DeskDriver {
        let driver = DeskDriver()
        driver.logIn()
        driver.answerMonth()
        driver.press(.enter)
        return driver
    }

    private func wizardAtAngebot() -> DeskDriver {
        let driver = wizardAtTermin()
        driver.press(.enter)
        driver.press(.control("u"))
        driver.type("08:00")
        driver.press(.enter)
        WizardFlowTests.answerAvailability(driver)
        return driver
    }

    private func step(_ driver: DeskDriver) -> WizardStep? { driver.desk.wizard?.step }

    @Test func refusesADateThatDoesNotExist() {
        let driver = wizardAtTermin()
        driver.press(.control("u"))
        driver.type("31.02.2016")
        driver.press(.enter)
        #expect(step(driver) == .date)
        #expect(driver.screen.contains("Bitte ein Datum wie 05.03.2016 eingeben."))
    }

    @Test func refusesAReturnBeforeThePickup() {
        let driver = wizardAtTermin()
        driver.press(.tab, .control("u"))
        driver.type("04.03.2016")
        driver.press(.enter)
        #expect(step(driver) == .date)
        #expect(driver.screen.contains("Die Rückgabe muss nach der Abholung liegen."))
    }

    /// Today is 05.03.2016 in the fixture.
    @Test func refusesAPickupBeforeToday() {
        let driver = wizardAtTermin()
        driver.press(.control("u"))
        driver.type("04.03.2016")
        driver.press(.enter)
        #expect(step(driver) == .date)
        #expect(driver.screen.contains("Die Abholung kann nicht vor heute liegen."))
    }

    @Test func refusesARentalOfMoreThanAYearAndADay() {
        let driver = wizardAtTermin()
        driver.press(.tab, .control("u"))
        driver.type("07.03.2017")  // 367 days after the pick-up
        driver.press(.enter)
        #expect(step(driver) == .date)
        #expect(driver.screen.contains("Höchstens 366 Tage am Stück."))

        driver.press(.control("u"))
        driver.type("06.03.2017")
        driver.press(.enter)
        #expect(step(driver) == .time)
    }

    @Test func refusesADayTheBranchIsClosed() {
        let driver = DeskDriver()
        driver.logIn()
        driver.answerMonth()
        driver.press(.character("b"), .down, .enter)  // Filiale Hafen, closed on Mondays
        driver.press(.enter)
        driver.press(.control("u"))
        driver.type("07.03.2016")
        driver.press(.enter)
        #expect(step(driver) == .date)
        #expect(driver.screen.contains("Filiale Hafen ist am Mo 07.03.2016 geschlossen."))
    }

    @Test func refusesTimesOutsideTheOpeningHoursAndOutOfOrder() {
        let driver = wizardAtTermin()
        driver.press(.enter)
        driver.press(.control("u"))
        driver.type("07:00")
        driver.press(.enter)
        #expect(step(driver) == .time)
        #expect(driver.screen.contains("Filiale Nord hat von 08:00 bis 18:00 Uhr geöffnet."))
        driver.press(.control("u"))
        driver.type("17:00")
        driver.press(.tab, .control("u"))
        driver.type("12:00")
        driver.press(.enter)
        #expect(step(driver) == .time)
        #expect(driver.screen.contains("Die Rückgabe muss nach der Abholung liegen."))
        driver.press(.control("u"))
        driver.type("8 Uhr")
        driver.press(.enter)
        #expect(driver.screen.contains("Bitte eine Uhrzeit wie 08:00 eingeben."))
    }

    @Test func enterOnAnOfferTakesOneWhenNothingIsChosen() {
        let driver = wizardAtAngebot()
        driver.press(.enter)
        #expect(step(driver) == .options)
        #expect(driver.desk.wizard?.offers.chosen == [OrderItem(Fixture.bikeL.id, quantity: 1)])
    }

    @Test func quantitiesStopAtWhatIsFree() {
        let driver = DeskDriver()
        driver.logIn()
        driver.answerMonth()
        driver.press(.enter, .enter)
        driver.press(.control("u"))
        driver.type("08:00")
        driver.press(.enter)
        WizardFlowTests.answerAvailability(driver, free: 2)
        driver.type("9")
        #expect(driver.desk.wizard?.offers.chosen == [OrderItem(Fixture.bikeL.id, quantity: 2)])
        driver.press(.character("+"))
        #expect(driver.desk.wizard?.offers.chosen == [OrderItem(Fixture.bikeL.id, quantity: 2)])
    }

    @Test func anOfferSoldOutMeanwhileLeadsBackToAngebot() {
        let driver = wizardAtAngebot()
        driver.type("2")
        driver.press(.enter)
        #expect(step(driver) == .options)
        driver.answer(WizardFlowTests.isPlaceHold, with: .failure(.soldOut("sold out")))
        #expect(step(driver) == .offers)
        #expect(driver.screen.contains("Inzwischen ist nicht mehr genug frei"))
        #expect(driver.sent.contains(where: WizardFlowTests.isInterval))
    }

    @Test func theCustomerStepShowsEachProblemAtItsField() {
        let driver = wizardAtAngebot()
        driver.press(.enter)
        WizardFlowTests.answerHold(driver)
        driver.press(.enter)
        #expect(step(driver) == .customer)
        driver.press(.function(8))
        #expect(step(driver) == .customer)
        let screen = driver.screen
        #expect(screen.components(separatedBy: "Pflichtfeld: bitte ausfüllen.").count == 3)
        #expect(screen.contains("Die AGB müssen akzeptiert sein."))
        driver.type("Weiß")  // the cursor went to the first field with a problem
        driver.press(.tab)
        driver.type("weiss@")
        driver.press(.function(8))
        #expect(driver.screen.contains("So sieht keine E-Mail-Adresse aus."))
    }

    @Test func anExpiredHoldLeadsBackToAngebotWithASentence() throws {
        let driver = DeskDriver()
        WizardFlowTests.walkToConfirmation(driver)
        driver.press(.enter)
        driver.answer(WizardFlowTests.isCreate, with: .failure(.holdExpired("expired")))
        #expect(step(driver) == .offers)
        #expect(driver.screen.contains("Die Reservierung ist abgelaufen"))
        #expect(driver.desk.wizard?.heldHold == nil)
    }

    @Test func aLostAnswerKeepsTheOrderToSendAgainWithTheSameClientID() throws {
        let driver = DeskDriver()
        WizardFlowTests.walkToConfirmation(driver)
        driver.press(.enter)
        let first = try #require(driver.sent.first(where: WizardFlowTests.isCreate))
        driver.answer(WizardFlowTests.isCreate, with: .failure(.timedOut("no answer")))
        #expect(driver.screen.contains("unversandt: 1"))
        #expect(driver.screen.contains("doppelt anzulegen"))
        driver.press(.enter)
        let second = try #require(driver.sent.first(where: WizardFlowTests.isCreate))
        #expect(first == second)
    }

    @Test func aChangedPriceAsksForANewQuote() {
        let driver = DeskDriver()
        WizardFlowTests.walkToConfirmation(driver)
        driver.press(.enter)
        driver.answer(
            WizardFlowTests.isCreate, with: .failure(.conflict(.totalMismatch, "total")))
        #expect(step(driver) == .confirm)
        #expect(driver.sent.contains(where: WizardFlowTests.isQuote))
        #expect(driver.screen.contains("Der Preis hat sich inzwischen geändert"))
    }

    @Test func leavingTheWizardLetsTheHoldGo() {
        let driver = wizardAtAngebot()
        driver.press(.enter)
        WizardFlowTests.answerHold(driver)
        driver.press(.escape, .escape, .escape, .escape)
        #expect(driver.screen.contains("Die angefangene Bestellung verwerfen?"))
        driver.press(.character("j"))
        #expect(driver.desk.wizard == nil)
        #expect(driver.sent.contains(.releaseHold(HoldID(7))))
    }
}
