import BookingAPI
import BookingCore
import Foundation
import SQLite

/// Which audit events a list shows, newest first.
public struct AuditQuery: Sendable {
    /// An exact action (`order.created`), or a prefix ending in a dot (`user.`).
    public var action: String?
    /// The actor's user name.
    public var actor: String?
    public var targetType: String?
    public var targetID: Int64?
    public var from: Date?
    public var to: Date?
    public var limit: Int
    /// Only events older than this one (the cursor of the previous page).
    public var after: Int64?

    public init(
        action: String? = nil, actor: String? = nil, targetType: String? = nil,
        targetID: Int64? = nil, from: Date? = nil, to: Date? = nil, limit: Int = 100,
        after: Int64? = nil
    ) {
        self.action = action
        self.actor = actor
        self.targetType = targetType
        self.targetID = targetID
        self.from = from
        self.to = to
        self.limit = limit
        self.after = after
    }
}

/// One audit event to write, inside the transaction of the change it records.
struct AuditRecord {
    var action: String
    var target: AuditTarget?
    var takenOffline = false
    var forced = false
    /// Ids, numbers and flags only: never names, addresses, e-mails or phones.
    var details: [String: String] = [:]

    init(
        _ action: String, _ targetType: String? = nil, _ targetID: Int64? = nil,
        takenOffline: Bool = false, forced: Bool = false, details: [String: String] = [:]
    ) {
        self.action = action
        self.target = targetType.map { AuditTarget(type: $0, id: targetID ?? 0) }
        self.takenOffline = takenOffline
        self.forced = forced
        self.details = details
    }
}

extension BookingStore {
    /// Writes `record` as an event of the scope's account by the scope's actor.
    static func audit(_ db: Database, _ record: AuditRecord, scope: Scope, at: Date) throws {
        let details = detailsJSON(record.details)
        try db.run(
            """
            INSERT INTO audit_events (account_id, action, actor_kind, actor_id, actor_name,
                target_type, target_id, at, taken_offline, forced, details)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                scope.accountID.rawValue, record.action, scope.actor.kind.rawValue,
                scope.actor.id, scope.actor.name, record.target?.type, record.target?.id,
                at.storedSeconds, record.takenOffline, record.forced, details,
            ])
    }

    /// A flat JSON object with sorted keys, written by hand: this runs inside the writer's
    /// transaction for every order, where Foundation's encoder was a measurable share.
    static func detailsJSON(_ details: [String: String]) -> String {
        var text = "{"
        for (index, key) in details.keys.sorted().enumerated() {
            if index > 0 { text += "," }
            text += quoted(key) + ":" + quoted(details[key] ?? "")
        }
        return text + "}"
    }

    private static func quoted(_ value: String) -> String {
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }

    /// Records an event that goes with no other change (a superuser's request, an export).
    public func recordAudit(
        action: String, target: AuditTarget? = nil, details: [String: String] = [:],
        scope: Scope, at: Date
    ) throws(StoreError) {
        var record = AuditRecord(action, details: details)
        record.target = target
        let event = record
        try write { db in try Self.audit(db, event, scope: scope, at: at) }
    }

    /// One page of the account's audit events matching `query`, newest first.
    public func auditEvents(_ query: AuditQuery, scope: Scope) throws(StoreError)
        -> AuditEventList
    {
        var conditions = ["e.account_id = ?"]
        var arguments: [SQLiteValue] = [.integer(scope.accountID.rawValue)]
        if let action = query.action {
            if action.hasSuffix(".") {
                conditions.append("substr(e.action, 1, ?) = ?")
                arguments += [.integer(Int64(action.count)), .text(action)]
            } else {
                conditions.append("e.action = ?")
                arguments.append(.text(action))
            }
        }
        let optional: [(String, SQLiteValue?)] = [
            ("e.actor_name = ?", query.actor.map(SQLiteValue.text)),
            ("e.target_type = ?", query.targetType.map(SQLiteValue.text)),
            ("e.target_id = ?", query.targetID.map(SQLiteValue.integer)),
            ("e.at >= ?", query.from.map { .integer($0.storedSeconds) }),
            ("e.at < ?", query.to.map { .integer($0.storedSeconds) }),
            ("e.id < ?", query.after.map(SQLiteValue.integer)),
        ]
        for (condition, value) in optional {
            guard let value else { continue }
            conditions.append(condition)
            arguments.append(value)
        }
        let limit = min(max(query.limit, 1), 500)
        let sql = conditions.joined(separator: " AND ")
        let values = arguments
        let page = try read { db in
            try Self.auditEvents(db, where: sql, values, limit: limit + 1)
        }
        let shown = Array(page.prefix(limit))
        return AuditEventList(
            events: shown,
            nextCursor: page.count > limit ? shown.last.map { String($0.id) } : nil)
    }

    static func auditEvents(
        _ db: Database, where condition: String, _ arguments: [any SQLiteBindable], limit: Int
    ) throws -> [AuditEvent] {
        try db.query(
            """
            SELECT e.id, e.action, e.actor_kind, e.actor_id, e.actor_name, e.target_type,
                e.target_id, e.at, e.taken_offline, e.forced, e.details
            FROM audit_events e WHERE \(condition) ORDER BY e.id DESC LIMIT \(limit)
            """, arguments
        ).map { row in
            AuditEvent(
                id: row.int64(0), action: row.text(1),
                actor: AuditActor(
                    kind: AuditActor.Kind(rawValue: row.text(2)) ?? .system,
                    id: row.optionalInt64(3), name: row.text(4)),
                target: row.optionalText(5).map {
                    AuditTarget(type: $0, id: row.optionalInt64(6) ?? 0)
                },
                at: Date(storedSeconds: row.int64(7)), takenOffline: row.bool(8),
                forced: row.bool(9),
                details: (try? StoredJSON.decode([String: String].self, row.text(10))) ?? [:])
        }
    }
}
