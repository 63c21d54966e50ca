import BookingAPI
import Curl
import Foundation
import Testing

@testable import DeskClient

/// How answers and transport failures become `DeskClientError`s and message keys.
@Suite struct DeskClientErrorTests {
    private static let expectedKeys: [ErrorCode: String] = [
        .invalidJSON: "error.invalidInput", .invalidInput: "error.invalidInput",
        .unauthorized: "error.sessionEnded", .invalidCredentials: "error.invalidCredentials",
        .forbidden: "error.forbidden", .notFound: "error.notFound",
        .methodNotAllowed: "error.invalidInput", .soldOut: "error.soldOut",
        .invalidTransition: "error.invalidTransition",
        .idempotencyKeyReused: "error.idempotencyKeyReused", .conflict: "error.conflict",
        .totalMismatch: "error.totalMismatch", .holdExpired: "error.holdExpired",
        .payloadTooLarge: "error.tooLarge", .uriTooLong: "error.tooLarge",
        .tooManyRequests: "error.rateLimited", .internalError: "error.server",
        .unavailable: "error.unavailable",
    ]

    private static let statuses: [ErrorCode: Int] = [
        .invalidJSON: 400, .invalidInput: 400, .unauthorized: 401, .invalidCredentials: 401,
        .forbidden: 403, .notFound: 404, .methodNotAllowed: 405, .soldOut: 409,
        .invalidTransition: 409, .idempotencyKeyReused: 409, .conflict: 409,
        .totalMismatch: 409, .holdExpired: 410, .payloadTooLarge: 413, .uriTooLong: 414,
        .tooManyRequests: 429, .internalError: 500, .unavailable: 503,
    ]

    @Test(arguments: ErrorCode.allCases)
    func decodesEveryCodeOfTheEnvelope(code: ErrorCode) throws {
        let status = try #require(Self.statuses[code])
        let envelope = ErrorEnvelope(code: code, message: "from the server", field: "a.b")
        let body = Array(try APIJSON.encoder().encode(envelope))

        let error = DeskClientError(response: .init(status: status, body: body))

        #expect(error.messageKey == Self.expectedKeys[code])
        #expect(DeskClientError.allMessageKeys.contains(error.messageKey))
        #expect(!error.isUnreachable)
    }

    @Test func keepsTheFieldOfInvalidInput() throws {
        let envelope = ErrorEnvelope(
            code: .invalidInput, message: "the e-mail address is not valid",
            field: "customer.email")
        let body = Array(try APIJSON.encoder().encode(envelope))

        let error = DeskClientError(response: .init(status: 400, body: body))

        #expect(
            error
                == .invalidInput(
                    .invalidInput, "the e-mail address is not valid", field: "customer.email"))
        #expect(error.messageParameters == ["field": "customer.email"])
    }

    @Test func readsRetryAfterWhenRateLimited() throws {
        let body = Array(#"{"error":{"code":"too_many_requests","message":"slow down"}}"#.utf8)

        let error = DeskClientError(
            response: .init(status: 429, headers: ["retry-after": "30"], body: body))

        #expect(error == .rateLimited(retryAfter: 30))
        #expect(error.messageParameters == ["retryAfter": "30"])
    }

    @Test(arguments: [
        (502, "error.server"), (503, "error.unavailable"), (401, "error.sessionEnded"),
        (404, "error.notFound"), (409, "error.conflict"), (429, "error.rateLimited"),
        (418, "error.unreadableResponse"), (302, "error.unreadableResponse"),
    ])
    func fallsBackToTheStatusWithoutAnEnvelope(status: Int, key: String) {
        let page = Array("<html><body>Bad Gateway</body></html>".utf8)

        let error = DeskClientError(response: .init(status: status, body: page))

        #expect(error.messageKey == key)
    }

    @Test func anEnvelopeWithAnUnknownCodeFallsBackToTheStatus() {
        let body = Array(#"{"error":{"code":"brand_new","message":"?"}}"#.utf8)

        let error = DeskClientError(response: .init(status: 409, body: body))

        #expect(error.messageKey == "error.conflict")
    }

    @Test(arguments: [
        (CurlError.Kind.couldNotConnect, "error.offline", true),
        (.couldNotResolve, "error.offline", true), (.timedOut, "error.timeout", true),
        (.other, "error.connectionLost", true), (.tls, "error.tls", false),
        (.responseTooLarge, "error.unreadableResponse", false),
    ])
    func mapsTransportFailures(kind: CurlError.Kind, key: String, unreachable: Bool) {
        let error = DeskClientError(CurlError(kind: kind, code: 0, message: "test"))

        #expect(error.messageKey == key)
        #expect(error.isUnreachable == unreachable)
        #expect(error.logDescription.contains("test"))
    }

    @Test func listsEveryKeyOnce() {
        #expect(Set(DeskClientError.allMessageKeys).count == DeskClientError.allMessageKeys.count)
        #expect(DeskClientError.allMessageKeys.allSatisfy { $0.hasPrefix("error.") })
    }
}
