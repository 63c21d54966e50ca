import BookingAPI
import Curl

/// Why a call to the booking server failed, in the terms the desk acts on.
///
/// Every case has a stable `messageKey` (and `messageParameters`) that the desk's message
/// catalogue turns into a sentence for the person at the counter. The `String` payloads are
/// for the log (libcurl's or the server's English text), never for the screen.
public enum DeskClientError: Error, Sendable, Equatable {
    /// The server cannot be reached: nothing answers, the name does not resolve, no network.
    case offline(String)
    /// The server did not answer within the connect or request timeout.
    case timedOut(String)
    /// The connection broke off in the middle of a request.
    case connectionLost(String)
    /// TLS failed: the certificate is not trusted or does not name the server.
    case tls(String)
    /// The log-in was refused: account, user name or password wrong.
    case invalidCredentials
    /// The session expired or was ended (user deleted, logged out elsewhere): log in again.
    case sessionEnded
    /// Logged in, but this role or restriction does not allow it.
    case forbidden(String)
    /// No such thing, or not visible to this user.
    case notFound(String)
    /// Not enough free units for the requested period.
    case soldOut(String)
    /// Another conflict with stored data: `invalidTransition`, `totalMismatch`,
    /// `idempotencyKeyReused` or `conflict`.
    case conflict(ErrorCode, String)
    /// The hold expired before it became an order.
    case holdExpired(String)
    /// The server refused the request as bad input; `field` names the field where known.
    case invalidInput(ErrorCode, String, field: String?)
    /// Too many attempts; try again after `retryAfter` seconds where the server said so.
    case rateLimited(retryAfter: Int?)
    /// The server failed (5xx) or is starting, stopping or overloaded (503).
    case serverError(status: Int, String)
    /// The server's answer could not be read: not the expected JSON, or too large.
    case unreadableResponse(String)

    /// The key of the sentence in the desk's message catalogue.
    public var messageKey: String {
        switch self {
        case .offline: return "error.offline"
        case .timedOut: return "error.timeout"
        case .connectionLost: return "error.connectionLost"
        case .tls: return "error.tls"
        case .invalidCredentials: return "error.invalidCredentials"
        case .sessionEnded: return "error.sessionEnded"
        case .forbidden: return "error.forbidden"
        case .notFound: return "error.notFound"
        case .soldOut: return "error.soldOut"
        case .conflict(let code, _): return Self.conflictKeys[code] ?? "error.conflict"
        case .holdExpired: return "error.holdExpired"
        case .invalidInput(let code, _, _): return Self.inputKeys[code] ?? "error.invalidInput"
        case .rateLimited: return "error.rateLimited"
        case .serverError(let status, _):
            return status == 503 ? "error.unavailable" : "error.server"
        case .unreadableResponse: return "error.unreadableResponse"
        }
    }

    /// The values the sentence may show: `field` (e.g. `customer.email`) for invalid
    /// input, `retryAfter` (seconds) when rate limited, `status` for a server error.
    public var messageParameters: [String: String] {
        switch self {
        case .invalidInput(_, _, let field?): return ["field": field]
        case .rateLimited(let seconds?): return ["retryAfter": String(seconds)]
        case .serverError(let status, _): return ["status": String(status)]
        default: return [:]
        }
    }

    /// Whether the server could not be talked to at all: the desk switches to offline
    /// mode and may send the request again later. False for every answer of the server.
    public var isUnreachable: Bool {
        switch self {
        case .offline, .timedOut, .connectionLost: return true
        default: return false
        }
    }

    /// What happened, in English, for the desk's log file (no personal data).
    public var logDescription: String {
        switch self {
        case .offline(let detail), .timedOut(let detail), .connectionLost(let detail),
            .tls(let detail), .forbidden(let detail), .notFound(let detail),
            .soldOut(let detail), .holdExpired(let detail), .unreadableResponse(let detail):
            return "\(messageKey): \(detail)"
        case .conflict(_, let detail), .invalidInput(_, let detail, _),
            .serverError(_, let detail):
            return "\(messageKey): \(detail)"
        case .invalidCredentials, .sessionEnded, .rateLimited:
            return messageKey
        }
    }

    /// Every key `messageKey` can return, for the catalogue's completeness test.
    public static let allMessageKeys: [String] = [
        "error.offline", "error.timeout", "error.connectionLost", "error.tls",
        "error.invalidCredentials", "error.sessionEnded", "error.forbidden", "error.notFound",
        "error.soldOut", "error.conflict", "error.invalidTransition", "error.totalMismatch",
        "error.idempotencyKeyReused", "error.holdExpired", "error.invalidInput",
        "error.tooLarge", "error.rateLimited", "error.server", "error.unavailable",
        "error.unreadableResponse",
    ]

    private static let conflictKeys: [ErrorCode: String] = [
        .invalidTransition: "error.invalidTransition",
        .totalMismatch: "error.totalMismatch",
        .idempotencyKeyReused: "error.idempotencyKeyReused",
    ]

    private static let inputKeys: [ErrorCode: String] = [
        .payloadTooLarge: "error.tooLarge",
        .uriTooLong: "error.tooLarge",
    ]
}

extension DeskClientError {
    /// A transport failure of libcurl.
    init(_ error: CurlError) {
        let detail = error.description
        switch error.kind {
        case .couldNotConnect, .couldNotResolve: self = .offline(detail)
        case .timedOut: self = .timedOut(detail)
        case .tls: self = .tls(detail)
        case .responseTooLarge: self = .unreadableResponse(detail)
        case .other where error.code == 43:
            // CURLE_BAD_FUNCTION_ARGUMENT: refused before sending (a line break in the
            // token, say); the network is fine, so this must not look like being offline.
            self = .invalidInput(.invalidInput, detail, field: nil)
        case .other: self = .connectionLost(detail)
        }
    }
}
