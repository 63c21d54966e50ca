import BookingCore
import Foundation

extension APIPath {
    /// Query: `since` (a cursor from the previous answer; none for everything).
    public static let catalogueChanges = prefix + "/changes/catalogue"
    /// Query: `since` (a cursor; none for everything), `from` (ISO 8601: only orders that
    /// end at or after it), `limit` (1 to 1000, default 500).
    public static let orderChanges = prefix + "/changes/orders"
}

/// `GET /api/v1/changes/catalogue`: the branches, categories, offers and options the caller
/// may see that changed since `since`, and the cursor to send next time. Without `since`
/// (or with a cursor this server never gave) it is the whole catalogue, `replacesAll`.
///
/// Cursors are positions in the account's change sequence, which every change of the
/// catalogue and of orders moves on in the same transaction; they are opaque to clients.
public struct ChangedCatalogue: Codable, Sendable, Equatable {
    public var branches: [Branch]
    public var categories: [Category]
    /// Offers and options (offers of a category of kind option) alike.
    public var offers: [Offer]
    /// Ids that left the caller's view since the cursor. The API deletes no branches,
    /// categories or offers today, so these stay empty; clients still apply them.
    public var removedBranches: [BranchID]
    public var removedCategories: [CategoryID]
    public var removedOffers: [OfferID]
    /// Send as `since` next time.
    public var cursor: String
    /// Whether this is everything the caller may see: what a client holds beyond it goes.
    public var replacesAll: Bool

    public init(
        branches: [Branch], categories: [Category], offers: [Offer],
        removedBranches: [BranchID] = [], removedCategories: [CategoryID] = [],
        removedOffers: [OfferID] = [], cursor: String, replacesAll: Bool
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

/// `GET /api/v1/changes/orders`: one page of the orders the caller may see that were
/// created or changed since `since`, oldest change first. A cancellation is an order whose
/// status is `cancelled`. When `more` is true, ask again with `cursor` at once.
public struct ChangedOrders: Codable, Sendable, Equatable {
    public var orders: [OrderInfo]
    /// Orders that left the caller's view since the cursor. The API deletes no orders and
    /// moves none between branches today, so this stays empty; clients still apply it.
    public var removed: [OrderID]
    public var cursor: String
    /// Whether another page follows.
    public var more: Bool
    /// Whether the answer starts from nothing (no `since`, or a cursor this server never
    /// gave): what a client holds beyond this and the following pages goes.
    public var replacesAll: Bool

    public init(
        orders: [OrderInfo], removed: [OrderID] = [], cursor: String, more: Bool,
        replacesAll: Bool
    ) {
        self.orders = orders
        self.removed = removed
        self.cursor = cursor
        self.more = more
        self.replacesAll = replacesAll
    }
}
