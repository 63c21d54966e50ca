import BookingCore
import Foundation
import SQLite

/// What availability is computed from, read in one snapshot: the matching offers, their
/// branches (for opening hours) and the units booked of each during the period.
public struct AvailabilityInputs: Sendable {
    public var offers: [CatalogOffer]
    public var branches: [BranchID: Branch]
    public var booked: [OfferID: [BookedUnits]]
}

extension BookingStore {
    /// The offers matching `filter` that the scope may see, with their branches and their
    /// bookings during `period`, all from one consistent snapshot.
    public func availabilityInputs(
        _ filter: OfferFilter, over period: Period, scope: Scope, now: Date
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
            for entry in offers {
                booked[entry.offer.id] = try Self.booked(
                    db, offer: entry.offer.id, account: account, period: period, now: now)
            }
            return AvailabilityInputs(offers: offers, branches: branches, booked: booked)
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
        var booked: [BookedUnits] = []
        try db.forEachRow(
            """
            SELECT quantity, starts_at, ends_at FROM order_lines
            WHERE offer_id = ?1 AND starts_at > ?2 - ?4 AND starts_at < ?3 AND ends_at > ?2
                AND takes_units = 1 AND account_id = ?5
            UNION ALL
            SELECT quantity, starts_at, ends_at FROM hold_lines
            WHERE offer_id = ?1 AND starts_at > ?2 - ?4 AND starts_at < ?3 AND ends_at > ?2
                AND expires_at > ?6 AND account_id = ?5 AND hold_id <> ?7
            """,
            [
                offer.rawValue, period.start.storedSeconds, period.end.storedSeconds,
                try longestBooking(db, offer: offer), account.rawValue, now.storedSeconds,
                excludingHold?.rawValue ?? 0,
            ]
        ) { columns in
            let start = Date(storedSeconds: columns.int64(1))
            let end = Date(storedSeconds: columns.int64(2))
            guard let taken = try? Period(start: start, end: end) else { return }
            booked.append(BookedUnits(period: taken, quantity: columns.int(0)))
        }
        return booked
    }

    private static func longestBooking(_ db: Database, offer: OfferID) throws -> Int64 {
        try db.queryOne("SELECT longest_booking FROM offers WHERE id = ?", [offer.rawValue])?
            .int64(0) ?? 0
    }

    /// Records that `offer` is booked for `period`, keeping `longest_booking` an upper bound
    /// of every booking's length. Called by every insert of an order line or hold line.
    static func noteBooking(_ db: Database, offer: OfferID, period: Period) throws {
        try db.run(
            "UPDATE offers SET longest_booking = ?2 WHERE id = ?1 AND longest_booking < ?2",
            [offer.rawValue, period.end.storedSeconds - period.start.storedSeconds])
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
