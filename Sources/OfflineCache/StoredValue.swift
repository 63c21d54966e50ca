import BookingAPI
import Foundation

extension Date {
    /// Milliseconds since 1970-01-01 UTC, as the desk's files store instants.
    var storedMilliseconds: Int64 {
        Int64((timeIntervalSince1970 * 1000).rounded(.down))
    }

    init(storedMilliseconds: Int64) {
        self.init(timeIntervalSince1970: TimeInterval(storedMilliseconds) / 1000)
    }
}

/// Wire types stored as JSON text in the API's own encoding, next to the indexed columns
/// that queries need.
enum StoredJSON {
    static func encode<T: Encodable>(_ value: T) throws(OfflineCacheError) -> String {
        do {
            return String(decoding: try APIJSON.encoder().encode(value), as: UTF8.self)
        } catch {
            throw .unreadable("cannot encode \(T.self): \(error)")
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws(OfflineCacheError)
        -> T
    {
        do {
            return try APIJSON.decoder().decode(type, from: Data(text.utf8))
        } catch {
            throw .unreadable("cannot decode \(T.self): \(error)")
        }
    }
}
