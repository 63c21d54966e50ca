import BookingCore
import Foundation
import SQLite

extension BookingStore {
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
        let rows = try db.query(
            """
            SELECT quantity, starts_at, ends_at FROM order_lines
            WHERE offer_id = ? AND ends_at > ? AND starts_at < ? AND takes_units = 1
                AND account_id = ?
            UNION ALL
            SELECT quantity, starts_at, ends_at FROM hold_lines
            WHERE offer_id = ? AND ends_at > ? AND starts_at < ? AND expires_at > ?
                AND account_id = ? AND hold_id <> ?
            """,
            [
                offer.rawValue, period.start.storedSeconds, period.end.storedSeconds,
                account.rawValue, offer.rawValue, period.start.storedSeconds,
                period.end.storedSeconds, now.storedSeconds, account.rawValue,
                excludingHold?.rawValue ?? 0,
            ])
        return rows.compactMap { row in
            let start = Date(storedSeconds: row.int64(1))
            let end = Date(storedSeconds: row.int64(2))
            guard let taken = try? Period(start: start, end: end) else { return nil }
            return BookedUnits(period: taken, quantity: row.int(0))
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
