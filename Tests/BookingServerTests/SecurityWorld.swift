import BookingAPI
import BookingCore
import BookingServer
import BookingStore
import Foundation
import Secrets
import TestSupport
import Testing

/// Who sends a request in the security tests.
enum Principal: String, CaseIterable, Sendable {
    case anonymous
    case admin
    case staff
    /// Staff restricted to the branch Filiale Nord (the demo's `nord`).
    case nord
    /// Staff restricted to the categories Fahrräder, Zusatzoptionen and Touren.
    case rad
    case guide
    /// A customer with a log-in; the token is made in the store, since no route of this
    /// API gives a customer one.
    case customer
    /// A vendor superuser acting in the demo account.
    case superuser

    var isRestricted: Bool { self == .nord || self == .rad }
}

/// One request of a security test.
struct Probe {
    var method: String
    var path: String
    var body: [UInt8] = []
    var headers: [String: String] = [:]

    init(_ method: String, _ path: String, headers: [String: String] = [:]) {
        self.method = method
        self.path = path
        self.headers = headers
    }

    init<T: Encodable>(
        _ method: String, _ path: String, json: T, headers: [String: String] = [:]
    ) throws {
        self.init(method, path, headers: headers)
        body = Array(try APIJSON.encoder().encode(json))
    }
}

/// The demo server with a client for every principal, and things inside and outside the
/// restricted principals' scopes:
/// - inside: at Filiale Nord, in the categories Fahrräder, Zusatzoptionen and Touren
///   (an order of Fahrrad M with a Helm, its customer, the tour offer "Nordtour");
/// - outside: at Filiale Hafen, in the categories Roller and Hafentouren (an order of an
///   E-Roller, its customer, the tour offer "Hafenrundfahrt Abend"): outside `nord`'s
///   branch and outside `rad`'s categories.
final class SecurityWorld {
    let server: TestServer
    let account: AccountInfo
    private(set) var clients: [Principal: APIClient] = [:]
    private(set) var logins: [Principal: DemoLogin] = [:]

    let nordBranch: Branch
    let hafenBranch: Branch
    let bike: Offer
    let helmet: Offer
    let scooter: Offer
    let nordTourOffer: Offer
    let hafenTourOffer: Offer
    let tourCategory: BookingCore.Category

    private(set) var insideOrder: OrderInfo!
    private(set) var outsideOrder: OrderInfo!
    private(set) var insideTour: TourRecord!
    private(set) var outsideTour: TourRecord!
    private(set) var staffUser: UserRecord!
    private(set) var demoGuide: GuideRecord!
    private var counter = 0

    init() throws {
        server = try TestServer()
        let admin = try server.client(loggedInAs: DemoData.admin)
        clients[.admin] = admin
        logins[.admin] = DemoData.admin
        account = try #require(try server.running.store.account(slug: "demo"))
        let branches = try admin.get([Branch].self, APIPath.branches)
        nordBranch = try #require(branches.first { $0.name == "Filiale Nord" })
        hafenBranch = try #require(branches.first { $0.name == "Filiale Hafen" })
        let categories = try admin.get([BookingCore.Category].self, APIPath.categories)
        tourCategory = try #require(categories.first { $0.name == "Touren" })
        (nordTourOffer, hafenTourOffer) = try Self.addTourOffers(
            server.running.store, account: account, nord: nordBranch, hafen: hafenBranch,
            tours: tourCategory)
        bike = try admin.offer(named: "Fahrrad M")
        helmet = try admin.offer(named: "Helm")
        scooter = try admin.offer(named: "E-Roller 25 km/h")
        try makePrincipals(categories: categories)
        try makeFixtures()
    }

    deinit {
        server.stop()
    }

    func client(_ principal: Principal) -> APIClient {
        clients[principal]!
    }

    /// "Nordtour" at Filiale Nord (category Touren) and "Hafenrundfahrt Abend" at Filiale
    /// Hafen in a category of its own, added in the store: the API has no catalogue editing.
    private static func addTourOffers(
        _ store: BookingStore, account: AccountInfo, nord: Branch, hafen: Branch,
        tours: BookingCore.Category
    ) throws -> (Offer, Offer) {
        let scope = Scope.account(account.id)
        let harbour = try store.addCategory(
            BookingCore.Category(id: CategoryID(0), name: "Hafentouren", kind: .tour),
            scope: scope)
        func tour(_ name: String, _ branch: Branch, _ category: CategoryID) -> Offer {
            Offer(
                id: OfferID(0), branchID: branch.id, categoryID: category, name: name, stock: 20,
                price: PriceRule(unit: .perPerson, amount: Money(cents: 1500)), maxPersons: 1)
        }
        let offers = try store.addOffers(
            [
                tour("Nordtour", nord, tours.id),
                tour("Hafenrundfahrt Abend", hafen, harbour.id),
            ], scope: scope)
        return (offers[0], offers[1])
    }

