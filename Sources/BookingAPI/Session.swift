import BookingCore
import Foundation

/// `POST /api/v1/session`: log in to one account.
public struct LoginRequest: Codable, Sendable, Equatable {
    /// The account's short name (e.g. `"demo"`), as printed on the desk's log-in screen;
    /// `supportAccount` for a vendor superuser.
    public var account: String
    public var username: String
    public var password: String

    public init(account: String, username: String, password: String) {
        self.account = account
        self.username = username
        self.password = password
    }

    /// The account name a vendor superuser logs in with. Superusers belong to no account:
    /// every request of theirs, the log-in included, names the account they act in with
    /// the header `APIPath.accountHeader`.
    public static let supportAccount = "*"
}

/// The answer to a successful log-in. The token goes into `Authorization: Bearer <token>`.
public struct LoginResponse: Codable, Sendable, Equatable {
    public var token: String
    public var expiresAt: Date
    public var session: SessionInfo

    public init(token: String, expiresAt: Date, session: SessionInfo) {
        self.token = token
        self.expiresAt = expiresAt
        self.session = session
    }
}

/// `GET /api/v1/session`: who is logged in, in which account, and what they may see.
public struct SessionInfo: Codable, Sendable, Equatable {
    public var user: UserInfo
    public var account: AccountInfo
    /// The branches this user may see; all of the account's unless restricted.
    public var branchIDs: [BranchID]
    /// The categories this user may see; all of the account's unless restricted.
    public var categoryIDs: [CategoryID]

    public init(
        user: UserInfo, account: AccountInfo, branchIDs: [BranchID], categoryIDs: [CategoryID]
    ) {
        self.user = user
        self.account = account
        self.branchIDs = branchIDs
        self.categoryIDs = categoryIDs
    }
}

/// A user as others see them (never with a password or its hash).
public struct UserInfo: Codable, Sendable, Equatable {
    public var id: UserID
    public var username: String
    public var name: String
    public var email: String
    public var role: Role
    /// Whether this user is the account's owner, who can never lose the admin role.
    public var isOwner: Bool

    public init(
        id: UserID, username: String, name: String, email: String, role: Role,
        isOwner: Bool = false
    ) {
        self.id = id
        self.username = username
        self.name = name
        self.email = email
        self.role = role
        self.isOwner = isOwner
    }
}

/// The settings of an account that clients need to show and price orders the same way.
public struct AccountInfo: Codable, Sendable, Equatable {
    public var id: AccountID
    /// Short name used at log-in.
    public var slug: String
    public var name: String
    /// IANA zone, e.g. `"Europe/Berlin"`: days, opening hours and per-day prices use it.
    public var timeZone: String
    public var currency: Currency
    /// Share of the total to be paid in advance, in percent (0...100).
    public var prepaymentPercent: Int
    /// Days after booking by which the prepayment is due.
    public var prepaymentDueDays: Int
    /// Minutes a hold keeps units before it expires.
    public var holdMinutes: Int

    public init(
        id: AccountID, slug: String, name: String, timeZone: String, currency: Currency,
        prepaymentPercent: Int, prepaymentDueDays: Int, holdMinutes: Int
    ) {
        self.id = id
        self.slug = slug
        self.name = name
        self.timeZone = timeZone
        self.currency = currency
        self.prepaymentPercent = prepaymentPercent
        self.prepaymentDueDays = prepaymentDueDays
        self.holdMinutes = holdMinutes
    }
}

/// `GET /api/v1/health`.
public struct Health: Codable, Sendable, Equatable {
    public var status: String
    public var version: String

    public init(status: String, version: String) {
        self.status = status
        self.version = version
    }
}
