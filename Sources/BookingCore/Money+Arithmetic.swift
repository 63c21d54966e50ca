/// Sums and products of amounts. Mixing currencies is a programmer error and stops the
/// program; amounts from input go through `Quote`, which checks currencies and overflow
/// first and answers with a typed error instead.
extension Money: Comparable {
    public static func + (lhs: Money, rhs: Money) -> Money {
        Money(cents: lhs.cents + rhs.cents, currency: sameCurrency(lhs, rhs))
    }

    public static func - (lhs: Money, rhs: Money) -> Money {
        Money(cents: lhs.cents - rhs.cents, currency: sameCurrency(lhs, rhs))
    }

    public static prefix func - (amount: Money) -> Money {
        Money(cents: -amount.cents, currency: amount.currency)
    }

    public static func * (amount: Money, factor: Int) -> Money {
        Money(cents: amount.cents * Int64(factor), currency: amount.currency)
    }

    public static func * (factor: Int, amount: Money) -> Money {
        amount * factor
    }

    public static func += (lhs: inout Money, rhs: Money) {
        lhs = lhs + rhs
    }

    public static func -= (lhs: inout Money, rhs: Money) {
        lhs = lhs - rhs
    }

    /// Compares amounts of one currency.
    public static func < (lhs: Money, rhs: Money) -> Bool {
        _ = sameCurrency(lhs, rhs)
        return lhs.cents < rhs.cents
    }

    /// The sum, or nil when the currencies differ or the result overflows.
    public func adding(_ other: Money) -> Money? {
        guard currency == other.currency else { return nil }
        let (cents, overflow) = self.cents.addingReportingOverflow(other.cents)
        return overflow ? nil : Money(cents: cents, currency: currency)
    }

    /// The product, or nil when it overflows.
    public func multiplied(by factor: Int) -> Money? {
        let (cents, overflow) = self.cents.multipliedReportingOverflow(by: Int64(factor))
        return overflow ? nil : Money(cents: cents, currency: currency)
    }

    public var isZero: Bool { cents == 0 }

    public var isNegative: Bool { cents < 0 }

    private static func sameCurrency(_ lhs: Money, _ rhs: Money) -> Currency {
        precondition(lhs.currency == rhs.currency, "mixing \(lhs.currency) and \(rhs.currency)")
        return lhs.currency
    }
}

extension Sequence where Element == Money {
    /// The total of all amounts, which must all be in `currency`; zero when there are none.
    public func sum(in currency: Currency = .eur) -> Money {
        reduce(.zero(currency), +)
    }
}

extension Money {
    /// `self × numerator / denominator`, rounded half away from zero to the cent: half up for
    /// a sale, and a refund mirrors it. Needs `0 <= numerator <= denominator`; then nothing
    /// can overflow, since the whole part is taken before multiplying.
    func scaled(by numerator: Int64, over denominator: Int64) -> Money {
        precondition(denominator > 0 && (0...denominator).contains(numerator))
        let (whole, rest) = cents.quotientAndRemainder(dividingBy: denominator)
        let (part, remainder) = (rest * numerator).quotientAndRemainder(dividingBy: denominator)
        let roundsAway = 2 * remainder.magnitude >= denominator.magnitude
        let rounded = part + (roundsAway ? (remainder < 0 ? -1 : 1) : 0)
        return Money(cents: whole * numerator + rounded, currency: currency)
    }
}
