import Foundation

/// A JSON value read by `PlainJSON.parse`, for bodies on the hot path where Foundation's
/// JSONDecoder took a tenth of an order's CPU.
///
/// Only the plain subset is read: strings without escapes, integers without fraction or
/// exponent, objects without repeated keys, at most a few levels deep. For any other input
/// `parse` returns nil and the caller decodes with JSONDecoder, which stays the reference
/// for what is accepted and for every error message.
enum PlainJSON: Equatable {
    case object([String: PlainJSON])
    case array([PlainJSON])
    case string(String)
    case integer(Int64)
    case bool(Bool)
    case null

    /// The value of `bytes` (valid UTF-8), or nil if it is not plain JSON.
    static func parse(_ bytes: [UInt8]) -> PlainJSON? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer)
            guard let value = reader.value(depth: 0) else { return nil }
            reader.skipSpace()
            return reader.index == buffer.count ? value : nil
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        mutating func value(depth: Int) -> PlainJSON? {
            skipSpace()
            guard index < bytes.count, depth < 6 else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "{"): return object(depth: depth)
            case UInt8(ascii: "["): return array(depth: depth)
            case UInt8(ascii: "\""): return string().map { .string($0) }
            case UInt8(ascii: "t"): return literal("true", .bool(true))
            case UInt8(ascii: "f"): return literal("false", .bool(false))
            case UInt8(ascii: "n"): return literal("null", .null)
            default: return integer()
            }
        }

        private mutating func object(depth: Int) -> PlainJSON? {
            index += 1
            var fields: [String: PlainJSON] = [:]
            skipSpace()
            if consume(UInt8(ascii: "}")) { return .object(fields) }
            repeat {
                skipSpace()
                guard let key = string() else { return nil }
                skipSpace()
                guard consume(UInt8(ascii: ":")), let value = value(depth: depth + 1),
                    fields.updateValue(value, forKey: key) == nil
                else { return nil }
                skipSpace()
            } while consume(UInt8(ascii: ","))
            return consume(UInt8(ascii: "}")) ? .object(fields) : nil
        }

        private mutating func array(depth: Int) -> PlainJSON? {
            index += 1
            var elements: [PlainJSON] = []
            skipSpace()
            if consume(UInt8(ascii: "]")) { return .array(elements) }
            repeat {
                guard let element = value(depth: depth + 1) else { return nil }
                elements.append(element)
                skipSpace()
            } while consume(UInt8(ascii: ","))
            return consume(UInt8(ascii: "]")) ? .array(elements) : nil
        }

        /// A string without escapes or control characters.
        private mutating func string() -> String? {
            guard consume(UInt8(ascii: "\"")) else { return nil }
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return String(decoding: bytes[start..<index - 1], as: UTF8.self)
                }
                guard byte != UInt8(ascii: "\\"), byte >= 0x20 else { return nil }
                index += 1
            }
            return nil
        }

        /// An integer as JSON writes it: no leading zeros, no fraction, no exponent.
        private mutating func integer() -> PlainJSON? {
            let negative = consume(UInt8(ascii: "-"))
            let start = index
            var magnitude: Int64 = 0
            while index < bytes.count, let digit = Self.digit(bytes[index]) {
                let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(digit)
                guard !overflow1, !overflow2 else { return nil }
                magnitude = sum
                index += 1
            }
            let count = index - start
            guard count > 0, count == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
            if index < bytes.count,
                [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")]
                    .contains(bytes[index])
            {
                return nil
            }
            return .integer(negative ? -magnitude : magnitude)
        }

        private static func digit(_ byte: UInt8) -> Int64? {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                ? Int64(byte - UInt8(ascii: "0")) : nil
        }

        private mutating func literal(_ text: StaticString, _ value: PlainJSON) -> PlainJSON? {
            let count = text.utf8CodeUnitCount
            guard index + count <= bytes.count else { return nil }
            for offset in 0..<count where bytes[index + offset] != text.utf8Start[offset] {
                return nil
            }
            index += count
            return value
        }

        private mutating func consume(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
    }
}
