import BookingAPI
import BookingCore
import BookingStore
import Foundation
import Secrets

/// A demo log-in, for the README and the desk's log-in screen on the embedded default.
public struct DemoLogin: Sendable, Equatable {
    public let account: String
    public let username: String
    public let password: String

    public init(account: String, username: String, password: String) {
        self.account = account
        self.username = username
        self.password = password
    }
}

/// Demo data: the account "demo" with the reference branches, offers and options of the
/// design plus a bike and tour catalogue; its users `admin` (the owner), `staff`, `nord`
/// (staff restricted to Filiale Nord) and `guide` (a tour guide with released and
/// unreleased tours and their participants' orders); and a second account "nordsee" so
/// that tenant isolation can be tried. Demo passwords only: never use them for real data.
public enum DemoData {
    public static let admin = DemoLogin(account: "demo", username: "admin", password: "demo-admin")
    public static let staff = DemoLogin(account: "demo", username: "staff", password: "demo-staff")
    /// Staff restricted to the branch Filiale Nord.
    public static let nord = DemoLogin(account: "demo", username: "nord", password: "demo-nord")
    /// The tour guide Greta Gerber: sees her released tours only.
    public static let guide = DemoLogin(account: "demo", username: "guide", password: "demo-guide")
    /// The admin of the second account.
    public static let otherAdmin = DemoLogin(
        account: "nordsee", username: "admin", password: "demo-admin")

    /// Loads the demo data if the store holds no account yet. Returns whether it did.
    @discardableResult
    public static func load(into store: BookingStore, hasher: PasswordHasher, now: Date = Date())
        throws -> Bool
    {
        guard try store.isEmpty() else { return false }
        try loadDemoAccount(store, hasher: hasher, now: now)
        try loadOtherAccount(store, hasher: hasher)
        return true
    }

    /// Opens the store in `dataFolder` and loads the demo data if it is empty.
    @discardableResult
    public static func load(intoDataFolder dataFolder: String) throws -> Bool {
        try Secrets.initialize()
        let store = try BookingStore(folder: dataFolder)
        defer { store.close() }
        return try load(into: store, hasher: PasswordHasher())
    }

    private static func time(_ text: String) -> LocalTime { LocalTime(text)! }

    private static func euros(_ cents: Int64) -> Money { Money(cents: cents) }

