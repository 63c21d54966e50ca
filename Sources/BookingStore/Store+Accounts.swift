import BookingAPI
import BookingCore
import Foundation
import SQLite

/// A new account's settings.
public struct NewAccount: Sendable {
    public var slug: String
    public var name: String
    public var timeZone: String
    public var currency: Currency
    public var prepaymentPercent: Int
    public var prepaymentDueDays: Int
    public var holdMinutes: Int

    public init(
        slug: String, name: String, timeZone: String = "Europe/Berlin", currency: Currency = .eur,
        prepaymentPercent: Int = 50, prepaymentDueDays: Int = 5, holdMinutes: Int = 10
    ) {
        self.slug = slug
        self.name = name
        self.timeZone = timeZone
        self.currency = currency
        self.prepaymentPercent = prepaymentPercent
        self.prepaymentDueDays = prepaymentDueDays
        self.holdMinutes = holdMinutes
    }
}

/// A new user; the password arrives already hashed (the store never sees a password).
public struct NewUser: Sendable {
    public var username: String
    public var name: String
    public var email: String
    public var role: Role
    public var isAdmin: Bool
    public var isOwner: Bool
    public var passwordHash: String
    /// Restrictions of a staff user; nil for all branches or categories.
    public var branchIDs: Set<BranchID>?
    public var categoryIDs: Set<CategoryID>?

    public init(
        username: String, name: String, email: String, role: Role, isAdmin: Bool = false,
        isOwner: Bool = false, passwordHash: String, branchIDs: Set<BranchID>? = nil,
        categoryIDs: Set<CategoryID>? = nil
    ) {
        self.username = username
        self.name = name
        self.email = email
        self.role = role
        self.isAdmin = isAdmin
        self.isOwner = isOwner
        self.passwordHash = passwordHash
        self.branchIDs = branchIDs
        self.categoryIDs = categoryIDs
    }
}

/// What a log-in checks the password against.
public struct LoginCandidate: Sendable {
    public var user: UserInfo
    public var account: AccountInfo
    public var passwordHash: String
}

/// A live session: who, in which account, with which scope.
public struct SessionContext: Sendable {
    public var user: UserInfo
    public var account: AccountInfo
    public var scope: Scope
    public var expiresAt: Date
}

extension BookingStore {
    /// Creates an account; its slug must be new.
    public func createAccount(_ new: NewAccount) throws(StoreError) -> AccountInfo {
        let id = try write { db in
            try db.run(
                """
                INSERT INTO accounts (slug, name, time_zone, currency, prepayment_percent,
                    prepayment_due_days, hold_minutes)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    new.slug, new.name, new.timeZone, new.currency.rawValue,
                    new.prepaymentPercent, new.prepaymentDueDays, new.holdMinutes,
                ])
            return AccountID(db.lastInsertRowID)
        }
        guard let account = try account(id) else { throw .notFound("account") }
        return account
    }

    /// The account with `id`, if it exists.
    public func account(_ id: AccountID) throws(StoreError) -> AccountInfo? {
        try read { db in try Self.account(db, where: "id = ?", id.rawValue) }
    }

    /// The account with the log-in name `slug`, if it exists.
    public func account(slug: String) throws(StoreError) -> AccountInfo? {
        try read { db in try Self.account(db, where: "slug = ?", slug) }
    }

    static func account(_ db: Database, where condition: String, _ argument: any SQLiteBindable)
        throws -> AccountInfo?
    {
        let row = try db.queryOne(
            """
            SELECT id, slug, name, time_zone, currency, prepayment_percent, prepayment_due_days,
                hold_minutes
            FROM accounts WHERE \(condition)
            """, [argument])
        return row.map {
            AccountInfo(
                id: AccountID($0.int64(0)), slug: $0.text(1), name: $0.text(2),
                timeZone: $0.text(3), currency: Currency(rawValue: $0.text(4)),
                prepaymentPercent: $0.int(5), prepaymentDueDays: $0.int(6), holdMinutes: $0.int(7))
        }
    }

    /// Creates a user in the scope's account; the user name must be new there.
    public func createUser(_ new: NewUser, scope: Scope) throws(StoreError) -> UserInfo {
        let account = scope.accountID.rawValue
        let id = try write { db in
            try db.run(
                """
                INSERT INTO users (account_id, username, name, email, role, is_admin, is_owner,
                    password_hash, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    account, new.username, new.name, new.email, new.role.rawValue, new.isAdmin,
                    new.isOwner, new.passwordHash, Date().storedSeconds,
                ])
            let user = db.lastInsertRowID
            for branch in new.branchIDs ?? [] {
                try db.run(
                    "INSERT INTO user_branches (account_id, user_id, branch_id) VALUES (?, ?, ?)",
                    [account, user, branch.rawValue])
            }
            for category in new.categoryIDs ?? [] {
                try db.run(
                    """
                    INSERT INTO user_categories (account_id, user_id, category_id)
                    VALUES (?, ?, ?)
                    """, [account, user, category.rawValue])
            }
            return UserID(user)
        }
        return UserInfo(
            id: id, username: new.username, name: new.name, email: new.email, role: new.role,
            isOwner: new.isOwner)
    }

