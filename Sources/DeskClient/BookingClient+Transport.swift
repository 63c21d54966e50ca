import BookingAPI
import Curl
import Foundation

extension BookingClient {
    /// GETs a path and decodes the answer.
    func get<Answer: Decodable>(
        _ path: String, query: [(String, String?)] = []
    ) throws(DeskClientError) -> Answer {
        let response = try exchange("GET", path + Self.queryString(query), body: nil)
        return try Self.decode(response)
    }

    /// Sends a JSON body and decodes the answer.
    func send<Answer: Decodable>(
        _ method: String, _ path: String, body: some Encodable, headers: [String: String] = [:]
    ) throws(DeskClientError) -> Answer {
        let response = try exchange(method, path, body: Self.encode(body), headers: headers)
        return try Self.decode(response)
    }

    /// Sends a request without a body and decodes the answer.
    func send<Answer: Decodable>(_ method: String, _ path: String) throws(DeskClientError)
        -> Answer
    {
        try Self.decode(try exchange(method, path, body: nil))
    }

    /// Sends a request whose answer has no body worth reading (204).
    func sendWithoutAnswer(_ method: String, _ path: String) throws(DeskClientError) {
        _ = try exchange(method, path, body: nil)
    }

    /// One request: headers, token, timing, and every failure turned into a `DeskClientError`.
    private func exchange(
        _ method: String, _ path: String, body: [UInt8]?, headers: [String: String] = [:]
    ) throws(DeskClientError) -> HTTPClient.Response {
        var all = headers
        all["Accept"] = "application/json"
        if body != nil { all["Content-Type"] = APIJSON.contentType }
        if let token { all["Authorization"] = "Bearer \(token)" }
        let request = HTTPClient.Request(
            method: method, url: baseURL + path, headers: all, body: body ?? [])

        let started = ContinuousClock.now
        let response: HTTPClient.Response
        do {
            response = try http.send(request)
        } catch {
            let failure = DeskClientError(error)
            log(method, path, outcome: failure.messageKey, since: started)
            throw failure
        }
        log(method, path, outcome: String(response.status), since: started)

        guard (200..<300).contains(response.status) else {
            let failure = DeskClientError(response: response)
            if failure == .sessionEnded { token = nil }
            throw failure
        }
        return response
    }

    private func log(
        _ method: String, _ path: String, outcome: String, since: ContinuousClock.Instant
    ) {
        let elapsed = ContinuousClock.now - since
        let milliseconds =
            elapsed.components.seconds * 1000
            + elapsed.components.attoseconds / 1_000_000_000_000_000
        // The path without its query: queries may name customers.
        let bare = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
        configuration.logger.debug(
            "api call",
            ["method": method, "path": bare, "outcome": outcome, "ms": "\(milliseconds)"])
    }

    private static func encode(_ body: some Encodable) -> [UInt8] {
        do {
            return Array(try APIJSON.encoder().encode(body))
        } catch {
            // Our own wire types always encode; a failure here is a programming error.
            preconditionFailure("cannot encode \(type(of: body)): \(error)")
        }
    }

    private static func decode<Answer: Decodable>(
        _ response: HTTPClient.Response
    ) throws(DeskClientError) -> Answer {
        do {
            return try APIJSON.decoder().decode(Answer.self, from: Data(response.body))
        } catch {
            throw .unreadableResponse("HTTP \(response.status), \(Answer.self): \(error)")
        }
    }

    /// `?name=value&...` of the items that have a value, percent-encoded.
    static func queryString(_ items: [(String, String?)]) -> String {
        let pairs = items.compactMap { name, value in
            value.map { "\(percentEncoded(name))=\(percentEncoded($0))" }
        }
        return pairs.isEmpty ? "" : "?" + pairs.joined(separator: "&")
    }

    /// RFC 3986: everything but the unreserved characters as `%XX` of its UTF-8 bytes.
    static func percentEncoded(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            let character = Character(Unicode.Scalar(byte))
            if character.isASCII && (character.isLetter || character.isNumber)
                || "-._~".contains(character)
            {
                encoded.append(character)
            } else {
                encoded += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return encoded
    }

    /// An instant as the API writes it: ISO 8601 in UTC with seconds.
    static func instant(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
