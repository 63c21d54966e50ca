import BookingAPI
import BookingCore
import Foundation
import OfflineCache

/// Who is logged in and what they may see: the account's settings and the catalogue of
/// branches, categories, offers and options, loaded once after log-in.
public struct DeskSession: Sendable {
    public var info: SessionInfo
    public var branches: [Branch] = []
    public var categories: [Category] = []
    /// Everything bookable except options, sorted by category and name.
    public var offers: [Offer] = []
    /// The extras (Zusatzoptionen), sorted by name.
    public var options: [Offer] = []

    public init(info: SessionInfo) {
        self.info = info
    }

    /// The account's time zone; Europe/Berlin when the system does not know the stored one.
    public var calendar: AccountCalendar {
        AccountCalendar(identifier: info.account.timeZone) ?? .berlin
    }

    public var prepayment: PrepaymentPolicy {
        PrepaymentPolicy(
            percent: info.account.prepaymentPercent,
            dueAfterDays: info.account.prepaymentDueDays)
    }

    /// Offers, options and categories for BookingCore's one price function.
    public var priceCatalog: Catalog {
        Catalog(offers: offers + options, categories: categories)
    }

    public func branch(_ id: BranchID) -> Branch? {
        branches.first { $0.id == id }
    }

    public func category(_ id: CategoryID) -> Category? {
        categories.first { $0.id == id }
    }

    public func offer(_ id: OfferID) -> Offer? {
        offers.first { $0.id == id } ?? options.first { $0.id == id }
    }

    /// The offers of one branch, optionally of one category.
    public func offers(at branch: BranchID, category: CategoryID? = nil) -> [Offer] {
        offers.filter { $0.branchID == branch && (category == nil || $0.categoryID == category) }
    }

    /// The categories that have offers (not options) at a branch, in catalogue order.
    public func categories(at branch: BranchID) -> [Category] {
        let used = Set(offers.lazy.filter { $0.branchID == branch }.map(\.categoryID))
        return categories.filter { used.contains($0.id) }
    }

    /// Takes the catalogue from the cache: offers and options told apart by the kind of
    /// their category, as the server's two lists do.
    mutating func fillCatalogue(from cache: Cache) throws(OfflineCacheError) {
        branches = try cache.branches()
        categories = try cache.categories()
        let optionCategories = Set(categories.filter { $0.kind == .option }.map(\.id))
        let all = try cache.offers()
        offers = all.filter { !optionCategories.contains($0.categoryID) }
        options = all.filter { optionCategories.contains($0.categoryID) }
        sortCatalogue()
    }

    /// Sorts the catalogue the way the screens list it.
    public mutating func sortCatalogue() {
        let order = Dictionary(
            categories.enumerated().map { ($0.element.id, $0.offset) },
            uniquingKeysWith: { a, _ in a })
        offers.sort {
            (order[$0.categoryID] ?? 0, $0.name.lowercased())
                < (order[$1.categoryID] ?? 0, $1.name.lowercased())
        }
        options.sort { $0.name.lowercased() < $1.name.lowercased() }
    }
}
