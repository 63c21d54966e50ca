import BookingCore
import Foundation

/// A session of a user, without its token or the token's hash.
public struct SessionRecord: Codable, Sendable, Equatable {
    public var createdAt: Date
    public var lastSeenAt: Date
    public var expiresAt: Date
    public var endedAt: Date?

    public init(createdAt: Date, lastSeenAt: Date, expiresAt: Date, endedAt: Date?) {
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.expiresAt = expiresAt
        self.endedAt = endedAt
    }
}

/// Everything the account stores about one person (right of access): their record, their
/// orders, their sessions and the audit events about them or made by them. Password hashes
/// and session tokens are never part of it.
public struct PersonExport: Codable, Sendable, Equatable {
    /// `customer` or `user`.
    public var kind: String
    public var exportedAt: Date
    public var account: AccountInfo
    public var customer: CustomerRecord?
    public var user: UserRecord?
    public var guide: GuideRecord?
    public var orders: [OrderInfo]
    public var sessions: [SessionRecord]
    public var auditEvents: [AuditEvent]

    public init(
        kind: String, exportedAt: Date, account: AccountInfo, customer: CustomerRecord? = nil,
        user: UserRecord? = nil, guide: GuideRecord? = nil, orders: [OrderInfo] = [],
        sessions: [SessionRecord] = [], auditEvents: [AuditEvent] = []
    ) {
        self.kind = kind
        self.exportedAt = exportedAt
        self.account = account
        self.customer = customer
        self.user = user
        self.guide = guide
        self.orders = orders
        self.sessions = sessions
        self.auditEvents = auditEvents
    }
}
