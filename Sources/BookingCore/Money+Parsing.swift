extension Money {
    /// Reads an amount as a person types it at the counter; nil for anything else.
    ///
    /// In the German style: `12,50`, `12`, `1.234,50`, `1234,5`, `12,-`, `-5,00`, `12,50 €`,
    /// `€ 12,50`. The English style swaps the separators (`1,234.50`).
    ///
    /// `12.50` is ambiguous in German: the dot groups thousands, but people type it as a
    /// decimal point on English keyboards and number pads. Since a group of thousands always
    /// has three digits, the grouping separator followed by one or two final digits, used
    /// once and without a decimal separator, is read as the decimal separator: `12.50` is
    /// 12,50 €, while `1.234` is 1.234,00 €. More than two decimals, misplaced groups,
    /// other characters and amounts beyond `Int64` cents give nil, never a crash.
    public init?(parsing text: String, style: MoneyStyle = .german, currency: Currency = .eur) {
        guard let (negative, number) = splitSign(text, currency: currency),
            let (whole, fraction) = splitDecimals(number, style: style),
            let euros = wholeUnits(whole, grouping: style.groupingSeparator),
            let cents = fractionCents(fraction)
        else { return nil }

        let (scaled, overflowScaling) = euros.multipliedReportingOverflow(by: 100)
        let (total, overflowAdding) = scaled.addingReportingOverflow(cents)
        guard !overflowScaling, !overflowAdding else { return nil }
        self.init(cents: negative ? -total : total, currency: currency)
    }
}

/// Drops surrounding blanks and the currency's symbol or code, and takes the sign.
private func splitSign(_ text: String, currency: Currency) -> (Bool, Substring)? {
    var rest = trimmed(Substring(text))
    var negative = takePrefix(of: &rest, ["-", "\u{2212}"])
    if !negative { _ = takePrefix(of: &rest, ["+"]) }

    let marks = [currency.symbol, currency.rawValue, currency.rawValue.lowercased()]
    if !takePrefix(of: &rest, marks) { _ = takeSuffix(of: &rest, marks) }
    if !negative { negative = takePrefix(of: &rest, ["-", "\u{2212}"]) }
    return rest.isEmpty ? nil : (negative, rest)
}

/// Splits `12,50` into `12` and `50`; see `Money(parsing:)` for the ambiguous case.
private func splitDecimals(_ number: Substring, style: MoneyStyle) -> (Substring, Substring)? {
    let decimal = style.decimalSeparator
    let grouping = style.groupingSeparator
    let decimals = number.filter { $0 == decimal }.count
    guard decimals <= 1 else { return nil }

    if decimals == 1, let comma = number.firstIndex(of: decimal) {
        let fraction = number[number.index(after: comma)...]
        guard !fraction.isEmpty else { return nil }
        // "12,-" is how German price tags write whole euros.
        return (number[..<comma], fraction == "-" ? "" : fraction)
    }
    let groups = number.split(separator: grouping, omittingEmptySubsequences: false)
    if groups.count == 2, (1...2).contains(groups[1].count) {
        return (groups[0], groups[1])
    }
    return (number, "")
}

/// The whole currency units of `1.234` or `1234`: groups of three after the first.
private func wholeUnits(_ whole: Substring, grouping: Character) -> Int64? {
    let groups = whole.split(separator: grouping, omittingEmptySubsequences: false)
    guard let first = groups.first, !first.isEmpty else { return nil }
    if groups.count > 1 {
        guard first.count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
            return nil
        }
    }
    var value: Int64 = 0
    for group in groups {
        guard let next = appendingDigits(group, to: value) else { return nil }
        value = next
    }
    return value
}

/// The cents of the part after the decimal separator: `5` is 50, `05` is 5, none is 0.
private func fractionCents(_ fraction: Substring) -> Int64? {
    guard fraction.count <= 2, let value = appendingDigits(fraction, to: 0) else { return nil }
    return fraction.count == 1 ? value * 10 : value
}

/// `value` followed by the ASCII digits of `digits`; nil for any other character or overflow.
private func appendingDigits(_ digits: Substring, to value: Int64) -> Int64? {
    var result = value
    for character in digits {
        guard let ascii = character.asciiValue, (48...57).contains(ascii) else { return nil }
        let (shifted, overflowShifting) = result.multipliedReportingOverflow(by: 10)
        let (sum, overflowAdding) = shifted.addingReportingOverflow(Int64(ascii - 48))
        guard !overflowShifting, !overflowAdding else { return nil }
        result = sum
    }
    return result
}

private func trimmed(_ text: Substring) -> Substring {
    guard let first = text.firstIndex(where: { !$0.isWhitespace }),
        let last = text.lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return text[first...last]
}

private func takePrefix(of text: inout Substring, _ candidates: [String]) -> Bool {
    guard let match = candidates.first(where: { text.hasPrefix($0) }) else { return false }
    text = trimmed(text.dropFirst(match.count))
    return true
}

private func takeSuffix(of text: inout Substring, _ candidates: [String]) -> Bool {
    guard let match = candidates.first(where: { text.hasSuffix($0) }) else { return false }
    text = trimmed(text.dropLast(match.count))
    return true
}