    private static func loadDemoAccount(
        _ store: BookingStore, hasher: PasswordHasher, now: Date
    ) throws {
        let account = try store.createAccount(
            NewAccount(slug: admin.account, name: "Radhaus am See"))
        let scope = Scope.account(account.id)
        let nord = try store.addBranch(
            Branch(
                id: BranchID(0), name: "Filiale Nord", address: "Nordstraße 1",
                opens: time("08:00"), closes: time("18:00")), scope: scope)
        let info = try store.addBranch(
            Branch(
                id: BranchID(0), name: "Filiale Tourist-Info", address: "Marktplatz 3",
                opens: time("09:00"), closes: time("18:00")), scope: scope)
        let hafen = try store.addBranch(
            Branch(
                id: BranchID(0), name: "Filiale Hafen", address: "Am Hafen 7",
                opens: time("09:00"), closes: time("19:00"), closedWeekdays: [1]), scope: scope)
        func category(_ name: String, _ kind: CategoryKind) throws -> CategoryID {
            try store.addCategory(Category(id: CategoryID(0), name: name, kind: kind), scope: scope)
                .id
        }
        let bikes = try category("Fahrräder", .rental)
        let ebikes = try category("E-Bikes", .rental)
        let scooters = try category("Roller", .rental)
        let tours = try category("Touren", .tour)
        let flats = try category("Ferienwohnungen", .accommodation)
        let options = try category("Zusatzoptionen", .option)

        func offer(
            _ branch: Branch, _ category: CategoryID, _ name: String, stock: Int?,
            _ unit: PriceUnit,
            _ cents: Int64, vat: VATRate = .standard, maxPersons: Int? = nil,
            elsewhere: Bool = false
        ) -> Offer {
            Offer(
                id: OfferID(0), branchID: branch.id, categoryID: category, name: name, stock: stock,
                price: PriceRule(unit: unit, amount: euros(cents)), vatRate: vat,
                maxPersons: maxPersons, returnElsewhere: elsewhere)
        }
        var offers: [Offer] = [
            // The design's reference figures.
            offer(nord, bikes, "Fahrrad M", stock: 6, .perBooking, 0),
            offer(nord, options, "Fahrradanhänger", stock: 2, .perBooking, 1000),
            offer(info, ebikes, "Touren-eBike E-Ville C A8 / Größe S", stock: 3, .perDay, 3500),
            offer(
                info, flats, "Fuchs und Igel", stock: 1, .perNight, 1500, vat: .reduced,
                maxPersons: 3),
            offer(info, options, "Endreinigung", stock: nil, .perBooking, 0, vat: .reduced),
        ]
        offers += [
            offer(nord, bikes, "Fahrrad S", stock: 4, .perDay, 1200, elsewhere: true),
            offer(nord, bikes, "Fahrrad L", stock: 5, .perDay, 1200, elsewhere: true),
            offer(nord, bikes, "Kinderrad 20 Zoll", stock: 3, .perDay, 800),
            offer(nord, bikes, "Tandem", stock: 1, .perDay, 2500, maxPersons: 2),
            offer(nord, ebikes, "E-Bike Trekking M", stock: 8, .perDay, 3000, elsewhere: true),
            offer(nord, ebikes, "E-Bike Trekking L", stock: 7, .perDay, 3000, elsewhere: true),
            offer(nord, ebikes, "Lastenrad", stock: 2, .perHour, 600),
            offer(nord, options, "Kindersitz", stock: 4, .perBooking, 500),
            offer(nord, options, "Helm", stock: 10, .perBooking, 200),
            offer(info, ebikes, "Touren-eBike E-Ville C A8 / Größe M", stock: 4, .perDay, 3500),
            offer(info, ebikes, "Touren-eBike E-Ville C A8 / Größe L", stock: 4, .perDay, 3500),
            offer(info, tours, "Stadtführung Altstadt", stock: 10, .perPerson, 1200, maxPersons: 1),
            offer(info, tours, "Radtour zum Leuchtturm", stock: 8, .perPerson, 2900, maxPersons: 1),
            offer(
                info, tours, "Weinbergtour mit Verkostung", stock: 6, .perPerson, 4500,
                maxPersons: 1),
            offer(hafen, scooters, "E-Roller 25 km/h", stock: 6, .perHour, 900),
            offer(hafen, scooters, "Motorroller 50 ccm", stock: 3, .perDay, 4900),
            offer(hafen, bikes, "Strandrad", stock: 10, .perDay, 1000),
            offer(
                hafen, tours, "Hafenrundfahrt mit dem Rad", stock: 10, .perPerson, 1900,
                maxPersons: 1),
            offer(hafen, scooters, "E-Roller 45 km/h", stock: 2, .perHour, 1400),
            offer(
                hafen, flats, "Ferienwohnung Möwe", stock: 1, .perNight, 6500, vat: .reduced,
                maxPersons: 4),
            offer(hafen, tours, "Sonnenuntergangstour", stock: 8, .perPerson, 2400, maxPersons: 1),
            offer(hafen, options, "Fahrradschloss", stock: nil, .perBooking, 0),
            offer(hafen, options, "Regencape", stock: 10, .perBooking, 300),
        ]
        let stored = try store.addOffers(offers, scope: scope)
        _ = try store.createUser(
            NewUser(
                username: admin.username, name: "Anna Admin", email: "admin@example.com",
                role: .admin, isAdmin: true, isOwner: true,
                passwordHash: try hasher.hash(admin.password)), scope: scope)
        _ = try store.createUser(
            NewUser(
                username: staff.username, name: "Stefan Staff", email: "staff@example.com",
                role: .staff, passwordHash: try hasher.hash(staff.password)), scope: scope)
        _ = try store.createUser(
            NewUser(
                username: DemoData.nord.username, name: "Nora Nord", email: "nord@example.com",
                role: .staff, passwordHash: try hasher.hash(DemoData.nord.password),
                branchIDs: [nord.id]), scope: scope)
        let catalog = Catalog(
            offers: stored,
            categories: try store.categories(scope: scope))
        try loadTours(store, hasher: hasher, catalog: catalog, scope: scope, now: now)
    }

    private static func loadOtherAccount(_ store: BookingStore, hasher: PasswordHasher) throws {
        let account = try store.createAccount(
            NewAccount(slug: otherAdmin.account, name: "Nordsee Verleih"))
        let scope = Scope.account(account.id)
        let branch = try store.addBranch(
            Branch(
                id: BranchID(0), name: "Strand", address: "Deich 2", opens: time("09:00"),
                closes: time("18:00")), scope: scope)
        let bikes = try store.addCategory(
            Category(id: CategoryID(0), name: "Fahrräder", kind: .rental), scope: scope)
        _ = try store.addOffers(
            [
                Offer(
                    id: OfferID(0), branchID: branch.id, categoryID: bikes.id, name: "Strandrad",
                    stock: 2, price: PriceRule(unit: .perDay, amount: euros(1100)))
            ], scope: scope)
        _ = try store.createUser(
            NewUser(
                username: otherAdmin.username, name: "Nils Nordsee", email: "admin@nordsee.example",
                role: .admin, isAdmin: true, isOwner: true,
                passwordHash: try hasher.hash(otherAdmin.password)), scope: scope)
    }

