import BookingAPI
import BookingServer
import Curl
import Foundation

/// A small client of the booking API for tests and the benchmark: one libcurl handle, so
/// use each from one thread at a time.
public final class APIClient {
    public let baseURL: String
    public var token: String?
    /// For a superuser: the account every request acts in (sent as `X-Account`).
    public var actingAccount: String?
    private let http: HTTPClient

    public init(baseURL: String) throws {
        self.baseURL = baseURL
        self.http = try HTTPClient(
            configuration: HTTPClient.Configuration(
                connectTimeout: .seconds(5), requestTimeout: .seconds(60)))
    }

    /// One request to a path under the server (e.g. `/api/v1/health`); raw bytes in and out.
    public func send(
        _ method: String, _ path: String, body: [UInt8] = [], headers: [String: String] = [:]
    ) throws -> HTTPClient.Response {
        var all = headers
        if let token, all["Authorization"] == nil { all["Authorization"] = "Bearer " + token }
        if let actingAccount, all[APIPath.accountHeader] == nil {
            all[APIPath.accountHeader] = actingAccount
        }
        if !body.isEmpty, all["Content-Type"] == nil { all["Content-Type"] = APIJSON.contentType }
        return try http.send(
            HTTPClient.Request(method: method, url: baseURL + path, headers: all, body: body))
    }

    /// Sends `value` as JSON.
    public func send<T: Encodable>(
        _ method: String, _ path: String, json value: T, headers: [String: String] = [:]
    ) throws -> HTTPClient.Response {
        try send(method, path, body: Array(try APIJSON.encoder().encode(value)), headers: headers)
    }

    /// Logs in and keeps the token for the following requests.
    @discardableResult
    public func logIn(_ login: DemoLogin) throws -> LoginResponse {
        let response = try send(
            "POST", APIPath.session,
            json: LoginRequest(
                account: login.account, username: login.username, password: login.password))
        guard response.status == 201 else {
            throw TestFailure(
                "log-in as \(login.username) answered \(response.status): \(response.text)")
        }
        let answer = try response.decode(LoginResponse.self)
        token = answer.token
        return answer
    }

    /// GETs `path` and decodes a 200 answer.
    public func get<T: Decodable>(_ type: T.Type, _ path: String) throws -> T {
        let response = try send("GET", path)
        guard response.status == 200 else {
            throw TestFailure("GET \(path) answered \(response.status): \(response.text)")
        }
        return try response.decode(type)
    }
}

/// A test helper's failure with a readable reason.
public struct TestFailure: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

extension HTTPClient.Response {
    public var text: String { String(decoding: body, as: UTF8.self) }

    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try APIJSON.decoder().decode(type, from: Data(body))
    }

    /// The error envelope of a 4xx or 5xx answer, if the body is one.
    public var envelope: ErrorEnvelope? {
        try? decode(ErrorEnvelope.self)
    }
}
