import BookingAPI
import BookingCore
import DeskClient
import Foundation
import TerminalUI
import Testing

@testable import DeskApp

/// The tour guide's view on the in-memory screen: their released tours, nothing to change.
@Suite struct GuideViewTests {
    private func guideView(
        size: Size = Size(rows: 24, columns: 80), language: Language = .german
    ) -> DeskDriver {
        let driver = DeskDriver(language: language, size: size)
        driver.logIn(as: AccountFixture.guide)
        return driver
    }

    private func answerTours(_ driver: DeskDriver) {
        driver.answer(
            { $0 == .guideTours },
            with: .success(.guideTours(AccountFixture.guideTours)))
    }

    @Test func aGuideSeesOnlyTheirToursNotTheCatalogue() {
        let driver = guideView()
        #expect(driver.sent == [.guideTours])
        answerTours(driver)
        let screen = driver.screen
        let tabs = screen.split(separator: "\n").first ?? ""
        #expect(tabs.contains("Meine Touren"))
        #expect(!tabs.contains("Kalender"))
        #expect(screen.contains("Meine Touren · Greta Gerber"))
        #expect(screen.contains("Greta Gerber  Tourguide"))
        #expect(screen.contains("Stand 10:00"))
    }

    @Test func upcomingToursComeFirstThenThePastOnes() {
        let driver = guideView()
        answerTours(driver)
        let lines = driver.screen.split(separator: "\n").map(String.init)
        let sunday = lines.firstIndex { $0.contains("So 06.03.2016") && $0.contains("10:00–12:00") }
        let tuesday = lines.firstIndex {
            $0.contains("Di 08.03.2016") && $0.contains("14:00–17:00")
        }
        let past = lines.firstIndex { $0.contains("Vergangene Touren") }
        let thursday = lines.firstIndex { $0.contains("Do 03.03.2016") }
        #expect(sunday != nil && tuesday != nil && past != nil && thursday != nil)
        if let sunday, let tuesday, let past, let thursday {
            #expect(sunday < tuesday && tuesday < past && past < thursday)
        }
        #expect(lines.contains { $0.contains("Radtour zum Leuchtturm") && $0.hasSuffix("4") })
        #expect(lines.contains { $0.contains("Teilnehmer") })
        #expect(!lines.contains { $0.contains("Weinbergtour") }, "more than 30 days ago")
        #expect(lines.allSatisfy { $0.count <= 80 })
    }

    @Test func noKeyChangesAnything() {
        let driver = guideView()
        answerTours(driver)
        let keys: [Key] = [
            .character("n"), .character("x"), .character("a"), .character("r"), .character(" "),
            .delete, .insert, .enter, .backspace, .function(3), .function(4), .function(8),
            .function(6), .tab, .down, .pageDown, .up,
        ]
        for key in keys { driver.press(key) }
        #expect(driver.sent.isEmpty)
        #expect(driver.desk.tab == .myTours)
        #expect(driver.screen.contains("Stadtführung Altstadt"))
        driver.press(.function(5))
        #expect(driver.sent == [.guideTours])
    }

    @Test func theHelpListsOnlyKeysThatRead() {
        let driver = guideView()
        answerTours(driver)
        driver.press(.function(1))
        let help = driver.desk.overlay.flatMap { overlay -> [String]? in
            if case .help(let help) = overlay { return help.lines }
            return nil
        }
        let lines = help ?? []
        #expect(lines.contains { $0.contains("Zeile runter") })
        #expect(lines.contains { $0.contains("Neu laden") })
        #expect(!lines.contains { $0.contains("Ankreuzen") })
        #expect(!lines.contains { $0.contains("Bestellung") })
        #expect(!lines.contains { $0.contains("Bestätigen") })
        #expect(!lines.contains { $0.contains("Reiter") })
    }

    @Test func aLargeWindowAndEnglish() {
        let driver = guideView(size: Size(rows: 60, columns: 200), language: .english)
        answerTours(driver)
        let screen = driver.screen
        #expect(screen.contains("My tours · Greta Gerber"))
        #expect(screen.contains("Sun 06/03/2016"))
        #expect(screen.contains("Past tours"))
        #expect(screen.split(separator: "\n").allSatisfy { $0.count <= 200 })
    }

