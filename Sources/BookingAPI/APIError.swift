/// What went wrong, as a stable machine-readable code. The desk turns codes into sentences
/// from its own message catalogue; the `message` of the envelope is for developers and logs.
public enum ErrorCode: String, Codable, Sendable, CaseIterable {
    /// 400: the body is not JSON, or not UTF-8.
    case invalidJSON = "invalid_json"
    /// 400: a field is missing, has the wrong type or an impossible value.
    case invalidInput = "invalid_input"
    /// 401: no token, an unknown token, or a session that ended.
    case unauthorized
    /// 401: account, user name or password wrong (deliberately not saying which).
    case invalidCredentials = "invalid_credentials"
    /// 403: logged in, but this role or restriction does not allow it.
    case forbidden
    /// 404: no such thing, or not visible to the caller (another account looks the same).
    case notFound = "not_found"
    /// 405: the path exists but not with this method.
    case methodNotAllowed = "method_not_allowed"
    /// 409: not enough free units for the requested period.
    case soldOut = "sold_out"
    /// 409: the order's status does not allow this step (e.g. returning a cancelled order).
    case invalidTransition = "invalid_transition"
    /// 409: the `Idempotency-Key` was used before with a different request body.
    case idempotencyKeyReused = "idempotency_key_reused"
    /// 409: another conflict with stored data (a duplicate name, a changed total).
    case conflict
    /// 409: the total the client computed differs from the server's quote.
    case totalMismatch = "total_mismatch"
    /// 410: the hold expired before it became an order.
    case holdExpired = "hold_expired"
    /// 413: the request body is larger than the server accepts (1 MiB).
    case payloadTooLarge = "payload_too_large"
    /// 414: the path or query is longer than the server accepts.
    case uriTooLong = "uri_too_long"
    /// 429: too many attempts; `Retry-After` says when to try again.
    case tooManyRequests = "too_many_requests"
    /// 500: a fault on the server; never the answer to bad input.
    case internalError = "internal_error"
    /// 503: the server is starting, stopping or overloaded.
    case unavailable
}

/// The body of every error response: `{"error": {"code": "...", "message": "..."}}`.
public struct ErrorEnvelope: Codable, Sendable, Equatable {
    public struct Body: Codable, Sendable, Equatable {
        public var code: ErrorCode
        public var message: String
        /// The request field the error is about, where there is one (e.g. `items[0].quantity`).
        public var field: String?

        public init(code: ErrorCode, message: String, field: String? = nil) {
            self.code = code
            self.message = message
            self.field = field
        }
    }

    public var error: Body

    public init(code: ErrorCode, message: String, field: String? = nil) {
        self.error = Body(code: code, message: message, field: field)
    }
}
