import Foundation
import SQLite
import Secrets

/// Reopens the desk without the network: the last user who logged in online may unlock it
/// with their password, checked against a local Argon2id hash. After `maximumFailures`
/// wrong passwords in a row it refuses until the next online log-in; the count is stored,
/// so restarting the desk does not reset it.
///
/// Only the hash (libsodium's self-describing Argon2id string, with its own salt) is
/// stored, in the outbox file, so that rebuilding the cache does not lose it.
public final class OfflineUnlock: Sendable {
    /// How much work one hash costs.
    public enum Strength: Sendable {
        /// libsodium's interactive limits (about 0.14 s, 64 MiB): for the real desk.
        case interactive
        /// libsodium's smallest limits: for tests only.
        case minimal
    }

    /// The answer to an unlock attempt.
    public enum Result: Sendable, Equatable {
        case unlocked
        /// Wrong password; `triesLeft` more before the desk refuses.
        case wrongPassword(triesLeft: Int)
        /// Too many wrong passwords: only an online log-in opens the desk now.
        case lockedOut
        /// Offline, only the last user who logged in online can unlock (shown as `lastUser`).
        case otherUser
        /// Nobody has logged in online at this desk since the last log-out.
        case notSetUp
    }

    /// Who may unlock the desk offline.
    public struct User: Sendable, Equatable {
        /// The account's short name, as typed at log-in.
        public var account: String
        public var username: String

        public init(account: String, username: String) {
            self.account = account
            self.username = username
        }
    }

    /// Wrong passwords in a row before the desk refuses.
    public static let maximumFailures = 5

    private let outbox: Outbox
    private let hasher: PasswordHasher

    init(outbox: Outbox, strength: Strength) {
        self.outbox = outbox
        switch strength {
        case .interactive: hasher = PasswordHasher(strength: .interactive)
        case .minimal: hasher = PasswordHasher(strength: .minimal)
        }
    }

    /// Stores the hash of the password that just logged in online, replacing any other
    /// user's, and clears the failure count. Call after every successful online log-in.
    public func remember(account: String, username: String, password: String, now: Date)
        throws(OfflineCacheError)
    {
        // Hashing takes a tenth of a second: done before the outbox's lock is taken.
        let hash: String
        do {
            hash = try hasher.hash(password)
        } catch {
            throw .hashing(error.description)
        }
        try outbox.write { db in
            try db.run(
                """
                INSERT OR REPLACE INTO unlock (id, account, username, hash, failures, stored_at)
                VALUES (1, ?, ?, ?, 0, ?)
                """, [account, username, hash, now.storedMilliseconds])
        }
    }

    /// The account and user name that may unlock offline; nil when nobody may.
    public func lastUser() throws(OfflineCacheError) -> User? {
        let row = try outbox.read { db in
            try db.queryOne("SELECT account, username FROM unlock WHERE id = 1")
        }
        return row.map { User(account: $0.text(0), username: $0.text(1)) }
    }

    /// Checks `password` for the last user. The failure is counted before the hash is
    /// checked and taken back on success, so killing the desk mid-check gains no free try.
    public func unlock(account: String, username: String, password: String)
        throws(OfflineCacheError) -> Result
    {
        let claim = try outbox.write { db -> Claim in
            guard
                let row = try db.queryOne(
                    "SELECT account, username, hash, failures FROM unlock WHERE id = 1")
            else { return .notSetUp }
            guard row.text(0) == account, row.text(1) == username else { return .otherUser }
            let failures = row.int(3)
            guard failures < Self.maximumFailures else { return .lockedOut }
            try db.run("UPDATE unlock SET failures = ? WHERE id = 1", [failures + 1])
            return .check(hash: row.text(2), failures: failures + 1)
        }
        guard case .check(let hash, let failures) = claim else { return claim.result }
        guard hasher.verify(password, against: hash) else {
            return .wrongPassword(triesLeft: Self.maximumFailures - failures)
        }
        try outbox.write { db in try db.run("UPDATE unlock SET failures = 0 WHERE id = 1") }
        return .unlocked
    }

    /// Removes the hash: at log-out and when the server ends the session.
    public func forget() throws(OfflineCacheError) {
        try outbox.write { db in try db.run("DELETE FROM unlock") }
    }

    private enum Claim: Sendable {
        case notSetUp
        case otherUser
        case lockedOut
        case check(hash: String, failures: Int)

        var result: Result {
            switch self {
            case .notSetUp: return .notSetUp
            case .otherUser: return .otherUser
            case .lockedOut, .check: return .lockedOut
            }
        }
    }
}
