import BookingAPI
import BookingCore
import DeskClient
import Foundation
import OfflineCache
import TerminalUI
import Testing

@testable import DeskApp

/// The desk with its real cache and outbox (SQLite files in a temporary folder), driven
/// key by key with made-up answers: every order through the outbox, offline work from the
/// cache, the Sync tab, log-out and the offline unlock.
@Suite struct OfflineDeskTests {
    static func isMonth(_ call: BookingCall) -> Bool {
        if case .monthAvailability = call { return true }
        return false
    }

    static func isOrderChanges(_ call: BookingCall) -> Bool {
        if case .orderChanges = call { return true }
        return false
    }

    static let unreachable = DeskClientError.offline("Couldn't connect to server")

    /// Logged in with the calendar's month answered (and so cached), the background sync
    /// answered with nothing new.
    static func loggedIn(_ driver: DeskDriver, free: Int = 3) {
        driver.logIn()
        driver.answerMonth(free: free)
        driver.answer(
            isOrderChanges,
            with: .success(
                .orderChanges(
                    ChangedOrders(orders: [], cursor: "1", more: false, replacesAll: true))
            ))
        // The background refresh of the next months, one per branch and month.
        while driver.sent.contains(where: isMonth) { driver.answerMonth(free: free) }
    }

    /// The server goes away: the next request fails and the desk switches to offline.
    static func goOffline(_ driver: DeskDriver) {
        driver.press(.function(5))
        driver.answer(isMonth, with: .failure(unreachable))
    }

    /// The server answers the desk's next health check again.
    static func comeBack(_ driver: DeskDriver) {
        driver.now += Connection.checkWhileOffline
        driver.handle(.tick)
        driver.answer(
            { $0 == .health }, with: .success(.health(Health(status: "ok", version: "1"))))
    }

    /// The server's order for an outbox request.
    static func order(
        for request: CreateOrderRequest, id: Int64 = 1, number: String = "2016-000001"
    ) -> OrderInfo {
        OrderInfo(
            id: OrderID(id), number: number, clientID: request.clientID, status: .reserved,
            draft: request.draft, customerID: CustomerID(1), customer: request.customer,
            priced: WizardFlowTests.priced, createdAt: Fixture.reference,
            takenOffline: request.takenOffline, forced: request.force)
    }

    @Test func anOrderIsInTheOutboxBeforeItIsFirstSent() throws {
        let driver = DeskDriver(offline: true)
        let store = try #require(driver.store)
        WizardFlowTests.walkToConfirmation(driver)
        driver.press(.enter)

        let entry = try #require(try store.outbox.entries().first)
        #expect(entry.state == .pending)
        #expect(entry.kind == .walkIn)
        #expect(!entry.request.takenOffline && !entry.request.force)
        #expect(driver.screen.contains("Bestellung \(entry.provisionalNumber) ist gespeichert"))
        let sent = try #require(driver.sent.first(where: WizardFlowTests.isCreate))
        #expect(sent == .createOrder(entry.request))

        driver.answer(
            WizardFlowTests.isCreate, with: .success(.order(Self.order(for: entry.request))))
        #expect(driver.screen.contains("Bestellung 2016-000001 ist angelegt."))
        #expect(try store.outbox.entry(clientID: entry.clientID)?.state == .sent)
        #expect(try store.cache.order(clientID: entry.clientID)?.number == "2016-000001")
        #expect(driver.screen.contains("unversandt: 0"))
    }

    @Test func offlineTheMonthComesFromTheCacheUnderABannerWithItsAge() {
        let driver = DeskDriver(offline: true)
        Self.loggedIn(driver, free: 3)
        driver.now += 300
        Self.goOffline(driver)

        let screen = driver.screen
        #expect(screen.contains("OFFLINE · Stand 10:00 (vor 5 Min.)"))
        #expect(screen.contains("○ offline"))
        #expect(screen.contains("6 von 11 frei"))
        #expect(screen.split(separator: "\n").allSatisfy { $0.count <= 80 })

        driver.press(.pageDown)
        #expect(driver.screen.contains("April 2016"))
        #expect(driver.screen.contains("6 von 11 frei"))
        driver.press(.pageDown, .pageDown)
        #expect(driver.screen.contains("Ohne Server liegen für diesen Monat keine Zahlen vor."))
        #expect(!driver.sent.contains(where: Self.isMonth))
    }