    /// The guide Greta Gerber with her log-in, and four tours at Filiale Tourist-Info around
    /// `now`: three released (one of them past), one not yet, each with orders.
    private static func loadTours(
        _ store: BookingStore, hasher: PasswordHasher, catalog: Catalog, scope: Scope, now: Date
    ) throws {
        let record = try store.createGuide(
            GuideData(
                contractNumber: "FG-2024-017", name: "Greta Gerber", email: "guide@example.com",
                address: PostalAddress(
                    street: "Lindenweg", houseNumber: "4", postalCode: "23730", city: "Neustadt",
                    country: "Deutschland"),
                phones: ["+49 4561 123456"],
                bank: BankDetails(
                    accountHolder: "Greta Gerber", iban: IBAN("DE89 3704 0044 0532 0130 00")!),
                taxNumber: "21/815/08150"), scope: scope, now: now)
        _ = try store.createGuideAccess(
            record.id, username: guide.username, passwordHash: try hasher.hash(guide.password),
            scope: scope, now: now)
        let calendar = AccountCalendar.berlin
        let today = calendar.date(of: now)
        let tours: [(String, Int, String, String, Bool, [Int])] = [
            ("Stadtführung Altstadt", -2, "10:00", "12:00", true, [4, 2]),
            ("Stadtführung Altstadt", 1, "10:00", "12:00", true, [3, 2]),
            ("Radtour zum Leuchtturm", 3, "14:00", "17:00", true, [4]),
            ("Weinbergtour mit Verkostung", 5, "16:00", "19:00", false, [2]),
        ]
        for (index, (name, days, from, to, released, groups)) in tours.enumerated() {
            guard let offer = catalog.offers.values.first(where: { $0.name == name }) else {
                continue
            }
            let day = today.advanced(by: days)
            let start = calendar.instant(day, time(from))
            let end = calendar.instant(day, time(to))
            _ = try store.createTour(
                TourRequest(
                    offerID: offer.id, start: start, end: end, capacity: offer.stock ?? 10,
                    guideID: record.id, released: released), scope: scope, now: now)
            for (group, persons) in groups.enumerated() {
                try placeTourOrder(
                    store, offer: offer, start: start, end: end, persons: persons,
                    customer: tourCustomers[(index + group) % tourCustomers.count],
                    catalog: catalog, scope: scope, now: now)
            }
        }
    }

    private static let tourCustomers = [
        CustomerData(
            firstName: "Jürgen", lastName: "Weiß", email: "juergen.weiss@example.org",
            city: "Lübeck", termsAccepted: true),
        CustomerData(
            firstName: "Aylin", lastName: "Öztürk", email: "aylin@example.org", city: "Kiel",
            termsAccepted: true),
        CustomerData(
            firstName: "Sven", lastName: "Hansen", email: "sven.hansen@example.org",
            city: "Hamburg", termsAccepted: true),
    ]

    /// An order of `persons` places on a tour, priced with BookingCore's one price function.
    private static func placeTourOrder(
        _ store: BookingStore, offer: Offer, start: Date, end: Date, persons: Int,
        customer: CustomerData, catalog: Catalog, scope: Scope, now: Date
    ) throws {
        let draft = OrderDraft(
            branchID: offer.branchID, start: start, end: end,
            offers: [OrderItem(offer.id, quantity: persons)])
        // Booked a week ahead, as customers do; a past tour's order was booked in the past.
        let bookedAt = min(now, start - 7 * 86_400)
        let quote = try Quote(
            draft: draft, catalog: catalog,
            prepayment: PrepaymentPolicy(percent: 50, dueAfterDays: 5), calendar: .berlin,
            bookedAt: bookedAt)
        let clientID = "demo-tour-" + UUID().uuidString
        let request = CreateOrderRequest(
            clientID: clientID, draft: draft, customer: customer, expectedTotal: quote.total)
        let new = try NewOrder(
            request: request, priced: PricedOrder(quote, kinds: [offer.id: .tour]),
            idempotencyKey: clientID, fingerprint: clientID,
            year: AccountCalendar.berlin.date(of: bookedAt).year)
        _ = try store.createOrder(new, scope: scope, now: bookedAt)
    }
}
