import BookingAPI
import BookingCore
import Foundation
import SQLite

/// Which tours a list shows, by start.
public struct TourQuery: Sendable {
    /// Tours ending after this instant.
    public var from: Date?
    /// Tours starting before this instant.
    public var to: Date?
    public var guideID: GuideID?

    public init(from: Date? = nil, to: Date? = nil, guideID: GuideID? = nil) {
        self.from = from
        self.to = to
        self.guideID = guideID
    }
}

/// Tours: dated departures of a tour offer. Their participants are counted from the orders
/// of the offer that overlap the tour and hold units, so they are never stored twice.
extension BookingStore {
    /// The persons booked for tour `t`: the quantities of its offer's order lines that
    /// overlap it and are not cancelled.
    static let participants = """
        (SELECT coalesce(sum(l.quantity), 0) FROM order_lines l
        WHERE l.offer_id = t.offer_id AND l.starts_at < t.ends_at AND l.ends_at > t.starts_at
            AND l.takes_units = 1 AND l.is_option = 0 AND l.account_id = t.account_id)
        """

    /// The tours the scope may see (through their offer), by start.
    public func tours(_ query: TourQuery, scope: Scope) throws(StoreError) -> [TourRecord] {
        var condition = "1 = 1"
        var arguments: [Int64] = []
        if let from = query.from {
            condition += " AND t.ends_at > ?"
            arguments.append(from.storedSeconds)
        }
        if let to = query.to {
            condition += " AND t.starts_at < ?"
            arguments.append(to.storedSeconds)
        }
        if let guide = query.guideID {
            condition += " AND t.guide_id = ?"
            arguments.append(guide.rawValue)
        }
        let sql = condition
        let values = arguments
        return try read { db in try Self.tourRecords(db, where: sql, values, scope: scope) }
    }

    public func tour(_ id: TourID, scope: Scope) throws(StoreError) -> TourRecord? {
        try read { db in
            try Self.tourRecords(db, where: "t.id = ?", [id.rawValue], scope: scope).first
        }
    }

    static func tourRecords(
        _ db: Database, where condition: String, _ arguments: [Int64], scope: Scope
    ) throws -> [TourRecord] {
        let visible = scope.filter("f", categoryColumn: "category_id")
        return try db.query(
            """
            SELECT t.id, t.offer_id, f.name, f.branch_id, t.starts_at, t.ends_at, t.capacity,
                t.guide_id, t.released, \(participants)
            FROM tours t JOIN offers f ON f.id = t.offer_id
            WHERE t.account_id = ? AND \(visible.sql) AND \(condition)
            ORDER BY t.starts_at, t.id
            """, [scope.accountID.rawValue] + visible.arguments + arguments
        ).map { row in
            TourRecord(
                id: TourID(row.int64(0)), offerID: OfferID(row.int64(1)), name: row.text(2),
                branchID: BranchID(row.int64(3)), start: Date(storedSeconds: row.int64(4)),
                end: Date(storedSeconds: row.int64(5)), capacity: row.int(6),
                guideID: row.optionalInt64(7).map { GuideID($0) }, released: row.bool(8),
                participants: row.int(9))
        }
    }

