import CCurl

/// A failed libcurl transfer (HTTP or SMTP), or a request libcurl was never asked to run
/// because it was malformed.
///
/// `kind` is what callers branch on; `code` is the raw `CURLcode` for logs and for cases
/// `kind` does not single out; `message` is libcurl's own sentence (English, for logs,
/// never for the person at the counter).
public struct CurlError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, in the terms a caller can act on.
    public enum Kind: Sendable, Equatable {
        /// Nothing listens at the address, or the network is down.
        case couldNotConnect
        /// The connect timeout or the request timeout ran out.
        case timedOut
        /// The host name does not resolve.
        case couldNotResolve
        /// TLS failed: handshake, certificate verification, or STARTTLS refused.
        case tls
        /// The response body grew beyond `maxResponseBytes`.
        case responseTooLarge
        /// Anything else; see `code` and `message`.
        case other
    }

    /// What went wrong.
    public let kind: Kind
    /// The raw `CURLcode` (e.g. 7 for "couldn't connect").
    public let code: Int32
    /// libcurl's error buffer if it said something, otherwise `curl_easy_strerror(code)`.
    public let message: String

    /// An error with an explicit kind, code and message.
    public init(kind: Kind, code: Int32, message: String) {
        self.kind = kind
        self.code = code
        self.message = message
    }

    /// The error for a libcurl result code, classified by the code.
    init(_ code: CURLcode, message: String) {
        self.init(kind: Self.kind(of: code), code: Int32(code.rawValue), message: message)
    }

    /// A request that was refused before it reached libcurl (a line break in a header, ...).
    static func badArgument(_ message: String) -> CurlError {
        CurlError(CURLE_BAD_FUNCTION_ARGUMENT, message: message)
    }

    public var description: String { "curl error \(code): \(message)" }

    private static let tlsCodes: Set<UInt32> = [
        CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
        CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_USE_SSL_FAILED,
        CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED,
        CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR,
        CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT,
    ].reduce(into: []) { $0.insert($1.rawValue) }

    private static func kind(of code: CURLcode) -> Kind {
        switch code {
        case CURLE_COULDNT_CONNECT: return .couldNotConnect
        case CURLE_OPERATION_TIMEDOUT: return .timedOut
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: return .couldNotResolve
        case CURLE_FILESIZE_EXCEEDED: return .responseTooLarge
        default: return tlsCodes.contains(code.rawValue) ? .tls : .other
        }
    }
}
