import BookingAPI
import BookingCore
import Foundation
import OfflineCache
import TestFiles

extension TemporaryFolder {
    /// A store on this folder with the cheapest password hashing.
    func openStore(now: Date = Demo.now) throws -> OfflineStore {
        try OfflineStore(folder: path, unlockStrength: .minimal, now: now)
    }
}

/// SplitMix64: a seeded generator, so that jitter in tests is the same on every run.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The reference figures of the design: branch "Filiale Nord", open 08:00–18:00 and
/// closed on Sundays, "Fahrrad M" (2 units), the trailer "Fahrradanhänger" (1 unit) and the
/// unlimited "Endreinigung".
enum Demo {
    static let calendar = AccountCalendar.berlin
    static let nord = Branch(
        id: BranchID(1), name: "Filiale Nord", opens: LocalTime(hour: 8, minute: 0)!,
        closes: LocalTime(hour: 18, minute: 0)!, closedWeekdays: [7])
    static let bikes = Category(id: CategoryID(1), name: "Fahrräder", kind: .rental)
    static let extras = Category(id: CategoryID(2), name: "Zusatzoptionen", kind: .option)
    static let bikeM = Offer(
        id: OfferID(1), branchID: nord.id, categoryID: bikes.id, name: "Fahrrad M", stock: 2,
        price: PriceRule(unit: .perDay, amount: .zero()))
    static let trailer = Offer(
        id: OfferID(2), branchID: nord.id, categoryID: extras.id, name: "Fahrradanhänger",
        stock: 1, price: PriceRule(unit: .perBooking, amount: .euros(10)))
    static let cleaning = Offer(
        id: OfferID(3), branchID: nord.id, categoryID: extras.id, name: "Endreinigung",
        stock: nil, price: PriceRule(unit: .perBooking, amount: .zero()))

    /// Saturday 05.03.2016, the reference day.
    static let saturday = LocalDate("2016-03-05")!
    static let now = instant(saturday, "07:30")

    static func instant(_ date: LocalDate, _ time: String) -> Date {
        calendar.instant(date, LocalTime(time)!)
    }

    static func period(_ date: LocalDate, _ from: String, _ to: String) -> Period {
        try! Period(start: instant(date, from), end: instant(date, to))
    }

    static func session(user: Int64 = 7, branches: [BranchID] = [nord.id]) -> SessionInfo {
        SessionInfo(
            user: UserInfo(
                id: UserID(user), username: "staff\(user)", name: "Staff", email: "s@example.org",
                role: .staff),
            account: AccountInfo(
                id: AccountID(1), slug: "demo", name: "Demo", timeZone: "Europe/Berlin",
                currency: .eur, prepaymentPercent: 50, prepaymentDueDays: 5, holdMinutes: 10),
            branchIDs: branches, categoryIDs: [bikes.id, extras.id])
    }

    static let catalogue = CatalogueChanges(
        branches: [nord], categories: [bikes, extras], offers: [bikeM, trailer, cleaning],
        cursor: "c1", replacesAll: true)

    /// A store with the session and the catalogue cached.
    static func store(in folder: TemporaryFolder) throws -> OfflineStore {
        let store = try folder.openStore()
        try store.cache.storeSession(session(), now: now)
        try store.cache.applyCatalogueChanges(catalogue, now: now)
        return store
    }

    static func request(
        _ items: [OrderItem], on date: LocalDate = saturday, from: String = "08:00",
        to: String = "18:00", clientID: String = Outbox.newClientID(), lastName: String = "Fuchs"
    ) -> CreateOrderRequest {
        CreateOrderRequest(
            clientID: clientID,
            draft: OrderDraft(
                branchID: nord.id, start: instant(date, from), end: instant(date, to),
                offers: items.filter { $0.offerID == bikeM.id },
                options: items.filter { $0.offerID != bikeM.id }),
            customer: CustomerData(
                lastName: lastName, email: "kunde@example.org", termsAccepted: true),
            expectedTotal: .euros(10))
    }

    /// The order the server would store for `request`.
    static func order(
        for request: CreateOrderRequest, id: Int64, number: String? = nil,
        status: OrderStatus = .reserved
    ) -> OrderInfo {
        OrderInfo(
            id: OrderID(id), number: number ?? "2016-\(id)", clientID: request.clientID,
            status: status, draft: request.draft, customerID: CustomerID(id),
            customer: request.customer,
            priced: PricedOrder(
                lines: [], vatTotals: [], total: request.expectedTotal, prepayment: .zero(),
                prepaymentDue: saturday, vatRounding: "half_up_per_line"),
            createdAt: now, takenOffline: request.takenOffline, forced: request.force)
    }

    /// A month of availability as the server sends it: `free` for every offer and day.
    static func month(
        _ first: LocalDate, free: [OfferID: Int?], closedWeekdays: Set<Int> = [7]
    ) -> MonthAvailability {
        let days = LocalDate.days(ofMonth: first.month, year: first.year)
        return MonthAvailability(
            month: first, days: days,
            offers: free.keys.sorted().map { id in
                MonthAvailability.OfferDays(
                    offerID: id, free: days.map { _ in free[id]! },
                    closed: days.map { closedWeekdays.contains($0.isoWeekday) })
            })
    }
}

extension Availability {
    /// The free count, or nil for unlimited.
    var units: Int? {
        if case .free(let units) = self { return units }
        return nil
    }
}
