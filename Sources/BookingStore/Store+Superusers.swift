import BookingAPI
import BookingCore
import Foundation
import SQLite

/// A live superuser session: the vendor's support login, in no account.
public struct SuperuserSession: Sendable {
    /// The superuser, with the role `superuser`.
    public var user: UserInfo
    public var expiresAt: Date
}

extension BookingStore {
    /// Creates a superuser; the user name must be new among superusers.
    public func createSuperuser(
        username: String, name: String, email: String, passwordHash: String, now: Date
    ) throws(StoreError) -> UserInfo {
        let id = try writeUnique("the superuser \(username) exists") { db in
            try db.run(
                """
                INSERT INTO superusers (username, name, email, password_hash, created_at)
                VALUES (?, ?, ?, ?, ?)
                """, [username, name, email, passwordHash, now.storedSeconds])
            return db.lastInsertRowID
        }
        return UserInfo(
            id: UserID(id), username: username, name: name, email: email, role: .superuser)
    }

    static func superuserCandidate(_ db: Database, username: String) throws -> LoginCandidate? {
        guard
            let row = try db.queryOne(
                """
                SELECT id, username, name, email, password_hash FROM superusers
                WHERE username = ? AND active = 1
                """, [username])
        else { return nil }
        return LoginCandidate(
            user: UserInfo(
                id: UserID(row.int64(0)), username: row.text(1), name: row.text(2),
                email: row.text(3), role: .superuser),
            account: nil, passwordHash: row.text(4))
    }

    /// Records a superuser's session; it is bound to no account.
    public func createSuperuserSession(
        tokenHash: String, superuser: UserInfo, scope: Scope, now: Date, expiresAt: Date,
        attempt: LoginAttemptKey? = nil
    ) throws(StoreError) {
        try write { db in
            try db.run(
                """
                INSERT INTO superuser_sessions (token_hash, superuser_id, created_at,
                    last_seen_at, expires_at)
                VALUES (?, ?, ?, ?, ?)
                """,
                [
                    tokenHash, superuser.id.rawValue, now.storedSeconds, now.storedSeconds,
                    expiresAt.storedSeconds,
                ])
            if let attempt { try Self.forgetFailures(db, attempt) }
            try Self.audit(
                db, AuditRecord("session.superuser_logged_in", "superuser", superuser.id.rawValue),
                scope: scope, at: now)
        }
    }

    /// The live superuser session with this token hash (see `session(tokenHash:...)`).
    public func superuserSession(tokenHash: String, now: Date, idleTimeout: TimeInterval)
        throws(StoreError) -> SuperuserSession?
    {
        let idleSince = now.storedSeconds - Int64(idleTimeout)
        let found = try read { db -> (SuperuserSession, Int64)? in
            guard
                let row = try db.queryOne(
                    """
                    SELECT u.id, u.username, u.name, u.email, s.expires_at, s.last_seen_at
                    FROM superuser_sessions s JOIN superusers u ON u.id = s.superuser_id
                    WHERE s.token_hash = ? AND s.ended_at IS NULL AND s.expires_at > ?
                        AND s.last_seen_at > ? AND u.active = 1
                    """, [tokenHash, now.storedSeconds, idleSince])
            else { return nil }
            let user = UserInfo(
                id: UserID(row.int64(0)), username: row.text(1), name: row.text(2),
                email: row.text(3), role: .superuser)
            return (
                SuperuserSession(user: user, expiresAt: Date(storedSeconds: row.int64(4))),
                row.int64(5)
            )
        }
        guard let (session, lastSeen) = found else { return nil }
        touchSession("superuser_sessions", tokenHash: tokenHash, lastSeen: lastSeen, now: now)
        return session
    }
}