    private func makePrincipals(categories: [BookingCore.Category]) throws {
        let admin = client(.admin)
        clients[.anonymous] = try server.client()
        for (principal, login) in [
            (Principal.staff, DemoData.staff), (.nord, DemoData.nord), (.guide, DemoData.guide),
        ] {
            clients[principal] = try server.client(loggedInAs: login)
            logins[principal] = login
        }
        let allowed = Set(["Fahrräder", "Zusatzoptionen", "Touren"])
        let rad = try createUser("rad")
        _ = try admin.send(
            "PUT", APIPath.userRestrictions(rad.user.id),
            json: RestrictionsRequest(
                categoryIDs: categories.filter { allowed.contains($0.name) }.map(\.id)))
        logins[.rad] = rad.login
        clients[.rad] = try server.client(loggedInAs: rad.login)
        try makeCustomer()
        let support = try server.createSuperuser()
        let superuser = try server.client()
        superuser.actingAccount = account.slug
        try superuser.logIn(support)
        clients[.superuser] = superuser
        logins[.superuser] = support
    }

    /// A customer with a log-in: the account's setting on, then their first order.
    private func makeCustomer() throws {
        let admin = client(.admin)
        _ = try admin.send(
            "PUT", APIPath.accountSettings, json: AccountSettings(customerPasswords: true))
        let email = "kundin@example.com"
        var request = try admin.orderRequest(try insideDraft(), clientID: UUID().uuidString)
        request.customer = CustomerData(lastName: "Kundin", email: email, termsAccepted: true)
        let placed = try admin.send(
            "POST", APIPath.orders, json: request,
            headers: [APIPath.idempotencyKeyHeader: request.clientID])
        try #require(placed.status == 201, "\(placed.text)")
        logins[.customer] = DemoLogin(
            account: account.slug, username: email, password: try server.mailedPassword(to: email))
        let candidate = try #require(
            try server.running.store.loginCandidate(accountSlug: account.slug, username: email))
        let token = Secrets.randomToken()
        try server.running.store.createSession(
            tokenHash: Secrets.sha256Hex(token), user: candidate.user.id,
            scope: .account(account.id), now: Date(), expiresAt: Date() + 3600)
        let customer = try server.client()
        customer.token = token
        clients[.customer] = customer
    }

    private func makeFixtures() throws {
        let admin = client(.admin)
        insideOrder = try placeOrder(inside: true, email: "inside@example.com")
        outsideOrder = try placeOrder(inside: false, email: "outside@example.com")
        guard let guide = try admin.get([GuideRecord].self, APIPath.guides).first else {
            throw TestFailure("the demo data has no guide")
        }
        demoGuide = guide
        insideTour = try createTour(inside: true)
        outsideTour = try createTour(inside: false)
        let users = try admin.get([UserRecord].self, APIPath.users)
        guard let staff = users.first(where: { $0.username == "staff" }) else {
            throw TestFailure("the demo data has no user staff")
        }
        staffUser = staff
    }

    // MARK: - Fresh things, one per probe where a probe changes them

    /// A new number for names and days, so that fresh things never collide.
    func next() -> Int {
        counter += 1
        return counter
    }

    /// A draft at Filiale Nord (Fahrrad M with a Helm), each on a day of its own in 2031.
    func insideDraft() throws -> OrderDraft {
        let start = Instant.at("2031-01-01T09:00:00Z") + Double(next()) * 86_400
        return OrderDraft(
            branchID: nordBranch.id, start: start, end: start + 4 * 3600,
            offers: [OrderItem(bike.id)], options: [OrderItem(helmet.id)])
    }

    /// A draft at Filiale Hafen (an E-Roller), each on a day of its own in 2031.
    func outsideDraft() throws -> OrderDraft {
        let start = Instant.at("2031-01-01T09:00:00Z") + Double(next()) * 86_400
        return OrderDraft(
            branchID: hafenBranch.id, start: start, end: start + 3600,
            offers: [OrderItem(scooter.id)])
    }

    func draft(inside: Bool) throws -> OrderDraft {
        inside ? try insideDraft() : try outsideDraft()
    }

    /// An order placed by the admin.
    func placeOrder(inside: Bool, email: String? = nil) throws -> OrderInfo {
        let admin = client(.admin)
        var request = try admin.orderRequest(try draft(inside: inside), clientID: UUID().uuidString)
        request.customer = CustomerData(
            lastName: "Muster", email: email ?? "fresh\(next())@example.com", termsAccepted: true)
        let response = try admin.send(
            "POST", APIPath.orders, json: request,
            headers: [APIPath.idempotencyKeyHeader: request.clientID])
        guard response.status == 201 else {
            throw TestFailure("placing an order answered \(response.status): \(response.text)")
        }
        return try response.decode(OrderInfo.self)
    }

    /// An order placed and picked up by the admin, ready to be returned.
    func pickedUpOrder(inside: Bool) throws -> OrderInfo {
        let order = try placeOrder(inside: inside)
        _ = try client(.admin).send("POST", APIPath.pickUpOrder(order.id))
        return order
    }

    func hold(inside: Bool) throws -> HoldInfo {
        let response = try client(.admin).send(
            "POST", APIPath.holds, json: HoldRequest(draft: try draft(inside: inside)))
        return try response.decode(HoldInfo.self)
    }

    func tourRequest(inside: Bool) -> TourRequest {
        let start = Instant.at("2031-06-01T10:00:00Z") + Double(next()) * 86_400
        return TourRequest(
            offerID: inside ? nordTourOffer.id : hafenTourOffer.id, start: start,
            end: start + 7200, capacity: 12, guideID: demoGuide?.id, released: true)
    }

    func createTour(inside: Bool) throws -> TourRecord {
        let response = try client(.admin).send(
            "POST", APIPath.tours, json: tourRequest(inside: inside))
        guard response.status == 201 else {
            throw TestFailure("creating a tour answered \(response.status): \(response.text)")
        }
        return try response.decode(TourRecord.self)
    }

    /// A new staff user made by the admin, with the password from their mail.
    func createUser(_ name: String? = nil) throws -> (user: UserRecord, login: DemoLogin) {
        let username = name ?? "user\(next())"
        let email = username + "@example.com"
        let response = try client(.admin).send(
            "POST", APIPath.users,
            json: NewUserRequest(username: username, name: "Neu " + username, email: email))
        guard response.status == 201 else {
            throw TestFailure("creating a user answered \(response.status): \(response.text)")
        }
        let created = try response.decode(UserCreated.self)
        let login = DemoLogin(
            account: account.slug, username: username,
            password: try server.mailedPassword(to: email))
        return (created.user, login)
    }

    func guideData() -> GuideData {
        let number = next()
        return GuideData(
            contractNumber: "T-\(number)", name: "Gast Führer \(number)",
            email: "guide\(number)@example.com", phones: ["+49 40 \(number)"],
            bank: BankDetails(accountHolder: "Gast", iban: IBAN("DE89370400440532013000")!))
    }

    func createGuide() throws -> GuideRecord {
        try client(.admin).send("POST", APIPath.guides, json: guideData())
            .decode(GuideRecord.self)
    }

    /// A token of a fresh session of `principal`, for the probe that logs out.
    func freshToken(_ principal: Principal) throws -> String? {
        switch principal {
        case .anonymous:
            return nil
        case .customer:
            let token = Secrets.randomToken()
            let user = try #require(
                try server.running.store.loginCandidate(
                    accountSlug: account.slug, username: logins[.customer]!.username))
            try server.running.store.createSession(
                tokenHash: Secrets.sha256Hex(token), user: user.user.id,
                scope: .account(account.id), now: Date(), expiresAt: Date() + 3600)
            return token
        default:
            let client = try server.client()
            client.actingAccount = principal == .superuser ? account.slug : nil
            return try client.logIn(logins[principal]!).token
        }
    }

    /// What `principal` must never see: names, addresses and numbers outside its scope.
    func outsideMarkers(_ principal: Principal) -> [String] {
        let common = [
            scooter.name, hafenTourOffer.name, "outside@example.com", outsideOrder.number,
        ]
        switch principal {
        case .nord:
            return common + [
                "Filiale Hafen", "Filiale Tourist-Info", "Strandrad", "Regencape",
                "Stadtführung Altstadt", "juergen.weiss@example.org",
            ]
        case .rad:
            return common + ["Hafentouren", "E-Bike Trekking", "Ferienwohnung", "Roller\""]
        default:
            return []
        }
    }
}
