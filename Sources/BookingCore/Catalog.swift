import Foundation

/// What a category sells; it decides how availability and prices are counted.
public enum CategoryKind: String, Codable, Sendable, CaseIterable {
    /// Bikes, e-bikes, scooters: rented by the hour or day at a branch.
    case rental
    /// Holiday flats: booked by the night.
    case accommodation
    /// Guided tours: dated departures with a capacity.
    case tour
    /// Extras (Zusatzoptionen) added to an order: a trailer, final cleaning.
    case option
}

/// How a price rule counts what the customer pays for.
public enum PriceUnit: String, Codable, Sendable, CaseIterable {
    case perHour = "per_hour"
    case perDay = "per_day"
    case perNight = "per_night"
    case perPerson = "per_person"
    case perBooking = "per_booking"
}

/// A value-added tax rate in basis points: 1900 is 19 %, 700 is 7 %.
public struct VATRate: RawRepresentable, Hashable, Codable, Sendable {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// Refuses rates outside 0 % ... 100 %, which no VAT computation can use.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        rawValue = try container.decode(Int.self)
        guard isValid else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "a VAT rate is 0...10000 basis points")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// German standard rate, for rentals and tours.
    public static let standard = VATRate(rawValue: 1900)
    /// German reduced rate, for short-term accommodation.
    public static let reduced = VATRate(rawValue: 700)
}

/// The price of one unit of an offer: `amount` per `unit`, never less than `minimum`.
public struct PriceRule: Hashable, Codable, Sendable {
    public var unit: PriceUnit
    /// Gross amount per unit counted (hour, day, night, person or booking).
    public var amount: Money
    /// The least a line of this offer costs per unit booked, if set.
    public var minimum: Money?

    public init(unit: PriceUnit, amount: Money, minimum: Money? = nil) {
        self.unit = unit
        self.amount = amount
        self.minimum = minimum
    }
}

/// A place where units are picked up and returned (Filiale).
public struct Branch: Hashable, Codable, Sendable {
    public var id: BranchID
    public var name: String
    public var address: String
    /// Daily opening hours, in the account's time zone.
    public var opens: LocalTime
    public var closes: LocalTime
    /// ISO weekdays (1 = Monday ... 7 = Sunday) on which the branch is closed.
    public var closedWeekdays: Set<Int>

    public init(
        id: BranchID, name: String, address: String = "", opens: LocalTime, closes: LocalTime,
        closedWeekdays: Set<Int> = []
    ) {
        self.id = id
        self.name = name
        self.address = address
        self.opens = opens
        self.closes = closes
        self.closedWeekdays = closedWeekdays
    }
}

/// A group of offers of one kind, such as "Fahrräder" or "Ferienwohnungen".
public struct Category: Hashable, Codable, Sendable {
    public var id: CategoryID
    public var name: String
    public var kind: CategoryKind

    public init(id: CategoryID, name: String, kind: CategoryKind) {
        self.id = id
        self.name = name
        self.kind = kind
    }
}

/// Something that can be booked (Objekt): a bike model, a flat, a tour, or an option.
/// An offer belongs to one branch and one category and has `stock` identical units.
public struct Offer: Hashable, Codable, Sendable {
    public var id: OfferID
    public var branchID: BranchID
    public var categoryID: CategoryID
    public var name: String
    /// Number of identical units; nil only for unlimited options (final cleaning).
    public var stock: Int?
    public var price: PriceRule
    public var vatRate: VATRate
    /// Most persons one unit takes (a flat for 3), if limited.
    public var maxPersons: Int?
    /// Whether a unit may be returned at another branch than where it was picked up.
    public var returnElsewhere: Bool

    public init(
        id: OfferID, branchID: BranchID, categoryID: CategoryID, name: String, stock: Int?,
        price: PriceRule, vatRate: VATRate = .standard, maxPersons: Int? = nil,
        returnElsewhere: Bool = false
    ) {
        self.id = id
        self.branchID = branchID
        self.categoryID = categoryID
        self.name = name
        self.stock = stock
        self.price = price
        self.vatRate = vatRate
        self.maxPersons = maxPersons
        self.returnElsewhere = returnElsewhere
    }

    /// Options without a stock can be added to any number of orders.
    public var isUnlimited: Bool { stock == nil }
}

/// The offers and categories a quote may use, looked up by id.
public struct Catalog: Hashable, Sendable {
    public var offers: [OfferID: Offer]
    public var categories: [CategoryID: Category]

    /// When an id appears twice, the later entry wins.
    public init(offers: [Offer], categories: [Category]) {
        self.offers = Dictionary(offers.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
        self.categories = Dictionary(categories.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
    }

    public func offer(_ id: OfferID) -> Offer? {
        offers[id]
    }

    /// The kind of the offer's category; nil when the category is unknown.
    public func kind(of offer: Offer) -> CategoryKind? {
        categories[offer.categoryID]?.kind
    }

    /// Whether the offer is an option (Zusatzoption): an offer of a category of kind option.
    public func isOption(_ offer: Offer) -> Bool {
        kind(of: offer) == .option
    }
}
