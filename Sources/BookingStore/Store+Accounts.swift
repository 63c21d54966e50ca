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
    /// Whether customers get a log-in with their first order (see `AccountSettings`).
    public var customerPasswords: Bool

    public init(
        slug: String, name: String, timeZone: String = "Europe/Berlin", currency: Currency = .eur,
        prepaymentPercent: Int = 50, prepaymentDueDays: Int = 5, holdMinutes: Int = 10,
        customerPasswords: Bool = false
    ) {
        self.slug = slug
        self.name = name
        self.timeZone = timeZone
        self.currency = currency
        self.prepaymentPercent = prepaymentPercent
        self.prepaymentDueDays = prepaymentDueDays
        self.holdMinutes = holdMinutes
        self.customerPasswords = customerPasswords
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
        self.isAdmin = isAdmin || isOwner || role == .admin
        self.isOwner = isOwner
        self.passwordHash = passwordHash
        self.branchIDs = branchIDs
        self.categoryIDs = categoryIDs
    }

    /// `admin` or `staff` for desk users, as the admin flag says; guides and customers keep
    /// their role.
    var storedRole: Role {
        switch role {
        case .admin, .staff: return isAdmin ? .admin : .staff
        case .guide, .customer, .superuser: return role
        }
    }
}

/// What a log-in checks the password against.
public struct LoginCandidate: Sendable {
    public var user: UserInfo
    /// The user's account; nil for a superuser, who belongs to none.
    public var account: AccountInfo?
    public var passwordHash: String
}

/// A live session: who, in which account, with which scope.
public struct SessionContext: Sendable {
    public var user: UserInfo
    public var account: AccountInfo
    public var scope: Scope
    public var expiresAt: Date
    /// The account's `AccountSettings.customerPasswords` as read with the session; nil
    /// where it was not read.
    public var customerPasswords: Bool?

    public init(
        user: UserInfo, account: AccountInfo, scope: Scope, expiresAt: Date,
        customerPasswords: Bool? = nil
    ) {
        self.user = user
        self.account = account
        self.scope = scope
        self.expiresAt = expiresAt
        self.customerPasswords = customerPasswords
    }
}

extension BookingStore {
    /// A session's `last_seen_at` is written at most this often, so that reads stay reads.
    public static let lastSeenResolution: TimeInterval = 60

