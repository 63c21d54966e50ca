import BookingAPI
import BookingCore
import DeskClient
import Foundation
import Logging
import OfflineCache
import TerminalUI

@testable import DeskApp

/// Drives a `Desk` like the program does, on an in-memory terminal: keys in, frames out,
/// and the requests it sends collected so a test can answer them with made-up replies.
///
/// With `offline: true` the desk gets a real `OfflineStore` in a temporary folder, and
/// every answer is first recorded in it, as the program's workers do.
final class DeskDriver {
    let desk: Desk
    let terminal: MemoryTerminal
    let renderer: Renderer
    var now: Date
    private(set) var sent: [BookingCall] = []
    private(set) var quitRequested = false
    let store: OfflineStore?
    let folder: String?
    private let recorder: ReplyRecorder?

    static let keymap = ConfigFiles(userFolder: nil, shippedFolders: []).keymap(named: "default")
        .value

    init(
        language: Language = .german, size: Size = Size(rows: 24, columns: 80),
        now: Date = Fixture.reference, keymap: Keymap = DeskDriver.keymap, offline: Bool = false,
        folder existing: String? = nil, problems: [String] = []
    ) {
        let folder =
            offline ? existing ?? NSTemporaryDirectory() + "desk-" + UUID().uuidString : nil
        let store = folder.map { try! OfflineStore(folder: $0, unlockStrength: .minimal, now: now) }
        self.folder = existing == nil ? folder : nil
        self.store = store
        recorder = store.map { ReplyRecorder(store: $0, logger: .silent) }
        desk = Desk(
            text: MessageCatalog(language), keymap: keymap, serverLabel: "http://127.0.0.1:1",
            shownLogins: [
                ShownLogin(
                    account: "demo", username: "staff", password: "demo-staff", role: .staff)
            ], problems: problems, store: store)
        terminal = MemoryTerminal(size: size)
        renderer = Renderer(terminal: terminal)
        self.now = now
        render()
    }

    deinit {
        if let folder { try? FileManager.default.removeItem(atPath: folder) }
    }

    var screen: String { terminal.text }

    func render() {
        renderer.render { canvas in desk.draw(in: canvas, now: now) }
    }

    func handle(_ event: DeskEvent) {
        for effect in desk.handle(event, now: now) {
            switch effect {
            case .send(let request): sent.append(request)
            case .quit: quitRequested = true
            }
        }
        render()
    }

    func press(_ keys: Key...) {
        for key in keys { handle(.key(key)) }
    }

    func type(_ text: String) {
        for scalar in text.unicodeScalars { handle(.key(.character(scalar))) }
    }

    func resize(to size: Size) {
        terminal.resize(to: size)
        handle(.resize(size))
    }

    /// Removes and returns the sent requests that match.
    func take(_ matches: (BookingCall) -> Bool) -> [BookingCall] {
        let taken = sent.filter(matches)
        sent.removeAll(where: matches)
        return taken
    }

    /// Answers the oldest sent request that matches.
    @discardableResult
    func answer(
        _ matches: (BookingCall) -> Bool, with result: Result<BookingReply, DeskClientError>
    ) -> BookingCall? {
        guard let index = sent.firstIndex(where: matches) else { return nil }
        let request = sent.remove(at: index)
        recorder?.record(request, result, startedAt: now)
        handle(.reply(DeskReply(request: request, result: result)))
        return request
    }

    /// Logs in as the demo staff and answers the catalogue requests with the fixture.
    func logIn() {
        type("staff")
        press(.tab)
        type("demo-staff")
        press(.enter)
        answer(
            { if case .logIn = $0 { true } else { false } },
            with: .success(.loggedIn(Fixture.login)))
        answer(
            { if case .catalogueChanges = $0 { true } else { false } },
            with: .success(.catalogueChanges(Fixture.catalogue)))
        answer({ $0 == .branches }, with: .success(.branches(Fixture.branches)))
        answer({ $0 == .categories }, with: .success(.categories(Fixture.categories)))
        answer({ $0 == .offers(OfferSearch()) }, with: .success(.offers(Fixture.offers)))
        answer({ $0 == .options(branch: nil) }, with: .success(.offers(Fixture.options)))
    }

    /// Answers the calendar's month request with the given free units for every offer.
    func answerMonth(free: Int = 3) {
        guard
            let request = sent.first(where: {
                if case .monthAvailability = $0 { true } else { false }
            }), let query = MonthQuery(request)
        else { return }
        let days = LocalDate.days(ofMonth: query.month.month, year: query.month.year)
        let rows = Fixture.offers.filter { offer in
            offer.branchID == query.branch
                && (query.category == nil || offer.categoryID == query.category)
                && (query.offer == nil || offer.id == query.offer)
        }.map { offer in
            MonthAvailability.OfferDays(
                offerID: offer.id, free: days.map { _ in free },
                closed: days.map { Fixture.branches[0].closedWeekdays.contains($0.isoWeekday) })
        }
        answer(
            { $0 == request },
            with: .success(
                .monthAvailability(MonthAvailability(month: query.month, days: days, offers: rows)))
        )
    }
}

/// The design's reference figures as made-up server answers.
enum Fixture {
    /// Saturday, 5 March 2016, 10:00 in Berlin.
    static let reference = AccountCalendar.berlin.instant(
        LocalDate(year: 2016, month: 3, day: 5)!, LocalTime(hour: 10, minute: 0)!)

    static let nord = Branch(
        id: BranchID(1), name: "Filiale Nord", opens: LocalTime("08:00")!,
        closes: LocalTime("18:00")!)
    static let hafen = Branch(
        id: BranchID(2), name: "Filiale Hafen", opens: LocalTime("09:00")!,
        closes: LocalTime("19:00")!, closedWeekdays: [1])
    static let branches = [nord, hafen]

    static let bikes = Category(id: CategoryID(1), name: "Fahrräder", kind: .rental)
    static let extras = Category(id: CategoryID(9), name: "Zusatzoptionen", kind: .option)
    static let categories = [bikes, extras]

    static let bikeM = Offer(
        id: OfferID(1), branchID: nord.id, categoryID: bikes.id, name: "Fahrrad M", stock: 6,
        price: PriceRule(unit: .perBooking, amount: Money(cents: 0)))
    static let bikeL = Offer(
        id: OfferID(2), branchID: nord.id, categoryID: bikes.id, name: "Fahrrad L", stock: 5,
        price: PriceRule(unit: .perDay, amount: Money(cents: 1200)), returnElsewhere: true)
    static let trailer = Offer(
        id: OfferID(10), branchID: nord.id, categoryID: extras.id, name: "Fahrradanhänger",
        stock: 2, price: PriceRule(unit: .perBooking, amount: Money(cents: 1000)))
    static let offers = [bikeM, bikeL]
    static let options = [trailer]

    static let session = SessionInfo(
        user: UserInfo(
            id: UserID(2), username: "staff", name: "Stefan Staff", email: "staff@example.com",
            role: .staff),
        account: AccountInfo(
            id: AccountID(1), slug: "demo", name: "Radhaus am See", timeZone: "Europe/Berlin",
            currency: .eur, prepaymentPercent: 50, prepaymentDueDays: 5, holdMinutes: 10),
        branchIDs: [nord.id, hafen.id], categoryIDs: [bikes.id, extras.id])

    static let login = LoginResponse(
        token: "t", expiresAt: reference + 3600, session: session)

    /// The whole catalogue as the delta-sync feed sends it the first time.
    static let catalogue = ChangedCatalogue(
        branches: branches, categories: categories, offers: offers + options, cursor: "1",
        replacesAll: true)

}
