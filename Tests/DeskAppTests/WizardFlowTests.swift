import BookingAPI
import BookingCore
import DeskClient
import Foundation
import TerminalUI
import Testing

@testable import DeskApp

/// The reference walk-in of the design, key by key, with the server's answers made up.
@Suite struct WizardFlowTests {
    static func isInterval(_ request: BookingCall) -> Bool {
        if case .intervalAvailability = request { return true }
        return false
    }

    static func isPlaceHold(_ request: BookingCall) -> Bool {
        if case .createHold = request { return true }
        return false
    }

    static func isRelease(_ request: BookingCall) -> Bool {
        if case .releaseHold = request { return true }
        return false
    }

    static func isQuote(_ request: BookingCall) -> Bool {
        if case .quote = request { return true }
        return false
    }

    static func isCreate(_ request: BookingCall) -> Bool {
        if case .createOrder = request { return true }
        return false
    }

    /// Answers the open interval availability: every offer and option with `free` units.
    static func answerAvailability(_ driver: DeskDriver, free: Int = 6) {
        guard let request = driver.sent.first(where: isInterval),
            case .intervalAvailability(let start, let end, _) = request
        else { return }
        let rows = (Fixture.offers + Fixture.options).map {
            IntervalAvailability.OfferFree(offerID: $0.id, free: min(free, $0.stock ?? free))
        }
        driver.answer(
            { $0 == request },
            with: .success(
                .intervalAvailability(
                    IntervalAvailability(start: start, end: end, offers: rows))))
    }

    static func answerHold(_ driver: DeskDriver, id: Int64 = 7) {
        guard let request = driver.sent.first(where: isPlaceHold),
            case .createHold(let draft) = request
        else { return }
        let hold = HoldInfo(id: HoldID(id), draft: draft, expiresAt: Fixture.reference + 600)
        driver.answer({ $0 == request }, with: .success(.hold(hold)))
    }

    static let priced = PricedOrder(
        lines: [
            .init(
                offerID: Fixture.bikeM.id, name: "Fahrrad M", kind: .rental, quantity: 2,
                persons: 1, units: 1, priceUnit: .perBooking, unitPrice: Money(cents: 0),
                total: Money(cents: 0), vatRate: .standard, vat: Money(cents: 0)),
            .init(
                offerID: Fixture.trailer.id, name: "Fahrradanhänger", kind: .option,
                quantity: 1, persons: 1, units: 1, priceUnit: .perBooking,
                unitPrice: Money(cents: 1000), total: Money(cents: 1000), vatRate: .standard,
                vat: Money(cents: 160)),
        ],
        vatTotals: [.init(rate: .standard, amount: Money(cents: 160))], total: Money(cents: 1000),
        prepayment: Money(cents: 500), prepaymentDue: LocalDate(year: 2016, month: 3, day: 10)!,
        vatRounding: "half_up_per_line")

    /// Logs in and walks to Bestätigung with the reference order, answering as a server.
    static func walkToConfirmation(_ driver: DeskDriver) {
        driver.logIn()
        driver.answerMonth()
        walkFromCalendar(driver)
    }

    /// From the calendar to Bestätigung with the reference order; what the desk asks of
    /// the server is answered as a server would, what it answers itself needs nothing.
    static func walkFromCalendar(_ driver: DeskDriver, pickup: String = "08:00") {
        driver.press(.enter)  // the chosen day: 05.03.2016
        driver.press(.enter)  // Termin: same day back
        driver.press(.control("u"))
        driver.type(pickup)
        driver.press(.enter)  // Zeit: 08:00 to 18:00 at Filiale Nord
        answerAvailability(driver)
        driver.press(.down)
        driver.type("2")
        driver.press(.enter)  // Angebot: Fahrrad M × 2
        answerHold(driver)
        #expect(driver.screen.contains("Option "))
        driver.type("1")
        driver.press(.enter)  // Optionen: Fahrradanhänger × 1
        driver.answer(isRelease, with: .success(.done))
        answerHold(driver, id: 8)
        driver.press(.enter)  // Anrede: none
        driver.type("Jürgen")
        driver.press(.enter)
        driver.type("Weiß")
        driver.press(.enter)
        driver.type("j.weiss@example.de")
        for _ in 0..<8 { driver.press(.enter) }
        driver.press(.character(" "))  // AGB akzeptiert
        driver.press(.enter)
        driver.answer(isQuote, with: .success(.quote(priced)))
    }

