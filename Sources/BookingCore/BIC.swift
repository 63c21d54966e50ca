/// The shape of a Business Identifier Code (ISO 9362), the bank's code beside an IBAN:
/// four letters for the bank, two for the country, two letters or digits for the place,
/// and optionally three more for the branch (`COBADEFFXXX`). A BIC carries no check digits,
/// so the shape is all that can be checked without the banks' directory.
public enum BIC {
    /// `text` in upper case without spaces when it has a BIC's shape; nil otherwise.
    public static func normalized(_ text: String) -> String? {
        let compact = Array(text.filter { $0 != " " }.uppercased().unicodeScalars)
        guard compact.count == 8 || compact.count == 11 else { return nil }
        let letters = compact[0..<6].allSatisfy { ("A"..."Z").contains($0) }
        let rest = compact[6...].allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
        return letters && rest ? String(String.UnicodeScalarView(compact)) : nil
    }
}