    @Test func aWalkInTakenOfflineIsForcedAndSentWhenTheServerIsBack() throws {
        let driver = DeskDriver(offline: true)
        let store = try #require(driver.store)
        Self.loggedIn(driver)
        Self.goOffline(driver)
        WizardFlowTests.walkFromCalendar(driver)
        #expect(driver.screen.contains("Summe 10,00 €"))
        #expect(driver.screen.contains("Übergabe jetzt an der Theke"))
        driver.press(.enter)

        let entry = try #require(try store.outbox.unsent().first)
        #expect(entry.request.takenOffline && entry.request.force)
        #expect(driver.screen.contains("Ohne Server angenommen"))
        #expect(driver.screen.contains("Bestellung \(entry.provisionalNumber) ist gespeichert"))
        #expect(!driver.sent.contains(where: WizardFlowTests.isCreate))
        driver.press(.enter)
        #expect(driver.screen.contains("unversandt: 1"))

        Self.comeBack(driver)
        #expect(driver.screen.contains("● online"))
        let sent = try #require(driver.sent.first(where: WizardFlowTests.isCreate))
        #expect(sent == .createOrder(entry.request))
        driver.answer(
            WizardFlowTests.isCreate, with: .success(.order(Self.order(for: entry.request))))
        #expect(try store.outbox.unsentCount() == 0)
        #expect(driver.screen.contains("unversandt: 0"))
    }

    @Test func aReservationTakenOfflineIsNotForced() throws {
        let driver = DeskDriver(offline: true)
        let store = try #require(driver.store)
        Self.loggedIn(driver)
        Self.goOffline(driver)
        driver.press(.right)  // Sunday: tomorrow
        WizardFlowTests.walkFromCalendar(driver)
        #expect(driver.screen.contains("Reservierung"))
        driver.press(.enter)
        let entry = try #require(try store.outbox.unsent().first)
        #expect(entry.kind == .reservation)
        #expect(entry.request.takenOffline && !entry.request.force)
        #expect(driver.screen.contains("erscheint sie unter Abgleich"))
    }

