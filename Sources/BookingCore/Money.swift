/// An ISO 4217 currency code. BookingDesk sells in euros today; the code travels with every
/// amount so that a second currency never silently mixes with the first.
public struct Currency: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public static let eur = Currency(rawValue: "EUR")

    public var description: String { rawValue }
}

/// An amount of money in integer cents. Never floating point: prices, VAT and totals are
/// computed and stored in cents and only turned into text at the edge.
public struct Money: Hashable, Codable, Sendable {
    public var cents: Int64
    public var currency: Currency

    public init(cents: Int64, currency: Currency = .eur) {
        self.cents = cents
        self.currency = currency
    }

    /// Zero in the given currency.
    public static func zero(_ currency: Currency = .eur) -> Money {
        Money(cents: 0, currency: currency)
    }

    /// A whole amount, e.g. `Money.euros(15)` for 15,00 €.
    public static func euros(_ euros: Int64, cents: Int64 = 0) -> Money {
        Money(cents: euros * 100 + cents, currency: .eur)
    }
}
