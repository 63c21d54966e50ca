import Foundation

/// An order as the wizard or an online form puts it together, before it is priced: where,
/// when, for how many persons, and which offers and options in what quantities. Nothing in
/// it is trusted; `Quote` checks every field.
public struct OrderDraft: Hashable, Codable, Sendable {
    /// The branch where the units are picked up; every offer and option must belong to it.
    public var branchID: BranchID
    /// The branch where they come back; nil for the pickup branch.
    public var returnBranchID: BranchID?
    /// Pickup or arrival.
    public var start: Date
    /// Return or departure.
    public var end: Date
    /// Persons per booked unit: guests of a flat, riders of a tandem, participants of a tour
    /// booked as one unit. Per-person prices multiply by it; `Offer.maxPersons` limits it.
    public var persons: Int
    /// The offers chosen (Angebot); at least one.
    public var offers: [OrderItem]
    /// The options chosen (Optionen): offers of a category of kind option.
    public var options: [OrderItem]

    public init(
        branchID: BranchID, returnBranchID: BranchID? = nil, start: Date, end: Date,
        persons: Int = 1, offers: [OrderItem], options: [OrderItem] = []
    ) {
        self.branchID = branchID
        self.returnBranchID = returnBranchID
        self.start = start
        self.end = end
        self.persons = persons
        self.offers = offers
        self.options = options
    }
}

extension OrderDraft {
    /// The most persons one draft may name: more is a typo, not a booking.
    public static let maximumPersons = 999

    /// The longest rental or stay, in days: a year and a day, so that a yearly let fits.
    public static let maximumDays = 366

    /// Reads a draft whose `persons` (1) and `options` (none) may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            branchID: try container.decode(BranchID.self, forKey: .branchID),
            returnBranchID: try container.decodeIfPresent(BranchID.self, forKey: .returnBranchID),
            start: try container.decode(Date.self, forKey: .start),
            end: try container.decode(Date.self, forKey: .end),
            persons: try container.decodeIfPresent(Int.self, forKey: .persons) ?? 1,
            offers: try container.decode([OrderItem].self, forKey: .offers),
            options: try container.decodeIfPresent([OrderItem].self, forKey: .options) ?? [])
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
