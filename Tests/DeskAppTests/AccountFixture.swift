import BookingAPI
import BookingCore
import DeskClient
import Foundation
import TerminalUI

@testable import DeskApp

/// Made-up answers for the admin's screens and the guide's view: the users, guides and
/// tours of the account of `Fixture`, around its reference day (Sat 5 March 2016).
enum AccountFixture {
    static let calendar = AccountCalendar.berlin
    static let day = LocalDate(year: 2016, month: 3, day: 5)!

    static func instant(_ days: Int, _ time: String) -> Date {
        calendar.instant(day.advanced(by: days), LocalTime(time)!)
    }

    static let tours = Category(id: CategoryID(4), name: "Touren", kind: .tour)
    static let cityTour = Offer(
        id: OfferID(20), branchID: Fixture.hafen.id, categoryID: tours.id,
        name: "Stadtführung Altstadt", stock: 10,
        price: PriceRule(unit: .perPerson, amount: Money(cents: 1200)))

    static func session(_ role: BookingCore.Role, id: Int64 = 1, name: String, owner: Bool = false)
        -> SessionInfo
    {
        var session = Fixture.session
        session.user = UserInfo(
            id: UserID(id), username: name.lowercased(), name: name,
            email: "\(name.lowercased())@example.com", role: role, isOwner: owner)
        if role == .guide {
            session.branchIDs = []
            session.categoryIDs = []
        } else {
            session.categoryIDs.append(tours.id)
        }
        return session
    }

    static let admin = session(.admin, id: 1, name: "Anna Admin", owner: true)
    static let guide = session(.guide, id: 7, name: "Greta Gerber")

    static func user(
        _ id: Int64, _ username: String, _ name: String, role: BookingCore.Role = .staff,
        owner: Bool = false, active: Bool = true, branches: [BranchID]? = nil,
        categories: [CategoryID]? = nil, guide: GuideID? = nil, lastLogIn: Date? = nil
    ) -> UserRecord {
        UserRecord(
            id: UserID(id), username: username, name: name, email: "\(username)@example.com",
            role: role, isOwner: owner, isActive: active, branchIDs: branches,
            categoryIDs: categories, guideID: guide, createdAt: Fixture.reference,
            lastLogInAt: lastLogIn)
    }

    /// Anna (owner), Jürgen Weiß (staff, never logged in), Nora (Filiale Nord only),
    /// Greta (guide), Lars (locked).
    static let users = [
        user(1, "admin", "Anna Admin", role: .admin, owner: true, lastLogIn: instant(0, "09:58")),
        user(3, "juergen", "Jürgen Weiß"),
        user(4, "nord", "Nora Nord", branches: [Fixture.nord.id], lastLogIn: instant(-1, "08:02")),
        user(7, "guide", "Greta Gerber", role: .guide, guide: GuideID(1)),
        user(9, "lars", "Lars Löffler", active: false),
    ]

    static let greta = GuideRecord(
        id: GuideID(1),
        data: GuideData(
            contractNumber: "FG-2024-017", name: "Greta Gerber", email: "guide@example.com",
            phones: ["+49 4561 123456"],
            bank: BankDetails(
                accountHolder: "Greta Gerber", iban: IBAN("DE89370400440532013000")!)),
        userID: UserID(7))
    static let otto = GuideRecord(
        id: GuideID(2),
        data: GuideData(contractNumber: "FG-2025-003", name: "Otto Öhlmann"), userID: nil)
    static let guides = [greta, otto]

    static func tour(
        _ id: Int64, days: Int, guide: GuideID? = nil, released: Bool = false,
        participants: Int = 5
    ) -> TourRecord {
        TourRecord(
            id: TourID(id), offerID: cityTour.id, name: cityTour.name, branchID: cityTour.branchID,
            start: instant(days, "10:00"), end: instant(days, "12:00"), capacity: 10,
            guideID: guide, released: released, participants: participants)
    }

    static let tourDates = [
        tour(1, days: 1, guide: greta.id, released: true), tour(2, days: 3, participants: 0),
    ]

    /// Greta's released tours as she sees them: two coming, one past, one long past.
    static let guideTours = [
        GuideTour(
            id: TourID(5), name: "Radtour zum Leuchtturm", start: instant(3, "14:00"),
            end: instant(3, "17:00"), participants: 4),
        GuideTour(
            id: TourID(1), name: "Stadtführung Altstadt", start: instant(1, "10:00"),
            end: instant(1, "12:00"), participants: 5),
        GuideTour(
            id: TourID(4), name: "Stadtführung Altstadt", start: instant(-2, "10:00"),
            end: instant(-2, "12:00"), participants: 6),
        GuideTour(
            id: TourID(2), name: "Weinbergtour mit Verkostung", start: instant(-40, "16:00"),
            end: instant(-40, "19:00"), participants: 2),
    ]
}

extension DeskDriver {
    /// Logs in with `session`; for desk users the catalogue is answered from `Fixture`,
    /// with the tour offer, whatever the session may see (a server sending too much).
    func logIn(as session: SessionInfo) {
        type(session.user.username)
        press(.tab)
        type("geheim")
        press(.enter)
        let response = LoginResponse(token: "t", expiresAt: now + 3600, session: session)
        answer(
            { if case .logIn = $0 { true } else { false } }, with: .success(.loggedIn(response)))
        guard session.user.role != .guide else { return }
        answer(
            { if case .catalogueChanges = $0 { true } else { false } },
            with: .success(
                .catalogueChanges(
                    ChangedCatalogue(
                        branches: Fixture.branches,
                        categories: Fixture.categories + [AccountFixture.tours],
                        offers: Fixture.offers + Fixture.options + [AccountFixture.cityTour],
                        cursor: "1", replacesAll: true))))
        answer({ $0 == .branches }, with: .success(.branches(Fixture.branches)))
        answer(
            { $0 == .categories },
            with: .success(.categories(Fixture.categories + [AccountFixture.tours])))
        answer(
            { $0 == .offers(OfferSearch()) },
            with: .success(.offers(Fixture.offers + [AccountFixture.cityTour])))
        answer({ $0 == .options(branch: nil) }, with: .success(.offers(Fixture.options)))
        answerMonth()
    }

    /// Shows the tab with `label`, pressing `global.nextTab` until it is in front.
    func showTab(_ label: String) {
        for _ in 0..<8 {
            if screen.split(separator: "\n").first?.contains(label) == true, isInFront(label) {
                return
            }
            press(.function(6))
        }
    }

    private func isInFront(_ label: String) -> Bool {
        desk.visibleTabs.firstIndex(of: desk.tab).map {
            MessageCatalog(desk.text.language).entry(desk.visibleTabs[$0].label) == label
        } ?? false
    }

    /// Answers the oldest account call that matches.
    @discardableResult
    func answerAccount(
        _ matches: (AccountCall) -> Bool, with result: Result<BookingReply, DeskClientError>
    ) -> BookingCall? {
        answer(
            {
                if case .account(let call) = $0 { return matches(call) }
                return false
            }, with: result)
    }

    /// The sentence on the message line, however it wraps on screen.
    var notice: String { desk.notice?.text ?? "" }

    /// The account calls sent and not answered.
    var accountCalls: [AccountCall] {
        sent.compactMap { if case .account(let call) = $0 { call } else { nil } }
    }
}