    @Test func cancellingWaitsForTheNetworkWithASentence() throws {
        let driver = DeskDriver(offline: true)
        let store = try #require(driver.store)
        Self.loggedIn(driver)
        let request = CreateOrderRequest(
            clientID: Outbox.newClientID(),
            draft: OrderDraft(
                branchID: Fixture.nord.id, start: Fixture.reference + 3600,
                end: Fixture.reference + 7200, offers: [OrderItem(Fixture.bikeM.id)]),
            customer: CustomerData(lastName: "Fuchs", email: "f@example.org", termsAccepted: true),
            expectedTotal: .zero())
        try store.cache.storeOrders([Self.order(for: request)], now: driver.now)
        Self.goOffline(driver)
        driver.press(.function(6), .function(6))  // the orders tab, from the cache
        #expect(driver.screen.contains("2016-000001"))
        #expect(driver.screen.contains("Fuchs"))
        driver.press(.character("x"))
        // Said at once, without first asking a question whose "Ja" could not be done.
        #expect(!driver.screen.contains("[ Ja ]"))
        #expect(
            driver.screen.contains("Stornieren geht nur mit dem Server. Bitte warten, bis er"))
        #expect(!driver.sent.contains { if case .cancelOrder = $0 { true } else { false } })
    }

    @Test func logOutIsRefusedWhileOrdersAreUnsentAndWipesTheCacheAfter() throws {
        let driver = DeskDriver(offline: true)
        let store = try #require(driver.store)
        Self.loggedIn(driver)
        Self.goOffline(driver)
        WizardFlowTests.walkFromCalendar(driver)
        driver.press(.enter, .enter)
        driver.press(.function(12))
        #expect(
            driver.screen.contains("Abmelden geht nicht: 1 Bestellung ist noch nicht beim Server"))
        #expect(try store.cache.session() != nil)

        Self.comeBack(driver)
        guard case .createOrder(let request)? = driver.sent.first(where: WizardFlowTests.isCreate)
        else {
            Issue.record("the outbox order was not sent")
            return
        }
        driver.answer(WizardFlowTests.isCreate, with: .success(.order(Self.order(for: request))))
        driver.press(.function(12))
        #expect(driver.screen.contains("Abgemeldet."))
        #expect(driver.screen.contains("Anmeldung"))
        #expect(driver.sent.contains(.logOut))
        #expect(try store.cache.session() == nil)
        #expect(try store.unlock.lastUser() == nil)
    }

    @Test func theLastUserUnlocksOfflineAndLogsInWhenTheServerIsBack() throws {
        let first = DeskDriver(offline: true)
        let folder = try #require(first.folder)
        Self.loggedIn(first)
        first.press(.function(10))

        let driver = DeskDriver(offline: true, folder: folder)
        driver.type("staff")
        driver.press(.tab)
        driver.type("falsch")
        driver.press(.enter)
        driver.answer(
            { if case .logIn = $0 { true } else { false } }, with: .failure(Self.unreachable))
        #expect(driver.screen.contains("nicht. Noch 4 Versuche."))

        driver.type("demo-staff")
        driver.press(.enter)
        driver.answer(
            { if case .logIn = $0 { true } else { false } }, with: .failure(Self.unreachable))
        #expect(driver.screen.contains("Ohne Server angemeldet als Stefan Staff."))
        #expect(driver.screen.contains("März 2016"))
        #expect(driver.screen.contains("6 von 11 frei"))
        #expect(driver.screen.contains("OFFLINE"))

        Self.comeBack(driver)
        // The log-in goes first; nothing needing a session went out without one.
        #expect(driver.sent.allSatisfy { if case .logIn = $0 { true } else { false } })
        driver.answer(
            { if case .logIn = $0 { true } else { false } },
            with: .success(.loggedIn(Fixture.login)))
        #expect(!driver.screen.contains("OFFLINE"))
        #expect(driver.sent.contains { if case .catalogueChanges = $0 { true } else { false } })
        #expect(driver.sent.contains(where: Self.isOrderChanges))
        try? FileManager.default.removeItem(atPath: folder)
    }

    @Test func theLogInScreenOffersTheUnlockWhenTheDeskStartsWithoutTheServer() throws {
        let first = DeskDriver(offline: true)
        let folder = try #require(first.folder)
        Self.loggedIn(first)
        let driver = DeskDriver(offline: true, folder: folder)
        driver.handle(.tick)
        driver.answer({ $0 == .health }, with: .failure(Self.unreachable))
        #expect(driver.screen.contains("Server nicht erreichbar: ohne ihn meldet sich staff"))
        // Account and user are filled in; the password is all that is left to type.
        driver.type("demo-staff")
        driver.press(.enter)
        guard case .logIn(let request)? = driver.sent.first else {
            Issue.record("no log-in sent")
            return
        }
        #expect(request.account == "demo" && request.username == "staff")
        driver.answer(
            { if case .logIn = $0 { true } else { false } }, with: .failure(Self.unreachable))
        #expect(driver.screen.contains("Ohne Server angemeldet als Stefan Staff."))
        try? FileManager.default.removeItem(atPath: folder)
    }

    @Test func fiveWrongPasswordsLockTheOfflineUnlock() throws {
        let first = DeskDriver(offline: true)
        let folder = try #require(first.folder)
        Self.loggedIn(first)
        let driver = DeskDriver(offline: true, folder: folder)
        driver.type("staff")
        driver.press(.tab)
        for _ in 0..<OfflineUnlock.maximumFailures {
            driver.type("falsch")
            driver.press(.enter)
            driver.answer(
                { if case .logIn = $0 { true } else { false } }, with: .failure(Self.unreachable))
        }
        driver.type("demo-staff")
        driver.press(.enter)
        driver.answer(
            { if case .logIn = $0 { true } else { false } }, with: .failure(Self.unreachable))
        #expect(driver.screen.contains("Zu viele falsche Passwörter."))
        #expect(driver.screen.contains("Anmeldung"))
        try? FileManager.default.removeItem(atPath: folder)
    }

    @Test func anotherUserCannotUnlockOffline() throws {
        let first = DeskDriver(offline: true)
        let folder = try #require(first.folder)
        Self.loggedIn(first)
        let driver = DeskDriver(offline: true, folder: folder)
        driver.type("admin")
        driver.press(.tab)
        driver.type("demo-admin")
        driver.press(.enter)
        driver.answer(
            { if case .logIn = $0 { true } else { false } }, with: .failure(Self.unreachable))
        #expect(driver.screen.contains("Desk nur staff (Konto demo) anmelden."))
        try? FileManager.default.removeItem(atPath: folder)
    }

    @Test func aSlowRequestStartsAProbeThatFindsTheServerGone() {
        let driver = DeskDriver(offline: true)
        Self.loggedIn(driver)
        driver.press(.function(5))
        #expect(driver.sent.contains(where: Self.isMonth))
        driver.now += 1
        driver.handle(.tick)
        #expect(!driver.sent.contains(.health))
        driver.now += 0.5
        driver.handle(.tick)
        #expect(driver.sent.contains(.health))
        driver.answer({ $0 == .health }, with: .failure(.timedOut("2000 ms")))
        #expect(driver.screen.contains("○ offline"))
    }

    @Test func aSilentServerFoundGoneByTheProbeReleasesTheWaitingOrder() throws {
        let driver = DeskDriver(offline: true)
        let store = try #require(driver.store)
        WizardFlowTests.walkToConfirmation(driver)
        driver.press(.enter)
        #expect(driver.sent.contains(where: WizardFlowTests.isCreate))
        driver.now += Connection.slowAfter
        driver.handle(.tick)
        driver.answer({ $0 == .health }, with: .failure(.timedOut("2000 ms")))
        let entry = try #require(try store.outbox.unsent().first)
        #expect(driver.screen.contains("Ohne Server angenommen"))
        #expect(driver.screen.contains("Bestellung \(entry.provisionalNumber) ist gespeichert"))
        // The answer that comes late still counts: the order is sent, the wizard is done.
        driver.answer(
            WizardFlowTests.isCreate, with: .success(.order(Self.order(for: entry.request))))
        #expect(try store.outbox.unsentCount() == 0)
    }

    @Test func aRefusedReservationBecomesAConflictResolvedWithAnotherOffer() throws {
        let driver = DeskDriver(size: Size(rows: 30, columns: 120), offline: true)
        let store = try #require(driver.store)
        Self.loggedIn(driver)
        Self.goOffline(driver)
        driver.press(.right)
        WizardFlowTests.walkFromCalendar(driver)
        driver.press(.enter, .enter)
        let taken = try #require(try store.outbox.unsent().first)

        Self.comeBack(driver)
        driver.answer(WizardFlowTests.isCreate, with: .failure(.soldOut("no units left")))
        #expect(
            driver.screen.contains(
                "Der Server hat Bestellung \(taken.provisionalNumber) abgelehnt (ausgebucht)"))
        driver.press(.backTab)
        #expect(driver.screen.contains("Konflikt: ausgebucht"))
        #expect(driver.screen.contains("zu klären: 1"))

        driver.press(.character("a"))
        #expect(driver.screen.contains("3 Angebot"))
        WizardFlowTests.answerAvailability(driver, free: 1)
        driver.press(.character("0"))  // Fahrrad M: none
        driver.press(.up)
        driver.type("1")  // Fahrrad L instead
        driver.press(.function(8))
        WizardFlowTests.answerHold(driver)
        driver.press(.function(8), .function(8))
        driver.answer(WizardFlowTests.isQuote, with: .success(.quote(WizardFlowTests.priced)))
        driver.press(.enter)

        let replaced = try #require(try store.outbox.unsent().first)
        #expect(replaced.provisionalNumber == taken.provisionalNumber)
        #expect(replaced.clientID != taken.clientID)
        #expect(replaced.request.draft.offers.map(\.offerID).contains(Fixture.bikeL.id))
        #expect(try store.outbox.conflicts().isEmpty)
        #expect(driver.sent.contains(.createOrder(replaced.request)))
    }

    @Test func aRefusedOrderCanBeGivenUpAfterAQuestion() throws {
        let driver = DeskDriver(offline: true)
        let store = try #require(driver.store)
        Self.loggedIn(driver)
        Self.goOffline(driver)
        driver.press(.right)
        WizardFlowTests.walkFromCalendar(driver)
        driver.press(.enter, .enter)
        Self.comeBack(driver)
        driver.answer(WizardFlowTests.isCreate, with: .failure(.soldOut("gone")))
        driver.press(.backTab)
        driver.press(.character("x"))
        #expect(driver.screen.contains("nicht anlegen? Sie bleibt als"))
        driver.press(.character("j"))
        #expect(try store.outbox.unsentCount() == 0)
        #expect(try store.outbox.entries(in: [.cancelled]).count == 1)
        #expect(driver.screen.contains("wird nicht angelegt."))
        driver.press(.function(12))
        #expect(driver.screen.contains("Abgemeldet."))
    }

    @Test func aForcedWalkInsShortageIsListedAndMarkedDone() throws {
        let driver = DeskDriver(size: Size(rows: 30, columns: 120), offline: true)
        let store = try #require(driver.store)
        Self.loggedIn(driver)
        Self.goOffline(driver)
        WizardFlowTests.walkFromCalendar(driver)
        driver.press(.enter, .enter)
        Self.comeBack(driver)
        guard case .createOrder(let request)? = driver.sent.first(where: WizardFlowTests.isCreate)
        else {
            Issue.record("the walk-in was not sent")
            return
        }
        let forced = Self.order(for: request, id: 5, number: "2016-000005")
        #expect(forced.forced)
        driver.answer(WizardFlowTests.isCreate, with: .success(.order(forced)))
        // Another desk reserved every bike from noon; the refresh brings it.
        var noon = Self.order(for: request, id: 6, number: "2016-000006")
        noon.clientID = Outbox.newClientID()
        noon.forced = false
        noon.draft.start = Fixture.reference + 2 * 3600
        noon.draft.offers = [OrderItem(Fixture.bikeM.id, quantity: 6)]
        noon.draft.options = []
        driver.answer(
            Self.isOrderChanges,
            with: .success(
                .orderChanges(
                    ChangedOrders(
                        orders: [forced, noon], cursor: "9", more: false, replacesAll: false)
                )))
        #expect(driver.screen.contains("Ein Walk-in lässt spätere Aufträge ohne Einheit."))
        driver.press(.backTab)
        #expect(driver.screen.contains("Engpass: 2 zu wenig"))
        #expect(driver.screen.contains("2016-000006: 2× Fahrrad M zu wenig wegen Walk-in V-"))
        driver.press(.function(12))
        #expect(driver.screen.contains("Abmelden geht nicht: 1 Engpass ist unter Abgleich noch"))
        driver.press(.character("e"))
        #expect(driver.screen.contains("Engpass bei Auftrag 2016-000006 ist erledigt."))
        #expect(try store.outbox.conflicts().isEmpty)
    }

    @Test func anEndedSessionWipesTheCacheAndKeepsTheOutbox() throws {
        let driver = DeskDriver(offline: true)
        let store = try #require(driver.store)
        Self.loggedIn(driver)
        Self.goOffline(driver)
        WizardFlowTests.walkFromCalendar(driver)
        driver.press(.enter, .enter)
        Self.comeBack(driver)
        driver.answer(WizardFlowTests.isCreate, with: .failure(.sessionEnded))
        #expect(driver.screen.contains("gehen nach der Anmeldung hinaus."))
        #expect(driver.screen.contains("Anmeldung"))
        #expect(try store.cache.session() == nil)
        #expect(try store.outbox.unsentCount() == 1)
    }

    @Test func aDamagedCacheIsReportedAtTheStartAndTheOutboxKept() throws {
        let folder = NSTemporaryDirectory() + "desk-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            // A day's work with one order unsent; the desk is closed (its files too).
            let first = DeskDriver(offline: true, folder: folder)
            Self.loggedIn(first)
            Self.goOffline(first)
            WizardFlowTests.walkFromCalendar(first)
            first.press(.enter, .enter)
        }
        let garbage = Data(repeating: 0x5A, count: 8192)
        try garbage.write(to: URL(fileURLWithPath: folder + "/" + Cache.fileName))

        let driver = DeskDriver(offline: true, folder: folder)
        #expect(driver.screen.contains("Der Zwischenspeicher war beschädigt und ist neu"))
        #expect(driver.screen.contains("unversandt: 1"))
        #expect(try driver.store?.outbox.unsentCount() == 1)
        #expect(FileManager.default.fileExists(atPath: folder + "/" + Cache.fileName + ".damaged"))
    }

    @Test func withoutACachedCatalogueTheDeskWaitsForTheServerAndAsksAgain() {
        let driver = DeskDriver(offline: true)
        driver.type("staff")
        driver.press(.tab)
        driver.type("demo-staff")
        driver.press(.enter)
        driver.answer(
            { if case .logIn = $0 { true } else { false } },
            with: .success(.loggedIn(Fixture.login)))
        driver.answer(
            { if case .catalogueChanges = $0 { true } else { false } },
            with: .failure(Self.unreachable))
        #expect(driver.screen.contains("hat keines gespeichert"))
        Self.comeBack(driver)
        driver.answer(
            { if case .catalogueChanges = $0 { true } else { false } },
            with: .success(.catalogueChanges(Fixture.catalogue)))
        #expect(driver.screen.contains("März 2016"))
    }

    @Test func walkInsAreHandedOverNowAndEverythingLaterIsAReservation() {
        let context = DeskContext(
            text: MessageCatalog(.german), keymap: DeskDriver.keymap, now: Fixture.reference,
            session: DeskSession(info: Fixture.session))
        func draft(from start: Date) -> OrderDraft {
            OrderDraft(
                branchID: Fixture.nord.id, start: start, end: start + 3600,
                offers: [OrderItem(Fixture.bikeM.id)])
        }
        #expect(OrderWizard.kind(of: draft(from: Fixture.reference), context: context) == .walkIn)
        #expect(
            OrderWizard.kind(of: draft(from: Fixture.reference - 7200), context: context)
                == .walkIn)
        #expect(
            OrderWizard.kind(of: draft(from: Fixture.reference + 600), context: context)
                == .walkIn)
        #expect(
            OrderWizard.kind(of: draft(from: Fixture.reference + 3600), context: context)
                == .reservation)
        #expect(
            OrderWizard.kind(of: draft(from: Fixture.reference + 86_400), context: context)
                == .reservation)
    }
}

@Suite struct SyncScheduleTests {
    @Test func theCacheHoldsTheMonthsOfTheNextEightWeeks() {
        let march = LocalDate(year: 2016, month: 3, day: 5)!
        #expect(
            SyncState.months(from: march).map(\.description) == ["2016-03-01", "2016-04-01"])
        let late = LocalDate(year: 2016, month: 3, day: 31)!
        #expect(
            SyncState.months(from: late).map(\.description)
                == ["2016-03-01", "2016-04-01", "2016-05-01"])
        let december = LocalDate(year: 2026, month: 12, day: 20)!
        #expect(
            SyncState.months(from: december).map(\.description)
                == ["2026-12-01", "2027-01-01", "2027-02-01"])
    }

    @Test func aGuidesToursAreKeptInTheCache() throws {
        let driver = DeskDriver(offline: true)
        let store = try #require(driver.store)
        let tour = GuideTour(
            id: TourID(3), name: "Radtour zum Leuchtturm", start: Fixture.reference + 3600,
            end: Fixture.reference + 3 * 3600, participants: 6)
        ReplyRecorder(store: store, logger: .silent).record(
            .guideTours, .success(.guideTours([tour])), startedAt: Fixture.reference)
        #expect(try store.cache.tours() == [tour])
    }
}