    @Test func withoutTheServerTheListComesFromTheCacheWithItsAge() throws {
        let driver = DeskDriver(offline: true)
        driver.logIn(as: AccountFixture.guide)
        answerTours(driver)
        driver.now += 12 * 60
        driver.press(.function(5))
        driver.answer({ $0 == .guideTours }, with: .failure(.offline("refused")))
        let screen = driver.screen
        // The recorder stores the list with the computer's clock, not the test's.
        #expect(screen.contains("Aus dem Speicher dieses Rechners: Stand"))
        #expect(screen.contains("OFFLINE · Touren aus dem Speicher"))
        #expect(screen.contains("Radtour zum Leuchtturm"))
    }

    @Test func aGuideReopensTheDeskWithoutTheServer() throws {
        let first = DeskDriver(offline: true)
        first.logIn(as: AccountFixture.guide)
        answerTours(first)
        let folder = try #require(first.store?.folder)
        let again = DeskDriver(offline: true, folder: folder)
        again.now += 3600
        again.type("greta gerber")
        again.press(.tab)
        again.type("geheim")
        again.press(.enter)
        again.answer(
            { if case .logIn = $0 { true } else { false } }, with: .failure(.offline("refused")))
        let screen = again.screen
        #expect(screen.contains("Meine Touren · Greta Gerber"))
        #expect(screen.contains("Stadtführung Altstadt"))
        #expect(screen.contains("Aus dem Speicher dieses Rechners: Stand"))
        #expect(screen.contains("die Touren kommen aus dem Speicher"))
        #expect(again.sent.filter { $0 == .guideTours }.isEmpty, "answered by the cache")
    }

    @Test func withNothingCachedTheViewSaysSo() {
        let driver = DeskDriver(offline: true)
        driver.logIn(as: AccountFixture.guide)
        driver.answer({ $0 == .guideTours }, with: .failure(.offline("refused")))
        #expect(driver.screen.contains("Tourliste gespeichert."))
    }

    @Test func theCachedListSaysHowOldItIs() {
        var screen = GuideToursScreen()
        let context = DeskContext(
            text: MessageCatalog(.german), keymap: DeskDriver.keymap, now: Fixture.reference,
            session: DeskSession(info: AccountFixture.guide), isOnline: false)
        screen.show(
            AccountFixture.guideTours, fetchedAt: Fixture.reference - 12 * 60, source: .cache,
            context: context)
        let terminal = MemoryTerminal(size: Size(rows: 20, columns: 78))
        Renderer(terminal: terminal).render { screen.draw(in: $0, context: context) }
        #expect(
            terminal.text.contains("Aus dem Speicher dieses Rechners: Stand 09:48 (vor 12 Min.)."))
    }

    @Test func theSyncLoopAsksAGuideForNothingOfTheCounter() {
        let driver = DeskDriver(offline: true)
        driver.logIn(as: AccountFixture.guide)
        answerTours(driver)
        for _ in 0..<3 {
            driver.now += 120
            driver.handle(.tick)
            driver.answer(
                { $0 == .health }, with: .success(.health(Health(status: "ok", version: "1"))))
        }
        #expect(driver.sent.isEmpty, "\(driver.sent)")
        driver.press(.function(5))
        driver.answer({ $0 == .guideTours }, with: .failure(.offline("refused")))
        driver.now += Connection.checkWhileOffline
        driver.handle(.tick)
        driver.answer(
            { $0 == .health }, with: .success(.health(Health(status: "ok", version: "1"))))
        #expect(driver.sent == [.guideTours], "back online, only the tours again")
        #expect(driver.screen.contains("Stadtführung Altstadt"))
    }

    @Test func theEmbeddedDefaultShowsTheGuidesAndNorasDemoLogIns() {
        let desk = Desk(
            text: MessageCatalog(.german), keymap: DeskDriver.keymap, serverLabel: "eingebaut",
            shownLogins: EmbeddedServer.shownLogins)
        let terminal = MemoryTerminal(size: Size(rows: 24, columns: 80))
        Renderer(terminal: terminal).render { desk.draw(in: $0, now: Fixture.reference) }
        #expect(terminal.text.contains("Konto demo · Benutzer nord · Passwort demo-nord (Theke)"))
        #expect(
            terminal.text.contains("Konto demo · Benutzer guide · Passwort demo-guide (Tourguide)"))
    }

    @Test func aRefusalIsASentence() {
        let driver = guideView()
        driver.answer({ $0 == .guideTours }, with: .failure(.forbidden("guides only")))
        #expect(driver.screen.contains("Das ist für diesen Benutzer nicht erlaubt."))
    }
}
