import BookingCore
import Foundation

/// A user of the account as an admin sees them (never with a password or its hash).
public struct UserRecord: Codable, Sendable, Equatable {
    public var id: UserID
    /// The log-in name, unique in the account.
    public var username: String
    public var name: String
    public var email: String
    /// `admin` (a desk user with the admin flag), `staff` or `guide`.
    public var role: Role
    /// The account's owner: always an admin, never deactivated or deleted.
    public var isOwner: Bool
    /// A deactivated user cannot log in; their sessions ended when they were deactivated.
    public var isActive: Bool
    /// The branches a staff user is restricted to; nil for all. Restrictions stay stored
    /// while the user is an admin but apply only while they are not.
    public var branchIDs: [BranchID]?
    /// The categories a staff user is restricted to; nil for all.
    public var categoryIDs: [CategoryID]?
    /// The guide record this user logs in for, if they are a guide.
    public var guideID: GuideID?
    public var createdAt: Date

    public init(
        id: UserID, username: String, name: String, email: String, role: Role, isOwner: Bool,
        isActive: Bool, branchIDs: [BranchID]?, categoryIDs: [CategoryID]?, guideID: GuideID?,
        createdAt: Date
    ) {
        self.id = id
        self.username = username
        self.name = name
        self.email = email
        self.role = role
        self.isOwner = isOwner
        self.isActive = isActive
        self.branchIDs = branchIDs
        self.categoryIDs = categoryIDs
        self.guideID = guideID
        self.createdAt = createdAt
    }
}

/// `POST /api/v1/users`: a new staff user. The server generates the password and mails it
/// to `email`; it never appears in an answer.
public struct NewUserRequest: Codable, Sendable, Equatable {
    public var username: String
    public var name: String
    public var email: String

    public init(username: String, name: String, email: String) {
        self.username = username
        self.name = name
        self.email = email
    }
}

/// `PUT /api/v1/users/{id}/admin`: grant or revoke the admin flag.
public struct AdminFlagRequest: Codable, Sendable, Equatable {
    public var isAdmin: Bool

    public init(isAdmin: Bool) {
        self.isAdmin = isAdmin
    }
}

/// `PUT /api/v1/users/{id}/restrictions`: the branches and categories a staff user may see.
/// nil means all; an empty list is refused (a user who may see nothing should be
/// deactivated instead).
public struct RestrictionsRequest: Codable, Sendable, Equatable {
    public var branchIDs: [BranchID]?
    public var categoryIDs: [CategoryID]?

    public init(branchIDs: [BranchID]? = nil, categoryIDs: [CategoryID]? = nil) {
        self.branchIDs = branchIDs
        self.categoryIDs = categoryIDs
    }
}

/// Where a generated password went.
public enum MailDelivery: String, Codable, Sendable, CaseIterable {
    /// Handed to the SMTP server.
    case sent
    /// Written to the server's mail spool folder (no SMTP server configured).
    case spooled
    /// Neither worked; ask for a new password once mail works again.
    case failed
}

/// The answer to creating a user (staff, or a guide's access): the user, and where their
/// generated password was mailed.
public struct UserCreated: Codable, Sendable, Equatable {
    public var user: UserRecord
    public var passwordMail: MailDelivery

    public init(user: UserRecord, passwordMail: MailDelivery) {
        self.user = user
        self.passwordMail = passwordMail
    }
}

/// The answer to `POST /api/v1/users/{id}/password`: a new password was generated and
/// mailed; the old one stopped working and the user's sessions ended.
public struct PasswordMailed: Codable, Sendable, Equatable {
    public var passwordMail: MailDelivery

    public init(passwordMail: MailDelivery) {
        self.passwordMail = passwordMail
    }
}
