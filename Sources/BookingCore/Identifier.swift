/// A typed row identifier: an `OfferID` cannot be passed where a `BranchID` is expected.
/// On the wire it is a plain JSON integer.
public struct Identifier<Entity>: RawRepresentable, Hashable, Comparable, Codable, Sendable,
    CustomStringConvertible
{
    public let rawValue: Int64

    public init(rawValue: Int64) {
        self.rawValue = rawValue
    }

    public init(_ rawValue: Int64) {
        self.rawValue = rawValue
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    public var description: String { String(rawValue) }
}

/// The phantom types that tell identifiers apart. They are never instantiated.
public enum EntityKind {
    public enum Account {}
    public enum Branch {}
    public enum Category {}
    public enum Offer {}
    public enum Order {}
    public enum OrderLine {}
    public enum Hold {}
    public enum Customer {}
    public enum User {}
    public enum Guide {}
    public enum Tour {}
}

public typealias AccountID = Identifier<EntityKind.Account>
public typealias BranchID = Identifier<EntityKind.Branch>
public typealias CategoryID = Identifier<EntityKind.Category>
/// Offers and options share one table: an option is an offer of a category of kind `.option`.
public typealias OfferID = Identifier<EntityKind.Offer>
public typealias OrderID = Identifier<EntityKind.Order>
public typealias OrderLineID = Identifier<EntityKind.OrderLine>
public typealias HoldID = Identifier<EntityKind.Hold>
public typealias CustomerID = Identifier<EntityKind.Customer>
public typealias UserID = Identifier<EntityKind.User>
public typealias GuideID = Identifier<EntityKind.Guide>
public typealias TourID = Identifier<EntityKind.Tour>