    /// Creates an account; its slug must be new.
    public func createAccount(_ new: NewAccount, now: Date = Date()) throws(StoreError)
        -> AccountInfo
    {
        let id = try writeUnique("the account name \(new.slug) is taken") { db in
            try db.run(
                """
                INSERT INTO accounts (slug, name, time_zone, currency, prepayment_percent,
                    prepayment_due_days, hold_minutes, customer_passwords)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    new.slug, new.name, new.timeZone, new.currency.rawValue,
                    new.prepaymentPercent, new.prepaymentDueDays, new.holdMinutes,
                    new.customerPasswords,
                ])
            let id = AccountID(db.lastInsertRowID)
            try Self.audit(
                db, AuditRecord("account.created", "account", id.rawValue), scope: .account(id),
                at: now)
            return id
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
    public func createUser(_ new: NewUser, scope: Scope, now: Date = Date()) throws(StoreError)
        -> UserInfo
    {
        let id = try writeUnique("the user name \(new.username) is taken") { db in
            try Self.insertUser(db, new, scope: scope, now: now)
        }
        return UserInfo(
            id: id, username: new.username, name: new.name, email: new.email,
            role: new.storedRole, isOwner: new.isOwner)
    }

    static func insertUser(_ db: Database, _ new: NewUser, scope: Scope, now: Date) throws
        -> UserID
    {
        let account = scope.accountID.rawValue
        try db.run(
            """
            INSERT INTO users (account_id, username, name, email, role, is_admin, is_owner,
                password_hash, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                account, new.username, new.name, new.email, new.storedRole.rawValue,
                new.storedRole == .admin, new.isOwner, new.passwordHash, now.storedSeconds,
            ])
        let user = UserID(db.lastInsertRowID)
        try insertRestrictions(
            db, user: user, branches: new.branchIDs, categories: new.categoryIDs, scope: scope)
        try audit(
            db,
            AuditRecord(
                "user.created", "user", user.rawValue,
                details: ["role": new.storedRole.rawValue, "owner": String(new.isOwner)]),
            scope: scope, at: now)
        return user
    }

    static func insertRestrictions(
        _ db: Database, user: UserID, branches: Set<BranchID>?, categories: Set<CategoryID>?,
        scope: Scope
    ) throws {
        let account = scope.accountID.rawValue
        for branch in branches ?? [] {
            try checkOwned(db, "branches", branch.rawValue, account: account)
            try db.run(
                "INSERT INTO user_branches (account_id, user_id, branch_id) VALUES (?, ?, ?)",
                [account, user.rawValue, branch.rawValue])
        }
        for category in categories ?? [] {
            try checkOwned(db, "categories", category.rawValue, account: account)
            try db.run(
                """
                INSERT INTO user_categories (account_id, user_id, category_id)
                VALUES (?, ?, ?)
                """, [account, user.rawValue, category.rawValue])
        }
    }

    /// The role a user acts in: a desk user's comes from the admin flag.
    static func role(_ stored: String, isAdmin: Bool) -> Role {
        switch Role(rawValue: stored) ?? .staff {
        case .admin, .staff: return isAdmin ? .admin : .staff
        case let other: return other
        }
    }

    /// The columns `user(_:at:)` reads, for a `users` table aliased `u`.
    static let userColumns = "u.id, u.username, u.name, u.email, u.role, u.is_owner, u.is_admin"

    static func user(_ row: Row, at offset: Int = 0) -> UserInfo {
        UserInfo(
            id: UserID(row.int64(offset)), username: row.text(offset + 1),
            name: row.text(offset + 2), email: row.text(offset + 3),
            role: role(row.text(offset + 4), isAdmin: row.bool(offset + 6)),
            isOwner: row.bool(offset + 5))
    }

    /// Who may log in as `username`: an active user of the account `accountSlug`, or for
    /// `LoginRequest.supportAccount` an active superuser; with the password hash.
    public func loginCandidate(accountSlug: String, username: String) throws(StoreError)
        -> LoginCandidate?
    {
        try read { db in
            if accountSlug == LoginRequest.supportAccount {
                return try Self.superuserCandidate(db, username: username)
            }
            guard let account = try Self.account(db, where: "slug = ?", accountSlug),
                let row = try db.queryOne(
                    """
                    SELECT \(Self.userColumns), u.password_hash FROM users u
                    WHERE u.account_id = ? AND u.username = ? AND u.active = 1
                        AND u.deleted_at IS NULL
                    """, [account.id.rawValue, username])
            else { return nil }
            return LoginCandidate(
                user: Self.user(row), account: account, passwordHash: row.text(7))
        }
    }

    // MARK: - Sessions

    /// Records a new session under the hash of its token (the token itself is never stored)
    /// and forgets the failed log-ins of `attempt`, in one transaction.
    public func createSession(
        tokenHash: String, user: UserID, scope: Scope, now: Date, expiresAt: Date,
        attempt: LoginAttemptKey? = nil
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
            if let attempt { try Self.forgetFailures(db, attempt) }
            try Self.audit(
                db, AuditRecord("session.logged_in", "user", user.rawValue), scope: scope, at: now)
        }
    }

    /// The live session with this token hash: not ended, not past `expires_at`, seen within
    /// `idleTimeout`, its user active. Notes the use for the idle expiry, at most once per
    /// `lastSeenResolution` and without waiting for the write.
    public func session(tokenHash: String, now: Date, idleTimeout: TimeInterval)
        throws(StoreError) -> SessionContext?
    {
        let idleSince = now.storedSeconds - Int64(idleTimeout)
        let found = try read { db in
            try Self.session(db, tokenHash: tokenHash, now: now, idleSince: idleSince)
        }
        guard let (session, lastSeen) = found else { return nil }
        touchSession("sessions", tokenHash: tokenHash, lastSeen: lastSeen, now: now)
        return session
    }