    @Test func takesTheReferenceBikeOrder() throws {
        let driver = DeskDriver()
        Self.walkToConfirmation(driver)
        let confirmation = driver.screen
        #expect(confirmation.contains("6 Bestätigung"))
        #expect(confirmation.contains("Kunde: Jürgen Weiß, j.weiss@example.de"))
        #expect(confirmation.contains("2× Fahrrad M"))
        #expect(confirmation.contains("Fahrradanhänger"))
        #expect(confirmation.contains("enthaltene MwSt. 19 %"))
        #expect(confirmation.contains("1,60 €"))
        #expect(confirmation.contains("Anzahlung 50 %, fällig am 10.03.2016"))
        #expect(confirmation.contains("Summe 10,00 €"))

        driver.press(.enter)
        let sent = try #require(driver.take(Self.isCreate).first)
        guard case .createOrder(let request) = sent else { return }
        #expect(request.expectedTotal == Money(cents: 1000))
        #expect(request.holdID == HoldID(8))
        #expect(request.draft.offers == [OrderItem(Fixture.bikeM.id, quantity: 2)])
        #expect(request.draft.options == [OrderItem(Fixture.trailer.id, quantity: 1)])
        #expect(request.customer.lastName == "Weiß")
        #expect(request.customer.country == "Deutschland")
        let local = AccountCalendar.berlin.local(request.draft.start)
        #expect(local.time == LocalTime(hour: 8, minute: 0))
        #expect(
            AccountCalendar.berlin.local(request.draft.end).time == LocalTime(hour: 18, minute: 0))

        let order = OrderInfo(
            id: OrderID(1), number: "2016-000001", clientID: request.clientID, status: .reserved,
            draft: request.draft, customerID: CustomerID(1), customer: request.customer,
            priced: Self.priced, createdAt: Fixture.reference, takenOffline: false, forced: false)
        driver.handle(.reply(DeskReply(request: sent, result: .success(.order(order)))))
        #expect(driver.screen.contains("Bestellung 2016-000001 ist angelegt."))

        driver.press(.enter)
        #expect(driver.screen.contains("März 2016"))
        #expect(driver.sent.contains { if case .monthAvailability = $0 { true } else { false } })
    }

    /// Regression: figures arriving while a name is typed in Angebot's search used to end
    /// the search, so the next Enter left the step with the wrong offer.
    @Test func aSearchInAngebotSurvivesFiguresArrivingMeanwhile() {
        let driver = DeskDriver()
        driver.logIn()
        driver.answerMonth()
        driver.press(.enter, .enter, .enter)
        driver.press(.character("/"))
        driver.type("Fahrrad")
        Self.answerAvailability(driver, free: 4)
        driver.type(" M")
        driver.press(.enter)
        driver.type("2")
        driver.press(.enter)
        guard case .createHold(let draft)? = driver.take(Self.isPlaceHold).first else {
            Issue.record("no hold was placed")
            return
        }
        #expect(draft.offers == [OrderItem(Fixture.bikeM.id, quantity: 2)])
    }

    /// Regression: in Daten the cursor starts on the salutation, which took no text, so a
    /// name typed at once (as the README's walk-through says) vanished without a word.
    @Test func aNameTypedOnTheSalutationGoesToTheFirstName() {
        let driver = DeskDriver()
        driver.logIn()
        driver.answerMonth()
        driver.press(.enter, .enter, .enter)
        Self.answerAvailability(driver)
        driver.press(.down)
        driver.type("2")
        driver.press(.enter)
        Self.answerHold(driver)
        driver.press(.enter)
        #expect(driver.screen.contains("AGB akzeptiert"))
        driver.type("Jürgen")
        let line = driver.screen.split(separator: "\n").first { $0.contains("Vorname") }
        #expect(line?.contains("Vorname          Jürgen") == true)
        driver.press(.character("+"))
        #expect(driver.screen.contains("‹ – ›"), "+ on the first name is text, not the salutation")
    }

    /// Regression: at 80×24 the hold time cut the German hint short ("Ziffer: Me…").
    @Test func theHintAndTheHoldTimeBothFitAt80Columns() {
        let driver = DeskDriver()
        driver.logIn()
        driver.answerMonth()
        driver.press(.enter, .enter, .enter)
        Self.answerAvailability(driver)
        driver.press(.down)
        driver.type("2")
        driver.press(.enter)
        Self.answerHold(driver)
        let screen = driver.screen
        #expect(screen.contains("Reserviert bis"))
        #expect(screen.contains("Enter weiter · Escape zurück · +/- oder Zahl: Menge"))
    }
}
