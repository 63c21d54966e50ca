import Foundation

/// The server's rules for sessions and log-ins.
struct SecurityPolicy: Sendable {
    /// A session ends this long after log-in, however busy.
    var sessionLifetime: TimeInterval
    /// A session ends after this long without a request.
    var idleTimeout: TimeInterval
    /// At most `loginLimit` failed log-ins per account, user name and shortened client
    /// address within `loginWindow`; then 429 with `Retry-After`.
    var loginWindow: TimeInterval
    var loginLimit: Int
}
