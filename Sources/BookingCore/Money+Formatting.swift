/// How amounts are written for people: German by default, English as the desk's second
/// language.
public enum MoneyStyle: String, Codable, Sendable, CaseIterable {
    /// `1.234,50 €`, `-5,00 €`: comma before the cents, dots between thousands, the symbol
    /// after a space.
    case german
    /// `€1,234.50`, `-€5.00`: point before the cents, commas between thousands, the symbol
    /// first.
    case english

    /// The separator before the cents.
    var decimalSeparator: Character { self == .german ? "," : "." }

    /// The separator between groups of three digits.
    var groupingSeparator: Character { self == .german ? "." : "," }
}

extension Money {
    /// The amount as people read it, e.g. `1.234,50 €` or `€1,234.50`. Currencies without a
    /// symbol show their code: `12,00 CHF`, `CHF12.00`. The space before `€` is a plain one.
    public func formatted(_ style: MoneyStyle = .german) -> String {
        let magnitude = cents.magnitude
        let euros = grouped(magnitude / 100, by: style.groupingSeparator)
        let hundredths = magnitude % 100
        let number =
            euros + String(style.decimalSeparator) + (hundredths < 10 ? "0" : "")
            + String(hundredths)
        let sign = cents < 0 ? "-" : ""
        switch style {
        case .german: return sign + number + " " + currency.symbol
        case .english: return sign + currency.symbol + number
        }
    }
}

extension Currency {
    /// The sign people expect, or the code for currencies without one.
    public var symbol: String { self == .eur ? "€" : rawValue }
}

/// `value` in decimal digits with `separator` between groups of three, counted from the right.
private func grouped(_ value: UInt64, by separator: Character) -> String {
    let digits = Array(String(value))
    var text = ""
    for (index, digit) in digits.enumerated() {
        let remaining = digits.count - index
        if index > 0 && remaining % 3 == 0 { text.append(separator) }
        text.append(digit)
    }
    return text
}
