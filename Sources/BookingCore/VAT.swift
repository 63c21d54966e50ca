import Foundation

/// How the VAT contained in gross prices is rounded. The server stores it on each order, so
/// an order keeps its figures even if a later version rounds differently.
public enum VATRounding: String, Codable, Sendable, CaseIterable {
    /// The VAT of each line is rounded half up to the cent on its own; the VAT of an order is
    /// the sum of its lines' VAT.
    case halfUpPerLine = "half_up_per_line"

    /// The VAT contained in the gross amount `gross` of one line at `rate`:
    /// gross × rate / (10 000 + rate), rounded by this rule. `rate` must be valid.
    public func vat(in gross: Money, at rate: VATRate) -> Money {
        precondition(rate.isValid, "VAT rate \(rate.rawValue) is outside 0...10000")
        switch self {
        case .halfUpPerLine:
            return gross.scaled(by: Int64(rate.rawValue), over: 10_000 + Int64(rate.rawValue))
        }
    }
}

extension VATRate {
    /// Whether the rate lies between 0 % and 100 %.
    public var isValid: Bool { (0...10_000).contains(rawValue) }

    /// The VAT contained in the gross amount of one line, rounded half up per line.
    public func vat(in gross: Money) -> Money {
        VATRounding.halfUpPerLine.vat(in: gross, at: self)
    }

    /// The rate as people write it: `19 %`, `7 %`, `5,5 %` (German) or `5.5%` (English).
    public func formatted(_ style: MoneyStyle = .german) -> String {
        let whole = rawValue / 100
        let hundredths = abs(rawValue % 100)
        var number = String(whole)
        if hundredths != 0 {
            let digits = hundredths % 10 == 0 ? String(hundredths / 10) : pad2(hundredths)
            number += (style == .german ? "," : ".") + digits
        }
        return style == .german ? number + " %" : number + "%"
    }
}

private func pad2(_ value: Int) -> String {
    value < 10 ? "0\(value)" : String(value)
}
