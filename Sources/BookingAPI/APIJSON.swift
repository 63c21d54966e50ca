import Foundation

/// The JSON conventions of the booking API, shared by server and desk so both sides agree:
/// keys exactly as the Swift property names (camelCase), instants as ISO 8601 UTC with
/// seconds, dates `YYYY-MM-DD`, times `HH:MM`, money `{"cents": 1000, "currency": "EUR"}`.
public enum APIJSON {
    /// A new encoder with the API's conventions.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// A new decoder with the API's conventions.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// One encoder for the whole process, for code that encodes on every request: Foundation's
    /// encoders and decoders may be shared between threads, and making one per request cost
    /// a sixth of what decoding an order body costs.
    public static let sharedEncoder = encoder()

    /// One decoder for the whole process (see `sharedEncoder`).
    public static let sharedDecoder = decoder()

    /// The media type of every request and response body.
    public static let contentType = "application/json; charset=utf-8"
}