    private static func session(_ db: Database, tokenHash: String, now: Date, idleSince: Int64)
        throws -> (SessionContext, Int64)?
    {
        guard
            let row = try db.queryOne(
                """
                SELECT \(userColumns), s.expires_at, s.last_seen_at,
                    a.id, a.slug, a.name, a.time_zone, a.currency, a.prepayment_percent,
                    a.prepayment_due_days, a.hold_minutes,
                    (SELECT group_concat(r.branch_id) FROM user_branches r
                        WHERE r.user_id = u.id),
                    (SELECT group_concat(r.category_id) FROM user_categories r
                        WHERE r.user_id = u.id),
                    a.customer_passwords
                FROM sessions s
                JOIN users u ON u.id = s.user_id AND u.account_id = s.account_id
                JOIN accounts a ON a.id = s.account_id
                WHERE s.token_hash = ? AND s.ended_at IS NULL AND s.expires_at > ?
                    AND s.last_seen_at > ? AND u.active = 1 AND u.deleted_at IS NULL
                """, [tokenHash, now.storedSeconds, idleSince])
        else { return nil }
        let user = user(row)
        let account = AccountInfo(
            id: AccountID(row.int64(9)), slug: row.text(10), name: row.text(11),
            timeZone: row.text(12), currency: Currency(rawValue: row.text(13)),
            prepaymentPercent: row.int(14), prepaymentDueDays: row.int(15),
            holdMinutes: row.int(16))
        let actor = AuditActor(kind: .user, id: user.id.rawValue, name: user.username)
        // Admins are never restricted; the restrictions come with the session's one query,
        // so that a restricted user's request costs no more reads than anyone else's.
        var scope = Scope(accountID: account.id, userID: user.id, actor: actor)
        if user.role == .staff {
            scope.branchIDs = ids(row.optionalText(17)).map { Set($0.map { BranchID($0) }) }
            scope.categoryIDs = ids(row.optionalText(18)).map { Set($0.map { CategoryID($0) }) }
        }
        let context = SessionContext(
            user: user, account: account, scope: scope,
            expiresAt: Date(storedSeconds: row.int64(7)), customerPasswords: row.bool(19))
        return (context, row.int64(8))
    }

    /// The ids of a `group_concat` list (`"3,7"`); nil for none.
    private static func ids(_ text: String?) -> [Int64]? {
        guard let text, !text.isEmpty else { return nil }
        return text.split(separator: ",").compactMap { Int64($0) }
    }

    /// Queues the update of a session's `last_seen_at` if the stored one is older than
    /// `lastSeenResolution`; the caller does not wait for it.
    func touchSession(_ table: String, tokenHash: String, lastSeen: Int64, now: Date) {
        let seconds = now.storedSeconds
        guard seconds - lastSeen >= Int64(Self.lastSeenResolution) else { return }
        submit { db in
            try db.run(
                "UPDATE \(table) SET last_seen_at = ? WHERE token_hash = ? AND last_seen_at < ?",
                [seconds, tokenHash, seconds])
        }
    }

    /// A user's stored restrictions, sorted; nil where there are none.
    static func restrictions(_ db: Database, account: AccountID, user: UserID) throws
        -> ([BranchID]?, [CategoryID]?)
    {
        let branches = try db.query(
            """
            SELECT branch_id FROM user_branches WHERE account_id = ? AND user_id = ?
            ORDER BY branch_id
            """, [account.rawValue, user.rawValue]
        ).map { BranchID($0.int64(0)) }
        let categories = try db.query(
            """
            SELECT category_id FROM user_categories WHERE account_id = ? AND user_id = ?
            ORDER BY category_id
            """, [account.rawValue, user.rawValue]
        ).map { CategoryID($0.int64(0)) }
        return (branches.isEmpty ? nil : branches, categories.isEmpty ? nil : categories)
    }

    /// Ends the session with this token hash; ending an ended one changes nothing.
    public func endSession(tokenHash: String, scope: Scope, now: Date) throws(StoreError) {
        try write { db in
            let changed = try db.run(
                "UPDATE sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL",
                [now.storedSeconds, tokenHash])
            let superuser = try db.run(
                """
                UPDATE superuser_sessions SET ended_at = ?
                WHERE token_hash = ? AND ended_at IS NULL
                """, [now.storedSeconds, tokenHash])
            guard changed + superuser > 0 else { return }
            try Self.audit(
                db,
                AuditRecord(
                    "session.logged_out", scope.actor.kind.rawValue, scope.actor.id ?? 0),
                scope: scope, at: now)
        }
    }

    /// Ends every open session of `user`, as deactivating, deleting and a new password do.
    static func endSessions(_ db: Database, user: UserID, now: Date) throws {
        try db.run(
            "UPDATE sessions SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL",
            [now.storedSeconds, user.rawValue])
    }
}