    /// Adds a tour of a tour offer the scope may see, optionally with a guide of the account.
    public func createTour(_ request: TourRequest, scope: Scope, now: Date) throws(StoreError)
        -> TourRecord
    {
        try write { db in
            try Self.checkTour(db, request, scope: scope)
            try db.run(
                """
                INSERT INTO tours (account_id, offer_id, starts_at, ends_at, capacity, guide_id,
                    released, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    scope.accountID.rawValue, request.offerID.rawValue,
                    request.start.storedSeconds, request.end.storedSeconds, request.capacity,
                    request.guideID?.rawValue, request.released, now.storedSeconds,
                    now.storedSeconds,
                ])
            let id = db.lastInsertRowID
            try Self.audit(
                db, AuditRecord("tour.created", "tour", id, details: Self.tourDetails(request)),
                scope: scope, at: now)
            return try Self.tourRecords(db, where: "t.id = ?", [id], scope: scope)[0]
        }
    }

    /// Replaces a tour's offer, times, capacity, guide and release.
    public func updateTour(_ id: TourID, _ request: TourRequest, scope: Scope, now: Date)
        throws(StoreError) -> TourRecord
    {
        try write { db in
            guard
                let old = try Self.tourRecords(db, where: "t.id = ?", [id.rawValue], scope: scope)
                    .first
            else { throw StoreError.notFound("tour") }
            try Self.checkTour(db, request, scope: scope)
            try db.run(
                """
                UPDATE tours SET offer_id = ?, starts_at = ?, ends_at = ?, capacity = ?,
                    guide_id = ?, released = ?, updated_at = ?
                WHERE id = ?
                """,
                [
                    request.offerID.rawValue, request.start.storedSeconds,
                    request.end.storedSeconds, request.capacity, request.guideID?.rawValue,
                    request.released, now.storedSeconds, id.rawValue,
                ])
            let action =
                old.released != request.released
                ? (request.released ? "tour.released" : "tour.withdrawn") : "tour.updated"
            try Self.audit(
                db, AuditRecord(action, "tour", id.rawValue, details: Self.tourDetails(request)),
                scope: scope, at: now)
            return try Self.tourRecords(db, where: "t.id = ?", [id.rawValue], scope: scope)[0]
        }
    }

    public func deleteTour(_ id: TourID, scope: Scope, now: Date) throws(StoreError) {
        try write { db in
            guard
                try Self.tourRecords(db, where: "t.id = ?", [id.rawValue], scope: scope).first
                    != nil
            else { throw StoreError.notFound("tour") }
            try db.run("DELETE FROM tours WHERE id = ?", [id.rawValue])
            try Self.audit(
                db, AuditRecord("tour.deleted", "tour", id.rawValue), scope: scope, at: now)
        }
    }

    /// The released tours assigned to the guide who logs in as `user`, by start; those
    /// ending before `from` are left out.
    public func guideTours(user: UserID, from: Date?, scope: Scope) throws(StoreError)
        -> [GuideTour]
    {
        try read { db in
            try db.query(
                """
                SELECT t.id, f.name, t.starts_at, t.ends_at, \(Self.participants)
                FROM tours t JOIN guides g ON g.id = t.guide_id
                    JOIN offers f ON f.id = t.offer_id
                WHERE t.account_id = ? AND g.account_id = ? AND g.user_id = ?
                    AND t.released = 1 AND t.ends_at > ?
                ORDER BY t.starts_at, t.id
                """,
                [
                    scope.accountID.rawValue, scope.accountID.rawValue, user.rawValue,
                    from?.storedSeconds ?? Int64.min,
                ]
            ).map { row in
                GuideTour(
                    id: TourID(row.int64(0)), name: row.text(1),
                    start: Date(storedSeconds: row.int64(2)),
                    end: Date(storedSeconds: row.int64(3)), participants: row.int(4))
            }
        }
    }

    /// The tour's offer must be a tour offer the scope may see; its guide the account's.
    private static func checkTour(_ db: Database, _ request: TourRequest, scope: Scope) throws {
        let visible = scope.filter("f", categoryColumn: "category_id")
        guard
            let offer = try db.queryOne(
                """
                SELECT c.kind FROM offers f JOIN categories c ON c.id = f.category_id
                WHERE f.id = ? AND \(visible.sql)
                """, [request.offerID.rawValue] + visible.arguments)
        else { throw StoreError.notFound("offer") }
        guard offer.text(0) == CategoryKind.tour.rawValue else {
            throw StoreError.conflict("offer \(request.offerID) is not a tour")
        }
        if let guide = request.guideID {
            try checkOwned(db, "guides", guide.rawValue, account: scope.accountID.rawValue)
        }
    }

    private static func tourDetails(_ request: TourRequest) -> [String: String] {
        [
            "offer": "\(request.offerID)", "guide": request.guideID.map { "\($0)" } ?? "",
            "released": String(request.released),
        ]
    }
}
