import BookingAPI
import BookingCore
import BookingServer
import DeskClient
import Foundation
import Testing

/// Users, guides and tours through the real libcurl client against a real booking-server
/// with the demo data, as the admin's and the guide's screens call them.
@Suite struct AccountCallTests {
    private func client(_ server: DemoServer, _ login: DemoLogin) throws -> BookingClient {
        let client = try BookingClient(configuration: server.configuration)
        _ = try client.logIn(
            .init(account: login.account, username: login.username, password: login.password))
        return client
    }

    private func user(_ name: String, in client: BookingClient) throws -> UserRecord {
        try #require(try client.users().first { $0.username == name })
    }

    @Test func listsUsersWithTheirLastLogIn() throws {
        let server = try DemoServer()
        _ = try client(server, DemoData.staff)
        let admin = try client(server, DemoData.admin)

        let users = try admin.users()
        let created = try admin.createUser(
            .init(username: "neu", name: "Nele Neu", email: "nele@example.com"))

        #expect(Set(users.map(\.username)).isSuperset(of: ["admin", "staff", "nord", "guide"]))
        #expect(try user("staff", in: admin).lastLogInAt != nil)
        #expect(created.user.lastLogInAt == nil)
        #expect(created.user.role == .staff)
        #expect(created.passwordMail == .spooled)
    }

    @Test func togglesTheAdminFlagAndTheRestrictions() throws {
        let server = try DemoServer()
        let admin = try client(server, DemoData.admin)
        let nord = try user("nord", in: admin)
        let hafen = try #require(try admin.branches().first { $0.name == "Filiale Hafen" })
        let bikes = try #require(try admin.categories().first { $0.name == "Fahrräder" })

        let promoted = try admin.setAdmin(nord.id, true)
        let demoted = try admin.setAdmin(nord.id, false)
        let restricted = try admin.setRestrictions(
            nord.id, .init(branchIDs: [hafen.id], categoryIDs: [bikes.id]))
        let lifted = try admin.setRestrictions(nord.id, .init())

        #expect(promoted.role == .admin)
        #expect(demoted.role == .staff)
        #expect(restricted.branchIDs == [hafen.id])
        #expect(restricted.categoryIDs == [bikes.id])
        #expect(lifted.branchIDs == nil && lifted.categoryIDs == nil)
    }

    @Test func locksUnlocksMailsAPasswordAndDeletes() throws {
        let server = try DemoServer()
        let admin = try client(server, DemoData.admin)
        let staff = try user("staff", in: admin)

        #expect(try admin.setActive(staff.id, false).isActive == false)
        #expect(try admin.setActive(staff.id, true).isActive == true)
        #expect(try admin.mailNewPassword(staff.id).passwordMail == .spooled)
        try admin.deleteUser(staff.id)

        #expect(try admin.users().contains { $0.id == staff.id } == false)
    }

    @Test func theOwnerKeepsTheAdminFlagAndStaffMayNotListUsers() throws {
        let server = try DemoServer()
        let admin = try client(server, DemoData.admin)
        let owner = try user("admin", in: admin)

        let refusal = #expect(throws: DeskClientError.self) {
            try admin.setAdmin(owner.id, false)
        }
        let staff = try client(server, DemoData.staff)
        let forbidden = #expect(throws: DeskClientError.self) { try staff.users() }

        #expect(refusal?.messageKey == "error.conflict")
        #expect(forbidden?.messageKey == "error.forbidden")
    }

    @Test func keepsGuidesAndCreatesTheirLogIn() throws {
        let server = try DemoServer()
        let admin = try client(server, DemoData.admin)
        let record = GuideData(
            contractNumber: "FG-2026-001", name: "Jörg Wäller", email: "joerg@example.com",
            phones: ["+49 451 1234"],
            bank: BankDetails(accountHolder: "Jörg Wäller", iban: IBAN("DE89370400440532013000")!))

        let created = try admin.createGuide(record)
        var changed = record
        changed.taxNumber = "22/333/44444"
        let updated = try admin.updateGuide(created.id, changed)
        let access = try admin.createGuideAccess(created.id, .init(username: "joerg"))
        let taken = #expect(throws: DeskClientError.self) {
            try admin.createGuide(record)
        }

        #expect(updated.data.taxNumber == "22/333/44444")
        #expect(access.user.role == .guide)
        #expect(try admin.guides().first { $0.id == created.id }?.userID == access.user.id)
        #expect(taken?.messageKey == "error.conflict")
    }

    @Test func createsAssignsAndReleasesATourTheGuideThenSees() throws {
        let server = try DemoServer()
        let admin = try client(server, DemoData.admin)
        let guide = try #require(try admin.guides().first { $0.data.name == "Greta Gerber" })
        let offer = try #require(try admin.offers().first { $0.name == "Sonnenuntergangstour" })
        let start = Date().addingTimeInterval(9 * 86_400).rounded()

        let tour = try admin.createTour(
            .init(offerID: offer.id, start: start, end: start + 7200, capacity: 8))
        var request = TourRequest(
            offerID: offer.id, start: start, end: start + 7200, capacity: 8, guideID: guide.id)
        let assigned = try admin.updateTour(tour.id, request)
        let seenBefore = try client(server, DemoData.guide).guideTours()
        request.released = true
        let released = try admin.updateTour(tour.id, request)
        let seenAfter = try client(server, DemoData.guide).guideTours()

        #expect(assigned.guideID == guide.id && !assigned.released)
        #expect(released.released)
        #expect(!seenBefore.contains { $0.id == tour.id })
        #expect(seenAfter.contains { $0.id == tour.id && $0.name == "Sonnenuntergangstour" })
        #expect(try admin.tours(from: Date()).contains { $0.id == tour.id })
    }

    /// Counter staff keep guides and tour dates too (deleting a guide is left to admins).
    @Test func staffReadGuidesAndTours() throws {
        let server = try DemoServer()
        let staff = try client(server, DemoData.staff)

        let tours = try staff.tours()
        let guides = try staff.guides()

        #expect(!tours.isEmpty)
        #expect(guides.contains { $0.data.name == "Greta Gerber" })
    }

    @Test func namesAnAccountCallWithoutItsData() {
        let call = BookingCall.account(
            .createUser(.init(username: "geheim", name: "Geheim", email: "g@example.com")))

        #expect(call.name == "account.createUser")
        #expect(BookingCall.account(.users).name == "account.users")
    }
}

extension Date {
    /// Whole seconds, as the API writes instants.
    fileprivate func rounded() -> Date {
        Date(timeIntervalSince1970: timeIntervalSince1970.rounded(.down))
    }
}
