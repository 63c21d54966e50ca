import BookingAPI
import BookingCore
import BookingStore
import Foundation
import TestFiles

/// A store in a temporary folder with two accounts, each with a branch, a category and
/// offers; removed when the fixture is released.
final class StoreFixture {
    let folder = TemporaryFolder(prefix: "store-test")
    let store: BookingStore
    let main: Scope
    let other: Scope
    let branch: Branch
    let secondBranch: Branch
    let tandem: Offer  // stock 1
    let bikes: Offer  // stock 5
    let foreignOffer: Offer

    init() throws {
        store = try BookingStore(folder: folder.path)
        main = .account(try store.createAccount(NewAccount(slug: "main", name: "Main")).id)
        other = .account(try store.createAccount(NewAccount(slug: "other", name: "Other")).id)
        branch = try store.addBranch(Self.branch("Nord"), scope: main)
        secondBranch = try store.addBranch(Self.branch("Süd"), scope: main)
        let category = try store.addCategory(
            BookingCore.Category(id: CategoryID(0), name: "Räder", kind: .rental), scope: main)
        let offers = try store.addOffers(
            [
                Self.offer("Tandem", branch: branch.id, category: category.id, stock: 1),
                Self.offer("Rad", branch: branch.id, category: category.id, stock: 5),
                Self.offer("Südrad", branch: secondBranch.id, category: category.id, stock: 2),
            ], scope: main)
        tandem = offers[0]
        bikes = offers[1]
        let foreignBranch = try store.addBranch(Self.branch("Fremd"), scope: other)
        let foreignCategory = try store.addCategory(
            BookingCore.Category(id: CategoryID(0), name: "Räder", kind: .rental), scope: other)
        foreignOffer = try store.addOffers(
            [
                Self.offer(
                    "Fremdrad", branch: foreignBranch.id, category: foreignCategory.id, stock: 3)
            ],
            scope: other)[0]
    }

    deinit {
        store.close()
    }

    static func branch(_ name: String) -> Branch {
        Branch(
            id: BranchID(0), name: name, opens: LocalTime(hour: 8, minute: 0)!,
            closes: LocalTime(hour: 18, minute: 0)!)
    }

    static func offer(_ name: String, branch: BranchID, category: CategoryID, stock: Int) -> Offer {
        Offer(
            id: OfferID(0), branchID: branch, categoryID: category, name: name, stock: stock,
            price: PriceRule(unit: .perDay, amount: Money(cents: 1000)))
    }

    static let start = Date(timeIntervalSince1970: 1_900_000_000)

    func draft(_ offer: Offer, quantity: Int = 1, hours: Double = 4, from: Date = start)
        -> OrderDraft
    {
        OrderDraft(
            branchID: offer.branchID, start: from, end: from + hours * 3600,
            offers: [OrderItem(offer.id, quantity: quantity)])
    }

    func newOrder(
        _ draft: OrderDraft, key: String = UUID().uuidString, fingerprint: String? = nil,
        force: Bool = false, hold: HoldID? = nil
    ) -> NewOrder {
        let priced = PricedOrder(
            lines: [], vatTotals: [], total: Money(cents: 0), prepayment: Money(cents: 0),
            prepaymentDue: LocalDate(year: 2030, month: 1, day: 1)!, vatRounding: "half_up_per_line"
        )
        let request = CreateOrderRequest(
            clientID: key, draft: draft,
            customer: CustomerData(lastName: "Muster", email: "m@example.com", termsAccepted: true),
            expectedTotal: Money(cents: 0), holdID: hold, force: force)
        return try! NewOrder(
            request: request, priced: priced, idempotencyKey: key,
            fingerprint: fingerprint ?? "fp-" + key, year: 2030)
    }

    /// Free units of `offer` over the draft's period, through BookingCore's rule.
    func free(_ offer: Offer, _ draft: OrderDraft, now: Date = Date()) throws -> Int? {
        let period = try Period(start: draft.start, end: draft.end)
        let booked = try store.bookedUnits(offers: [offer.id], over: period, scope: main, now: now)
        switch Availability(stock: offer.stock, booked: booked[offer.id] ?? [], over: period) {
        case .unlimited: return nil
        case .free(let units): return units
        }
    }
}
