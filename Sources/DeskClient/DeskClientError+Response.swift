import BookingAPI
import Curl
import Foundation

extension DeskClientError {
    /// The error a non-2xx response stands for: by the envelope's code where the body is
    /// one, by the status otherwise (a proxy's HTML page, an empty 502).
    init(response: HTTPClient.Response) {
        let envelope = try? APIJSON.decoder().decode(ErrorEnvelope.self, from: Data(response.body))
        guard let body = envelope?.error else {
            self.init(status: response.status, retryAfter: Self.retryAfter(response))
            return
        }
        self.init(body, status: response.status, retryAfter: Self.retryAfter(response))
    }

    private init(_ body: ErrorEnvelope.Body, status: Int, retryAfter: Int?) {
        let message = body.message
        switch body.code {
        case .invalidJSON, .invalidInput, .methodNotAllowed, .payloadTooLarge, .uriTooLong:
            self = .invalidInput(body.code, message, field: body.field)
        case .unauthorized: self = .sessionEnded
        case .invalidCredentials: self = .invalidCredentials
        case .forbidden: self = .forbidden(message)
        case .notFound: self = .notFound(message)
        case .soldOut: self = .soldOut(message)
        case .invalidTransition, .idempotencyKeyReused, .conflict, .totalMismatch:
            self = .conflict(body.code, message)
        case .holdExpired: self = .holdExpired(message)
        case .tooManyRequests: self = .rateLimited(retryAfter: retryAfter)
        case .internalError, .unavailable: self = .serverError(status: status, message)
        }
    }

    private init(status: Int, retryAfter: Int?) {
        let detail = "HTTP \(status) without an error envelope"
        switch status {
        case 400: self = .invalidInput(.invalidInput, detail, field: nil)
        case 401: self = .sessionEnded
        case 403: self = .forbidden(detail)
        case 404: self = .notFound(detail)
        case 409: self = .conflict(.conflict, detail)
        case 410: self = .holdExpired(detail)
        case 413: self = .invalidInput(.payloadTooLarge, detail, field: nil)
        case 429: self = .rateLimited(retryAfter: retryAfter)
        case 500...599: self = .serverError(status: status, detail)
        default: self = .unreadableResponse(detail)
        }
    }

    /// `Retry-After` in seconds; the HTTP-date form is not used by our server.
    private static func retryAfter(_ response: HTTPClient.Response) -> Int? {
        guard let text = response.headers["retry-after"], let seconds = Int(text), seconds >= 0
        else { return nil }
        return seconds
    }
}
