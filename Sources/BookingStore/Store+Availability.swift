import BookingCore
import Foundation
import SQLite

/// What availability is computed from, read in one snapshot: the matching offers, their
/// branches (for opening hours) and the units booked of each during the period.
public struct AvailabilityInputs: Sendable {
    public var offers: [CatalogOffer]
    public var branches: [BranchID: Branch]
    /// Bookings per offer; offers the caller chose to reuse have no entry.
    public var booked: [OfferID: [BookedUnits]]
    /// Per offer read: when the first hold counted in `booked` expires, if any. Until then
    /// (and while the offer's bookings version stays) the bookings read stay current.
    public var holdsExpire: [OfferID: Date]
}

extension BookingStore {
    /// The offers matching `filter` that the scope may see, with their branches and their
    /// bookings during `period`, all from one consistent snapshot. `reuse` is asked per offer
    /// (with its bookings version) whether the caller already has what it derives from
    /// them; then they are not read.
    public func availabilityInputs(
        _ filter: OfferFilter, over period: Period, scope: Scope, now: Date,
        reuse: @escaping @Sendable (CatalogOffer) -> Bool = { _ in false }
    ) throws(StoreError) -> AvailabilityInputs {
        let account = scope.accountID
        return try read { db in
            let offers = try Self.offers(db, scope: scope, filter: filter)
            let branchFilter = scope.filter("b", branchColumn: "id")
            var branches: [BranchID: Branch] = [:]
            for id in Set(offers.map(\.offer.branchID)) {
                let row = try db.queryOne(
                    """
                    SELECT id, name, address, opens, closes, closed_weekdays FROM branches b
                    WHERE b.id = ? AND \(branchFilter.sql)
                    """, [id.rawValue] + branchFilter.arguments)
                branches[id] = row.map(Self.branch)
            }
            var booked: [OfferID: [BookedUnits]] = [:]
            var holdsExpire: [OfferID: Date] = [:]
            for entry in offers where !reuse(entry) {
                var expiry: Date?
                booked[entry.offer.id] = try Self.booked(
                    db, offer: entry.offer.id, account: account, period: period, now: now,
                    holdsExpire: &expiry)
                holdsExpire[entry.offer.id] = expiry
            }
            return AvailabilityInputs(
                offers: offers, branches: branches, booked: booked, holdsExpire: holdsExpire)
        }
    }

    /// The units of each offer taken during `period`: order lines that hold units and holds
    /// that have not expired at `now`. Offers outside the scope get no entry.
    public func bookedUnits(
        offers: [OfferID], over period: Period, scope: Scope, now: Date
    ) throws(StoreError) -> [OfferID: [BookedUnits]] {
        let account = scope.accountID
        return try read { db in
            var result: [OfferID: [BookedUnits]] = [:]
            for offer in offers {
                result[offer] = try Self.booked(
                    db, offer: offer, account: account, period: period, now: now)
            }
            return result
        }
    }

    /// Units of `offer` booked during `period`, read on `db` (a reader, or the writer inside
    /// its transaction). `excludingHold` leaves out the hold that is becoming an order.
    static func booked(
        _ db: Database, offer: OfferID, account: AccountID, period: Period, now: Date,
        excludingHold: HoldID? = nil
    ) throws -> [BookedUnits] {
        var expiry: Date?
        return try booked(
            db, offer: offer, account: account, period: period, now: now,
            excludingHold: excludingHold, holdsExpire: &expiry)
    }

    /// As above; `holdsExpire` becomes the earliest expiry of the holds counted, if any.
    static func booked(
        _ db: Database, offer: OfferID, account: AccountID, period: Period, now: Date,
        excludingHold: HoldID? = nil, holdsExpire: inout Date?
    ) throws -> [BookedUnits] {
        var booked: [BookedUnits] = []
        var earliest = Int64.max
        try db.forEachRow(
            """
            SELECT quantity, starts_at, ends_at, NULL FROM order_lines
            WHERE offer_id = ?1 AND starts_at > ?2 - ?4 AND starts_at < ?3 AND ends_at > ?2
                AND takes_units = 1 AND account_id = ?5
            UNION ALL
            SELECT quantity, starts_at, ends_at, expires_at FROM hold_lines
            WHERE offer_id = ?1 AND starts_at > ?2 - ?4 AND starts_at < ?3 AND ends_at > ?2
                AND expires_at > ?6 AND account_id = ?5 AND hold_id <> ?7
            """,
            [
                offer.rawValue, period.start.storedSeconds, period.end.storedSeconds,
                try longestBooking(db, offer: offer), account.rawValue, now.storedSeconds,
                excludingHold?.rawValue ?? 0,
            ]
        ) { columns in
            if !columns.isNull(3) { earliest = min(earliest, columns.int64(3)) }
            let start = Date(storedSeconds: columns.int64(1))
            let end = Date(storedSeconds: columns.int64(2))
            guard let taken = try? Period(start: start, end: end) else { return }
            booked.append(BookedUnits(period: taken, quantity: columns.int(0)))
        }
        if earliest != Int64.max { holdsExpire = Date(storedSeconds: earliest) }
        return booked
    }

    private static func longestBooking(_ db: Database, offer: OfferID) throws -> Int64 {
        try db.queryOne("SELECT longest_booking FROM offers WHERE id = ?", [offer.rawValue])?
            .int64(0) ?? 0
    }

    /// Records that `offer` is booked for `period`: keeps `longest_booking` an upper bound of
    /// every booking's length and moves `bookings_version` on. Called by every insert of an
    /// order line or hold line.
    static func noteBooking(_ db: Database, offer: OfferID, period: Period) throws {
        try db.run(
            """
            UPDATE offers SET longest_booking = max(longest_booking, ?2),
                bookings_version = bookings_version + 1
            WHERE id = ?1
            """, [offer.rawValue, period.end.storedSeconds - period.start.storedSeconds])
    }

    /// Moves `bookings_version` on for offers whose booked units changed otherwise
    /// (a cancelled order, a released hold).
    static func noteChange(_ db: Database, offers: some Sequence<OfferID>) throws {
        for offer in Set(offers) {
            try db.run(
                "UPDATE offers SET bookings_version = bookings_version + 1 WHERE id = ?",
                [offer.rawValue])
        }
    }

    /// Checks inside the writer's transaction that every offer of `items` has enough free
    /// units over `period`, through BookingCore's one availability rule.
    static func checkAvailable(
        _ db: Database, items: [(OfferID, Int)], account: AccountID, period: Period, now: Date,
        excludingHold: HoldID?
    ) throws {
        var wanted: [OfferID: Int] = [:]
        for (offer, quantity) in items {
            wanted[offer, default: 0] += quantity
        }
        for (offer, quantity) in wanted.sorted(by: { $0.key < $1.key }) {
            let stock = try db.queryOne(
                "SELECT stock FROM offers WHERE id = ? AND account_id = ?",
                [offer.rawValue, account.rawValue])
            guard let stock else { throw StoreError.notFound("offer") }
            let booked = try booked(
                db, offer: offer, account: account, period: period, now: now,
                excludingHold: excludingHold)
            let free = Availability(stock: stock.optionalInt(0), booked: booked, over: period)
            guard free.allows(quantity) else {
                if case .free(let units) = free {
                    throw StoreError.soldOut(offerID: offer, free: max(units, 0))
                }
                throw StoreError.soldOut(offerID: offer, free: 0)
            }
        }
    }
}
