import Foundation

extension Quote {
    /// An order as the wizard or an online form puts it together, before it is priced: where,
    /// when, for how many persons, and which offers and options in what quantities. Nothing
    /// in it is trusted; `Quote(draft:...)` checks every field.
    ///
    /// It has the shape of BookingAPI's `OrderDraft` (the wire form), so turning one into
    /// the other is a field-by-field copy.
    public struct Draft: Hashable, Codable, Sendable {
        /// The branch where the units are picked up; every item must belong to it.
        public var branchID: BranchID
        /// The branch where they come back; nil for the pickup branch.
        public var returnBranchID: BranchID?
        /// Pickup or arrival.
        public var start: Date
        /// Return or departure.
        public var end: Date
        /// Persons per booked unit: guests of a flat, riders of a tandem, participants of a
        /// tour booked as one unit. Per-person prices multiply by it; `Offer.maxPersons`
        /// limits it.
        public var persons: Int
        /// Offers (Angebot) and options (Optionen) in the order they were chosen; the catalog
        /// tells them apart. At least one must be an offer that is not an option.
        public var items: [OrderItem]

        public init(
            branchID: BranchID, returnBranchID: BranchID? = nil, start: Date, end: Date,
            persons: Int = 1, items: [OrderItem]
        ) {
            self.branchID = branchID
            self.returnBranchID = returnBranchID
            self.start = start
            self.end = end
            self.persons = persons
            self.items = items
        }
    }
}

/// One chosen offer or option and how many units of it.
public struct OrderItem: Hashable, Codable, Sendable {
    public var offerID: OfferID
    public var quantity: Int

    public init(_ offerID: OfferID, quantity: Int = 1) {
        self.offerID = offerID
        self.quantity = quantity
    }

    /// The most units one line may book: far above any counter's needs, far below anything
    /// that could overflow a count or a total.
    public static let maximumQuantity = 9_999
}
