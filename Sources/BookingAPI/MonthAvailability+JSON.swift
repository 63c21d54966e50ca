import BookingCore

extension MonthAvailability {
    /// The same bytes as `APIJSON.encoder().encode(self)`, written directly.
    ///
    /// The month view is the desk's most frequent request, and Foundation's encoder spends
    /// most of its time on the per-day arrays. A test compares both outputs byte for byte,
    /// so the two cannot drift apart.
    public func encodedJSON() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + days.count * 13 + offers.count * (days.count * 9 + 48))
        out.append(contentsOf: "{\"days\":[".utf8)
        for (index, day) in days.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            day.writeQuoted(to: &out)
        }
        out.append(contentsOf: "],\"month\":".utf8)
        month.writeQuoted(to: &out)
        out.append(contentsOf: ",\"offers\":[".utf8)
        for (index, offer) in offers.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            offer.write(to: &out)
        }
        out.append(contentsOf: "]}".utf8)
        return out
    }
}

extension MonthAvailability.OfferDays {
    fileprivate func write(to out: inout [UInt8]) {
        out.append(contentsOf: "{\"closed\":[".utf8)
        for (index, value) in closed.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: value ? "true".utf8 : "false".utf8)
        }
        out.append(contentsOf: "],\"free\":[".utf8)
        for (index, value) in free.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: (value.map { String($0) } ?? "null").utf8)
        }
        out.append(contentsOf: "],\"offerID\":".utf8)
        out.append(contentsOf: String(offerID.rawValue).utf8)
        out.append(UInt8(ascii: "}"))
    }
}

extension LocalDate {
    /// `"YYYY-MM-DD"` with its quotes, digit by digit.
    fileprivate func writeQuoted(to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        writeDigits(year, count: 4, to: &out)
        out.append(UInt8(ascii: "-"))
        writeDigits(month, count: 2, to: &out)
        out.append(UInt8(ascii: "-"))
        writeDigits(day, count: 2, to: &out)
        out.append(UInt8(ascii: "\""))
    }

    private func writeDigits(_ value: Int, count: Int, to out: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<count { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }
}
