import BookingAPI
import BookingCore
import BookingStore
import Foundation
import HTTPServer

/// A request after routing: the HTTP request, its path parameters and, on routes that need
/// one, the caller's session.
struct APIRequest: Sendable {
    let http: HTTPRequest
    let parameters: [String: Int64]
    let session: SessionContext?
    let now: Date

    /// The session of a route that requires one (the router guarantees it).
    var caller: SessionContext {
        guard let session else { preconditionFailure("route without access rule reached") }
        return session
    }

    var scope: Scope { caller.scope }

    func id<Entity>(_ name: String = "id") -> Identifier<Entity> {
        Identifier(parameters[name] ?? 0)
    }

    /// Decodes the JSON body, turning every kind of bad input into a 400 with the envelope.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        guard !http.body.isEmpty else {
            throw APIFailure(400, .invalidJSON, "the request needs a JSON body")
        }
        guard String(validating: http.body, as: UTF8.self) != nil else {
            throw APIFailure(400, .invalidJSON, "the body is not valid UTF-8")
        }
        do {
            return try APIJSON.sharedDecoder.decode(type, from: Data(http.body))
        } catch let error as DecodingError {
            throw Self.failure(error)
        } catch {
            throw APIFailure(400, .invalidJSON, "the body is not valid JSON")
        }
    }

    private static func failure(_ error: DecodingError) -> APIFailure {
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return APIFailure(400, .invalidJSON, "the body is not valid JSON")
        case .dataCorrupted(let context):
            return .invalidInput(context.debugDescription, field: path(context.codingPath))
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return .invalidInput("\(field) is missing", field: field)
        case .typeMismatch(_, let context) where context.codingPath.isEmpty:
            return .invalidInput("the body must be a JSON object")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let field = path(context.codingPath)
            return .invalidInput("\(field) has the wrong type", field: field)
        @unknown default:
            return .invalidInput("the body does not match the expected fields")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    // MARK: - Query arguments

    func query(_ name: String) -> String? {
        http.queryValue(name).flatMap { $0.isEmpty ? nil : $0 }
    }

    func queryID<Entity>(_ name: String) throws -> Identifier<Entity>? {
        guard let text = query(name) else { return nil }
        guard let value = Int64(text), value > 0 else {
            throw APIFailure.invalidInput("\(name) must be a positive id", field: name)
        }
        return Identifier(value)
    }

    func queryDate(_ name: String) throws -> LocalDate? {
        guard let text = query(name) else { return nil }
        guard let date = LocalDate(text) else {
            throw APIFailure.invalidInput("\(name) must be a date YYYY-MM-DD", field: name)
        }
        return date
    }

    func queryInstant(_ name: String) throws -> Date {
        guard let text = query(name) else {
            throw APIFailure.invalidInput("\(name) is missing", field: name)
        }
        guard let instant = try? Date(text, strategy: .iso8601) else {
            throw APIFailure.invalidInput(
                "\(name) must be an ISO 8601 instant such as 2026-03-05T08:00:00Z", field: name)
        }
        return instant
    }

    func optionalInstant(_ name: String) throws -> Date? {
        guard query(name) != nil else { return nil }
        return try queryInstant(name)
    }

    /// The `limit` argument, 1 to `maximum`, or `default` when absent.
    func limit(default value: Int, maximum: Int) throws -> Int {
        guard let text = query("limit") else { return value }
        guard let limit = Int(text), (1...maximum).contains(limit) else {
            throw APIFailure.invalidInput("limit must be 1 to \(maximum)", field: "limit")
        }
        return limit
    }
}
