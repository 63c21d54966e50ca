import BookingAPI
import BookingCore
import DeskClient
import Foundation
import TerminalUI
import Testing

@testable import DeskApp

/// Staff restricted to branches or categories see only theirs in every list and choice,
/// even when an answer holds more (a server that sent too much).
@Suite struct RestrictedStaffTests {
    /// Staff who may see Filiale Hafen and the tours only.
    private static var restricted: SessionInfo {
        var session = AccountFixture.session(.staff, id: 4, name: "Nora")
        session.branchIDs = [Fixture.hafen.id]
        session.categoryIDs = [AccountFixture.tours.id]
        return session
    }

    @Test func theCatalogueKeepsOnlyTheirBranchesAndCategories() {
        let driver = DeskDriver()
        driver.logIn(as: Self.restricted)
        let session = driver.desk.session
        #expect(session?.branches.map(\.name) == ["Filiale Hafen"])
        #expect(session?.categories.map(\.name) == ["Touren"])
        #expect(session?.offers.map(\.name) == ["Stadtführung Altstadt"])
        #expect(session?.options.isEmpty == true)
        #expect(driver.screen.contains("Filiale Hafen · Touren"))
        #expect(driver.screen.contains("Nora  Filiale Hafen"))
    }

    @Test func theCachedCatalogueIsKeptToTheirsToo() {
        let driver = DeskDriver(offline: true)
        driver.logIn(as: Self.restricted)
        #expect(driver.desk.session?.branches.map(\.name) == ["Filiale Hafen"])
        #expect(driver.desk.session?.offers.map(\.name) == ["Stadtführung Altstadt"])
    }

    @Test func theBranchAndCategoryChoicesOfferOnlyTheirs() {
        let driver = DeskDriver()
        driver.logIn(as: Self.restricted)
        driver.press(.character("b"))
        #expect(driver.screen.contains("Filiale wählen"))
        #expect(driver.screen.contains("Filiale Hafen"))
        #expect(!driver.screen.contains("Filiale Nord"))
        driver.press(.escape, .character("c"))
        #expect(driver.screen.contains("Touren"))
        #expect(!driver.screen.contains("Fahrräder"))
    }

    @Test func theWizardOffersOnlyTheirBranchAndOffers() {
        let driver = DeskDriver()
        driver.logIn(as: Self.restricted)
        driver.press(.character("n"))
        driver.press(.control("u"))
        driver.type("08.03.2016")
        driver.press(.enter)
        #expect(driver.screen.contains("‹ Filiale Hafen ›"))
        driver.press(.tab, .tab, .right, .right)
        #expect(driver.screen.contains("‹ Filiale Hafen ›"))
        #expect(!driver.screen.contains("Filiale Nord"))
        driver.press(.enter)
        #expect(driver.screen.contains("Stadtführung Altstadt"))
        #expect(!driver.screen.contains("Fahrrad"))
    }
}
