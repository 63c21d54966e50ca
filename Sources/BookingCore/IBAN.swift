/// An International Bank Account Number whose check digits are correct (ISO 13616).
///
/// Made from text as a person types it: spaces are ignored and letters may be in any case;
/// the stored form is upper case without spaces (`DE89370400440532013000`). The check is the
/// one every bank uses: the country code and check digits move to the end, letters become
/// numbers (A = 10 … Z = 35), and the whole number modulo 97 must be 1. Where the length
/// of a country's IBAN is known, it is checked too.
public struct IBAN: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Upper case, without spaces.
    public let value: String

    /// Nil when `text` is not an IBAN with correct check digits.
    public init?(_ text: String) {
        let compact = String(text.filter { $0 != " " }).uppercased()
        guard Self.hasValidShape(compact), Self.remainder(compact) == 1 else { return nil }
        value = compact
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let iban = IBAN(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "not an IBAN with correct check digits")
        }
        self = iban
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    /// The two-letter country code, e.g. `DE`.
    public var countryCode: Substring { value.prefix(2) }

    /// Groups of four, as printed on paper: `DE89 3704 0044 0532 0130 00`.
    public var description: String {
        var groups: [Substring] = []
        var rest = Substring(value)
        while !rest.isEmpty {
            groups.append(rest.prefix(4))
            rest = rest.dropFirst(4)
        }
        return groups.joined(separator: " ")
    }

    /// Two letters, two digits, then letters and digits; 15 to 34 characters in all, or
    /// exactly the country's length where it is known.
    private static func hasValidShape(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard (15...34).contains(scalars.count) else { return false }
        let isLetter = { (s: Unicode.Scalar) in s >= "A" && s <= "Z" }
        let isDigit = { (s: Unicode.Scalar) in s >= "0" && s <= "9" }
        guard isLetter(scalars[0]), isLetter(scalars[1]), isDigit(scalars[2]), isDigit(scalars[3])
        else { return false }
        guard scalars.allSatisfy({ isLetter($0) || isDigit($0) }) else { return false }
        let country = String(text.prefix(2))
        return lengths[country].map { $0 == scalars.count } ?? true
    }

    /// The number ISO 13616 forms from the text, modulo 97, computed digit by digit.
    private static func remainder(_ text: String) -> Int {
        let rearranged = text.dropFirst(4) + text.prefix(4)
        var remainder = 0
        for scalar in rearranged.unicodeScalars {
            let value = Int(scalar.value)
            if value >= 65 {  // A ... Z stand for 10 ... 35: two digits
                remainder = (remainder * 100 + value - 55) % 97
            } else {
                remainder = (remainder * 10 + value - 48) % 97
            }
        }
        return remainder
    }

    /// IBAN lengths of the countries whose guides and customers we are most likely to see.
    private static let lengths: [String: Int] = [
        "AT": 20, "BE": 16, "CH": 21, "CZ": 24, "DE": 22, "DK": 18, "ES": 24, "FI": 18,
        "FR": 27, "GB": 22, "IE": 22, "IT": 27, "LI": 21, "LU": 20, "NL": 18, "NO": 15,
        "PL": 28, "PT": 25, "SE": 24,
    ]
}
