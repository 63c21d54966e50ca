import BookingCore
import Foundation

/// Writes JSON for the hot wire types byte for byte as `APIJSON.encoder()` does (sorted keys,
/// no escaped slashes, ISO 8601 seconds). Used only where profiling showed Foundation's
/// encoder dominating a request; tests compare every writer with the encoder. A text that
/// needs escaping beyond quote and backslash makes `isComplete` false, and callers then use
/// the encoder instead.
struct JSONBytes {
    private(set) var bytes: [UInt8] = []
    private(set) var isComplete = true

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case 0x22, 0x5c:
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
            case 0..<0x20, 0x7f:
                isComplete = false
                bytes.append(byte)
            default:
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func int<T: BinaryInteger>(_ value: T) {
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func bool(_ value: Bool) {
        value ? raw("true") : raw("false")
    }

    /// `"YYYY-MM-DDTHH:MM:SSZ"`, as the encoder's `.iso8601` strategy writes an instant
    /// (whole seconds; years 1970...9999, else the encoder's own text).
    mutating func date(_ value: Date) {
        let seconds = value.timeIntervalSince1970
        guard seconds >= 0, seconds < 253_402_300_800, seconds == seconds.rounded(.down) else {
            string(value.formatted(.iso8601))
            return
        }
        let total = Int(seconds)
        guard let date = LocalDate(daysSinceEpoch: total / 86_400) else {
            string(value.formatted(.iso8601))
            return
        }
        let time = total % 86_400
        bytes.append(UInt8(ascii: "\""))
        digits(date.year, 4)
        bytes.append(UInt8(ascii: "-"))
        digits(date.month, 2)
        bytes.append(UInt8(ascii: "-"))
        digits(date.day, 2)
        bytes.append(UInt8(ascii: "T"))
        digits(time / 3600, 2)
        bytes.append(UInt8(ascii: ":"))
        digits(time / 60 % 60, 2)
        bytes.append(UInt8(ascii: ":"))
        digits(time % 60, 2)
        raw("Z\"")
    }

    private mutating func digits(_ value: Int, _ count: Int) {
        var divisor = 1
        for _ in 1..<count { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    mutating func localDate(_ value: LocalDate) {
        string(value.description)
    }

    mutating func money(_ value: Money) {
        raw("{\"cents\":")
        int(value.cents)
        raw(",\"currency\":")
        string(value.currency.rawValue)
        raw("}")
    }

    mutating func append(_ other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    mutating func array<T>(_ values: [T], _ element: (inout JSONBytes, T) -> Void) {
        raw("[")
        for (index, value) in values.enumerated() {
            if index > 0 { raw(",") }
            element(&self, value)
        }
        raw("]")
    }
}

extension PricedOrder {
    /// The same bytes as `APIJSON.encoder().encode(self)`, written directly.
    public func encodedJSON() throws -> [UInt8] {
        var out = JSONBytes(capacity: 300 + lines.count * 320)
        out.raw("{\"lines\":")
        out.array(lines) { out, line in line.write(to: &out) }
        out.raw(",\"prepayment\":")
        out.money(prepayment)
        out.raw(",\"prepaymentDue\":")
        out.localDate(prepaymentDue)
        out.raw(",\"total\":")
        out.money(total)
        out.raw(",\"vatRounding\":")
        out.string(vatRounding)
        out.raw(",\"vatTotals\":")
        out.array(vatTotals) { out, vat in
            out.raw("{\"amount\":")
            out.money(vat.amount)
            out.raw(",\"rate\":")
            out.int(vat.rate.rawValue)
            out.raw("}")
        }
        out.raw("}")
        return out.isComplete ? out.bytes : Array(try APIJSON.encoder().encode(self))
    }
}

extension PricedOrder.Line {
    fileprivate func write(to out: inout JSONBytes) {
        out.raw("{\"kind\":")
        out.string(kind.rawValue)
        out.raw(",\"name\":")
        out.string(name)
        out.raw(",\"offerID\":")
        out.int(offerID.rawValue)
        out.raw(",\"persons\":")
        out.int(persons)
        out.raw(",\"priceUnit\":")
        out.string(priceUnit.rawValue)
        out.raw(",\"quantity\":")
        out.int(quantity)
        out.raw(",\"total\":")
        out.money(total)
        out.raw(",\"unitPrice\":")
        out.money(unitPrice)
        out.raw(",\"units\":")
        out.int(units)
        out.raw(",\"vat\":")
        out.money(vat)
        out.raw(",\"vatRate\":")
        out.int(vatRate.rawValue)
        out.raw("}")
    }
}

extension JSONBytes {
    /// An order draft, as the synthesized encoding of BookingCore's `OrderDraft` writes it.
    mutating func draft(_ draft: OrderDraft) {
        raw("{\"branchID\":")
        int(draft.branchID.rawValue)
        raw(",\"end\":")
        date(draft.end)
        raw(",\"offers\":")
        array(draft.offers) { $0.item($1) }
        raw(",\"options\":")
        array(draft.options) { $0.item($1) }
        raw(",\"persons\":")
        int(draft.persons)
        if let other = draft.returnBranchID {
            raw(",\"returnBranchID\":")
            int(other.rawValue)
        }
        raw(",\"start\":")
        date(draft.start)
        raw("}")
    }

    private mutating func item(_ item: OrderItem) {
        raw("{\"offerID\":")
        int(item.offerID.rawValue)
        raw(",\"quantity\":")
        int(item.quantity)
        raw("}")
    }
}

extension CustomerData {
    /// The same bytes as `APIJSON.encoder().encode(self)`, written directly: the customer
    /// is stored as JSON with every order.
    public func encodedJSON() throws -> [UInt8] {
        let texts: [(StaticString, String?)] = [
            ("city", city), ("country", country), ("email", email), ("firstName", firstName),
            ("houseNumber", houseNumber), ("lastName", lastName), ("note", note),
            ("phone", phone), ("postalCode", postalCode), ("salutation", salutation),
            ("street", street),
        ]
        var out = JSONBytes()
        out.raw("{")
        for case (let key, let value?) in texts {
            out.raw("\"")
            out.raw(key)
            out.raw("\":")
            out.string(value)
            out.raw(",")
        }
        out.raw("\"termsAccepted\":")
        out.bool(termsAccepted)
        out.raw("}")
        return out.isComplete ? out.bytes : Array(try APIJSON.encoder().encode(self))
    }
}
