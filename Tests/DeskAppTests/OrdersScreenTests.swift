import BookingAPI
import BookingCore
import DeskClient
import Foundation
import TerminalUI
import Testing

@testable import DeskApp

@Suite struct OrdersScreenTests {
    static func order(_ id: Int64, number: String, status: OrderStatus, from: Int, to: Int)
        -> OrderInfo
    {
        let calendar = AccountCalendar.berlin
        let day = LocalDate(year: 2016, month: 3, day: 5)!
        let draft = OrderDraft(
            branchID: Fixture.nord.id,
            start: calendar.instant(day, LocalTime(hour: from, minute: 0)!),
            end: calendar.instant(day, LocalTime(hour: to, minute: 0)!),
            offers: [OrderItem(Fixture.bikeM.id, quantity: 2)])
        return OrderInfo(
            id: OrderID(id), number: number, clientID: "c\(id)", status: status, draft: draft,
            customerID: CustomerID(id),
            customer: CustomerData(
                firstName: "Jürgen", lastName: "Weiß", email: "j@example.de", termsAccepted: true),
            priced: WizardFlowTests.priced, createdAt: Fixture.reference, takenOffline: false,
            forced: false)
    }

    private func ordersScreen() -> DeskDriver {
        let driver = DeskDriver()
        driver.logIn()
        driver.answerMonth()
        driver.press(.function(6), .function(6))
        let list = OrderList(
            orders: [
                Self.order(1, number: "2016-000001", status: .reserved, from: 9, to: 17),
                Self.order(2, number: "2016-000002", status: .pickedUp, from: 8, to: 12),
            ], nextCursor: nil)
        driver.answer(
            { if case .orders = $0 { true } else { false } }, with: .success(.orders(list)))
        return driver
    }

    @Test func listsTodaysPickupsAndReturns() {
        let driver = ordersScreen()
        let screen = driver.screen
        #expect(screen.contains("Abholungen heute"))
        #expect(screen.contains("Rückgaben heute"))
        #expect(screen.contains("2016-000001"))
        #expect(screen.contains("Jürgen Weiß"))
        #expect(screen.contains("2× Fahrrad M"))
    }

    @Test func marksAnOrderPickedUpAndRefusesToReturnAReservedOne() {
        let driver = ordersScreen()
        driver.press(.down)  // 2016-000002 picks up first, at 08:00
        driver.press(.character("r"))
        #expect(driver.screen.contains("Nur abgeholte Bestellungen können zurückgegeben werden."))
        driver.press(.character("p"))
        #expect(driver.sent.contains(.pickUpOrder(OrderID(1))))
        let picked = Self.order(1, number: "2016-000001", status: .pickedUp, from: 9, to: 17)
        driver.answer({ $0 == .pickUpOrder(OrderID(1)) }, with: .success(.order(picked)))
        #expect(driver.screen.contains("Bestellung 2016-000001 ist abgeholt."))
    }

    @Test func cancellingAsksFirst() {
        let driver = ordersScreen()
        driver.press(.down)
        driver.press(.character("x"))
        #expect(driver.screen.contains("Bestellung 2016-000001 von Jürgen Weiß stornieren?"))
        driver.press(.character("n"))
        #expect(!driver.sent.contains(.cancelOrder(OrderID(1))))
        driver.press(.character("x"), .character("j"))
        #expect(driver.sent.contains(.cancelOrder(OrderID(1))))
    }

    @Test func searchesByNumberOrName() {
        let driver = ordersScreen()
        driver.press(.character("/"))
        driver.type("Weiß")
        driver.press(.enter)
        #expect(driver.sent.contains(.orders(OrderSearch(text: "Weiß"))))
        let list = OrderList(
            orders: [Self.order(1, number: "2016-000001", status: .reserved, from: 9, to: 17)],
            nextCursor: nil)
        driver.answer({ $0 == .orders(OrderSearch(text: "Weiß")) }, with: .success(.orders(list)))
        #expect(driver.screen.contains("Suche „Weiß“"))
        driver.press(.escape)
        #expect(driver.screen.contains("Abholungen heute"))
    }

    /// Regression: after a refused key, the sentence stayed under every later search, as if
    /// it were about the orders found.
    @Test func aNewSearchClearsTheSentenceAboutTheOrderBefore() {
        let driver = ordersScreen()
        driver.press(.down, .character("r"))
        let refused = "Nur abgeholte Bestellungen können zurückgegeben werden."
        #expect(driver.screen.contains(refused))
        driver.press(.character("/"))
        driver.type("Weiß")
        driver.press(.enter)
        #expect(!driver.screen.contains(refused))
    }
}