    /// The active user `username` of the account `accountSlug` with their password hash.
    public func loginCandidate(accountSlug: String, username: String) throws(StoreError)
        -> LoginCandidate?
    {
        try read { db in
            guard let account = try Self.account(db, where: "slug = ?", accountSlug),
                let row = try db.queryOne(
                    """
                    SELECT id, username, name, email, role, is_owner, password_hash
                    FROM users WHERE account_id = ? AND username = ? AND active = 1
                    """, [account.id.rawValue, username])
            else { return nil }
            return LoginCandidate(
                user: Self.user(row), account: account, passwordHash: row.text(6))
        }
    }

    static func user(_ row: Row) -> UserInfo {
        UserInfo(
            id: UserID(row.int64(0)), username: row.text(1), name: row.text(2),
            email: row.text(3), role: Role(rawValue: row.text(4)) ?? .staff,
            isOwner: row.bool(5))
    }

    /// Records a new session under the hash of its token (the token itself is never stored).
    public func createSession(
        tokenHash: String, user: UserID, scope: Scope, now: Date, expiresAt: Date
    ) throws(StoreError) {
        let account = scope.accountID.rawValue
        try write { db in
            try db.run(
                """
                INSERT INTO sessions (token_hash, account_id, user_id, created_at, last_seen_at,
                    expires_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                [
                    tokenHash, account, user.rawValue, now.storedSeconds, now.storedSeconds,
                    expiresAt.storedSeconds,
                ])
        }
    }

    /// The live session with this token hash: not ended, not expired, its user active.
    public func session(tokenHash: String, now: Date) throws(StoreError) -> SessionContext? {
        try read { db in
            guard
                let row = try db.queryOne(
                    """
                    SELECT u.id, u.username, u.name, u.email, u.role, u.is_owner, s.account_id,
                        s.expires_at
                    FROM sessions s JOIN users u ON u.id = s.user_id AND u.account_id = s.account_id
                    WHERE s.token_hash = ? AND s.ended_at IS NULL AND s.expires_at > ?
                        AND u.active = 1
                    """, [tokenHash, now.storedSeconds]),
                let account = try Self.account(db, where: "id = ?", row.int64(6))
            else { return nil }
            let user = Self.user(row)
            let scope = try Self.scope(db, account: account.id, user: user.id)
            return SessionContext(
                user: user, account: account, scope: scope,
                expiresAt: Date(storedSeconds: row.int64(7)))
        }
    }

    static func scope(_ db: Database, account: AccountID, user: UserID) throws -> Scope {
        let branches = try db.query(
            "SELECT branch_id FROM user_branches WHERE account_id = ? AND user_id = ?",
            [account.rawValue, user.rawValue]
        ).map { BranchID($0.int64(0)) }
        let categories = try db.query(
            "SELECT category_id FROM user_categories WHERE account_id = ? AND user_id = ?",
            [account.rawValue, user.rawValue]
        ).map { CategoryID($0.int64(0)) }
        return Scope(
            accountID: account, userID: user,
            branchIDs: branches.isEmpty ? nil : Set(branches),
            categoryIDs: categories.isEmpty ? nil : Set(categories))
    }

    /// Ends the session with this token hash; ending an ended one changes nothing.
    public func endSession(tokenHash: String, now: Date) throws(StoreError) {
        try write { db in
            try db.run(
                "UPDATE sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL",
                [now.storedSeconds, tokenHash])
        }
    }
}
