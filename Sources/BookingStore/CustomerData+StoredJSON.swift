import BookingAPI

extension CustomerData {
    /// The same text as `StoredJSON.encode(self)`, written directly: it is encoded for
    /// every order, where Foundation's encoder was a visible share of the CPU. A text with
    /// control characters goes through the encoder, which knows how to escape them.
    func storedJSON() throws -> String {
        let optional: [(StaticString, String?)] = [
            ("city", city), ("country", country), ("email", email), ("firstName", firstName),
            ("houseNumber", houseNumber), ("lastName", lastName), ("note", note),
            ("phone", phone), ("postalCode", postalCode), ("salutation", salutation),
            ("street", street),
        ]
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        bytes.reserveCapacity(256)
        for (key, value) in optional {
            guard let value else { continue }
            guard Self.append(key, value, to: &bytes) else {
                return try StoredJSON.encode(self)
            }
        }
        bytes.append(contentsOf: #""termsAccepted":"#.utf8)
        bytes.append(contentsOf: termsAccepted ? "true}".utf8 : "false}".utf8)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `"key":"value",`; false if the value needs more than `\"` and `\\` escapes.
    private static func append(_ key: StaticString, _ value: String, to bytes: inout [UInt8])
        -> Bool
    {
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: #"":""#.utf8)
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
            case 0..<0x20, 0x7f:
                return false
            default:
                bytes.append(byte)
            }
        }
        bytes.append(contentsOf: #"","#.utf8)
        return true
    }
}
