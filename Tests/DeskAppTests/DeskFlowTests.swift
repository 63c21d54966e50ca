import BookingAPI
import BookingCore
import DeskClient
import Foundation
import TerminalUI
import Testing

@testable import DeskApp

@Suite struct DeskFlowTests {
    @Test func showsTheLogInWithTheDemoLogins() {
        let driver = DeskDriver()
        #expect(driver.screen.contains("Anmeldung"))
        #expect(driver.screen.contains("Konto demo · Benutzer staff · Passwort demo-staff"))
        #expect(driver.screen.contains("nicht angemeldet"))
    }

    @Test func logsInAndShowsTheCalendar() {
        let driver = DeskDriver()
        driver.logIn()
        driver.answerMonth(free: 1)
        let screen = driver.screen
        #expect(screen.contains("Kalender"))
        #expect(screen.contains("März 2016"))
        #expect(screen.contains("Filiale Nord · Fahrräder · alle Angebote"))
        #expect(screen.contains("Stefan Staff  Filiale Nord"))
        #expect(screen.contains("2 frei"))
        print(screen)
    }
}
