import Foundation
import Testing

@testable import DeskApp

@Suite struct ConnectionTests {
    private let start = Date(timeIntervalSince1970: 1_457_164_800)

    @Test func anOutageStartsOnceAndEndsWithTheNextAnswer() {
        var connection = Connection()
        #expect(connection.answered(at: start) == false)
        #expect(connection.unreachable(at: start + 1) == true)
        #expect(connection.unreachable(at: start + 2) == false)
        #expect(!connection.isOnline)
        #expect(connection.lastSync == start)
        #expect(connection.answered(at: start + 9) == true)
        #expect(connection.isOnline)
        #expect(connection.lastSync == start + 9)
    }

    @Test func checksOftenWhileOfflineAndRarelyWhileOnline() {
        var connection = Connection()
        #expect(!connection.isCheckDue(at: start))
        connection.unreachable(at: start)
        #expect(!connection.isCheckDue(at: start + 2))
        #expect(connection.isCheckDue(at: start + 3))
        connection.answered(at: start + 3)
        let next = start + 3 + Connection.checkWhileOnline
        #expect(!connection.isCheckDue(at: next - 1))
        #expect(connection.isCheckDue(at: next))
    }
}

@Suite struct AvailabilityLevelTests {
    @Test func classifiesFreeFewNoneAndClosed() {
        #expect(AvailabilityLevel(free: 5, stock: 8, closed: false) == .free)
        #expect(AvailabilityLevel(free: 2, stock: 8, closed: false) == .few)
        #expect(AvailabilityLevel(free: 1, stock: 2, closed: false) == .few)
        #expect(AvailabilityLevel(free: 2, stock: 2, closed: false) == .free)
        #expect(AvailabilityLevel(free: 0, stock: 2, closed: false) == .none)
        #expect(AvailabilityLevel(free: -1, stock: 2, closed: false) == .none)
        #expect(AvailabilityLevel(free: 3, stock: 3, closed: true) == .closed)
        #expect(AvailabilityLevel(free: nil, stock: nil, closed: false) == .free)
    }
}

@Suite struct WizardStepTests {
    @Test func stepsRunInTheOrderOfTheCounter() {
        #expect(
            WizardStep.allCases.map(\.label) == [
                .stepDate, .stepTime, .stepOffers, .stepOptions, .stepCustomer, .stepConfirm,
            ])
        #expect(WizardStep.date.previous == nil)
        #expect(WizardStep.confirm.next == nil)
        #expect(WizardStep.offers.next == .options)
    }
}
