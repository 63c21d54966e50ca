import BookingAPI
import BookingCore

/// One answer of the catalogue's delta sync: what changed since the cursor the desk sent,
/// and the cursor to send next time. A full fetch is a change set that `replacesAll`.
public struct CatalogueChanges: Sendable, Equatable {
    public var branches: [Branch]
    public var categories: [Category]
    /// Offers and options (offers of a category of kind option) alike.
    public var offers: [Offer]
    public var removedBranches: [BranchID]
    public var removedCategories: [CategoryID]
    public var removedOffers: [OfferID]
    /// The server's opaque cursor for the next delta; nil when it has none to give.
    public var cursor: String?
    /// Whether this is everything the user may see: what the cache holds beyond it goes.
    public var replacesAll: Bool

    public init(
        branches: [Branch] = [], categories: [Category] = [], offers: [Offer] = [],
        removedBranches: [BranchID] = [], removedCategories: [CategoryID] = [],
        removedOffers: [OfferID] = [], cursor: String?, replacesAll: Bool
    ) {
        self.branches = branches
        self.categories = categories
        self.offers = offers
        self.removedBranches = removedBranches
        self.removedCategories = removedCategories
        self.removedOffers = removedOffers
        self.cursor = cursor
        self.replacesAll = replacesAll
    }
}

/// One answer of the orders' delta sync. Cancellations arrive as orders whose status is
/// `cancelled`; orders that left the user's view (deleted, or moved out of their branches)
/// as `removed`.
public struct OrderChanges: Sendable, Equatable {
    /// New and changed orders, cancelled ones included.
    public var orders: [OrderInfo]
    public var removed: [OrderID]
    public var cursor: String?
    /// Whether this is every order the user may see: what the cache holds beyond it goes.
    public var replacesAll: Bool

    public init(
        orders: [OrderInfo], removed: [OrderID] = [], cursor: String?, replacesAll: Bool
    ) {
        self.orders = orders
        self.removed = removed
        self.cursor = cursor
        self.replacesAll = replacesAll
    }
}
