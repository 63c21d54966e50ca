import BookingAPI
import BookingCore
import Foundation

/// An order on the server that cannot get all its units of an offer.
public struct Shortage: Sendable, Equatable {
    public var order: OrderInfo
    public var offerID: OfferID
    public var missingUnits: Int
}

extension Cache {
    /// The cached orders that a forced order leaves short: those picked up at or after it,
    /// overlapping it, that want an offer which is overbooked over their own period once all
    /// cached orders are counted. Counted with BookingCore's one availability function, from
    /// the cached catalogue and orders; call after storing the forced order and refreshing
    /// the orders, and record each with `Outbox.recordShortage`.
    ///
    /// The cache sees only the orders of the user's branches, and no holds: the server's
    /// figures are the final word, this list is what the desk can tell staff at once.
    public func shortages(causedBy forced: OrderInfo) throws(OfflineCacheError) -> [Shortage] {
        guard let period = try? Period(start: forced.draft.start, end: forced.draft.end) else {
            return []
        }
        let branch = forced.draft.branchID
        let later = try orders(branch: branch, overlapping: period).filter {
            $0.id != forced.id && $0.status.holdsUnits && $0.draft.start >= forced.draft.start
        }
        guard let reach = Self.hull(of: later.map(\.draft) + [forced.draft]) else { return [] }
        var active = try orders(branch: branch, overlapping: reach).filter {
            $0.status.holdsUnits && $0.id != forced.id
        }
        active.append(forced)

        var shortages: [Shortage] = []
        for offerID in Set(Self.quantities(in: forced.draft).keys).sorted() {
            guard let stock = try offer(offerID)?.stock else { continue }
            let booked = active.flatMap { Self.units(of: offerID, in: $0.draft) }
            for order in later {
                guard let wanted = Self.quantities(in: order.draft)[offerID],
                    let own = try? Period(start: order.draft.start, end: order.draft.end),
                    case .free(let free) = Availability(stock: stock, booked: booked, over: own),
                    free < 0
                else { continue }
                shortages.append(
                    Shortage(order: order, offerID: offerID, missingUnits: min(wanted, -free)))
            }
        }
        return shortages
    }

    private static func quantities(in draft: OrderDraft) -> [OfferID: Int] {
        var quantities: [OfferID: Int] = [:]
        for item in draft.offers + draft.options {
            quantities[item.offerID, default: 0] += max(item.quantity, 0)
        }
        return quantities
    }

    private static func units(of offerID: OfferID, in draft: OrderDraft) -> [BookedUnits] {
        guard let quantity = quantities(in: draft)[offerID],
            let period = try? Period(start: draft.start, end: draft.end)
        else { return [] }
        return [BookedUnits(period: period, quantity: quantity)]
    }

    private static func hull(of drafts: [OrderDraft]) -> Period? {
        guard let start = drafts.map(\.start).min(), let end = drafts.map(\.end).max() else {
            return nil
        }
        return try? Period(start: start, end: end)
    }
}
