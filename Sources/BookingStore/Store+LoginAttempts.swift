import BookingCore
import Foundation
import SQLite

/// Whose log-ins a rate limit counts: one user name of one account, from one shortened
/// client address.
public struct LoginAttemptKey: Sendable, Equatable {
    /// The account's short name and the user name, as sent (cut to a sane length).
    public var account: String
    public var username: String
    /// The client address shortened (IPv4 to /24, IPv6 to /48).
    public var address: String

    public init(account: String, username: String, address: String) {
        self.account = String(account.prefix(100))
        self.username = String(username.prefix(100))
        self.address = String(address.prefix(64))
    }

    var key: String { account + "\n" + username }
}

/// The answer to `beginLoginAttempt`.
public enum LoginAttemptDecision: Sendable, Equatable {
    /// Go on and check the password; the attempt counts as failed until the log-in succeeds.
    case allowed
    /// Too many failures; try again after this many seconds.
    case refused(retryAfter: Int)
}

extension BookingStore {
    /// Counts an attempt to log in unless `limit` attempts failed within `window` before
    /// `now`, in one serialised transaction, so that parallel attempts cannot slip past the
    /// limit. The attempt is stored as a failure; a successful log-in forgets the key's
    /// failures (`createSession(… attempt:)`).
    public func beginLoginAttempt(
        _ attempt: LoginAttemptKey, now: Date, window: TimeInterval, limit: Int
    ) throws(StoreError) -> LoginAttemptDecision {
        let since = now.storedSeconds - Int64(window)
        return try write { db in
            let rows = try db.query(
                """
                SELECT at FROM login_failures WHERE key = ? AND address = ? AND at > ?
                ORDER BY at
                """, [attempt.key, attempt.address, since])
            if rows.count >= limit {
                let oldest = rows[rows.count - limit].int64(0)
                let seconds = oldest + Int64(window) - now.storedSeconds
                return .refused(retryAfter: Int(max(1, seconds)))
            }
            // Failures older than a day count for nothing: forget them now and then.
            try db.run(
                "DELETE FROM login_failures WHERE key = ? AND at <= ?",
                [attempt.key, now.storedSeconds - 86_400])
            try db.run(
                "INSERT INTO login_failures (key, address, at) VALUES (?, ?, ?)",
                [attempt.key, attempt.address, now.storedSeconds])
            return .allowed
        }
    }

    static func forgetFailures(_ db: Database, _ attempt: LoginAttemptKey) throws {
        try db.run(
            "DELETE FROM login_failures WHERE key = ? AND address = ?",
            [attempt.key, attempt.address])
    }
}
