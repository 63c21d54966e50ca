import BookingCore
import Foundation

/// Who made a change: a user of the account, a vendor superuser, or the system (commands,
/// demo data).
public struct AuditActor: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case user
        case superuser
        case system
    }

    public var kind: Kind
    /// The user's or superuser's id; nil for the system.
    public var id: Int64?
    /// The user name at the time of the change.
    public var name: String

    public init(kind: Kind, id: Int64?, name: String) {
        self.kind = kind
        self.id = id
        self.name = name
    }

    /// Work of the server itself or of a command run by the operator.
    public static let system = AuditActor(kind: .system, id: nil, name: "system")
}

/// What a change was made to, e.g. `order` 12.
public struct AuditTarget: Codable, Sendable, Equatable {
    /// `order`, `hold`, `user`, `guide`, `tour`, `customer`, `account` or `session`.
    public var type: String
    public var id: Int64

    public init(type: String, id: Int64) {
        self.type = type
        self.id = id
    }
}

/// One recorded change: written in the same transaction as the change itself.
public struct AuditEvent: Codable, Sendable, Equatable {
    public var id: Int64
    /// A dotted name such as `order.created`, `user.admin_granted`,
    /// `user.restrictions_changed` or `session.superuser_access`.
    public var action: String
    public var actor: AuditActor
    public var target: AuditTarget?
    public var at: Date
    /// The change was made offline at a desk and sent later.
    public var takenOffline: Bool
    /// The change overbooked on purpose.
    public var forced: Bool
    /// Further facts, never personal data (no names, addresses, e-mails or phones).
    public var details: [String: String]

    public init(
        id: Int64, action: String, actor: AuditActor, target: AuditTarget?, at: Date,
        takenOffline: Bool = false, forced: Bool = false, details: [String: String] = [:]
    ) {
        self.id = id
        self.action = action
        self.actor = actor
        self.target = target
        self.at = at
        self.takenOffline = takenOffline
        self.forced = forced
        self.details = details
    }
}

/// `GET /api/v1/audit-events`: one page of events, newest first.
public struct AuditEventList: Codable, Sendable, Equatable {
    public var events: [AuditEvent]
    /// Pass as `after` to get the next page; nil on the last page.
    public var nextCursor: String?

    public init(events: [AuditEvent], nextCursor: String?) {
        self.events = events
        self.nextCursor = nextCursor
    }
}
