import BookingAPI
import BookingCore
import BookingStore
import Foundation
import Synchronization

/// Month-view rows already computed, checked against the store on every use.
///
/// A row derives from the offer, its branch's opening hours, the account's zone and the
/// offer's bookings. Each request still reads the offer and branch (with the offer's
/// `bookingsVersion`, which every booking change moves on) in its snapshot; a row is used
/// only if all of them are unchanged and no hold it counted has expired since. So the cache
/// never answers anything the store would not, also with several server processes on one
/// database; it only saves reading and counting the bookings again.
final class MonthViewCache: Sendable {
    private struct Key: Hashable {
        let account: AccountID
        let offer: OfferID
        let month: LocalDate
    }

    private struct Entry {
        let offer: CatalogOffer
        let branch: Branch?
        let zone: String
        let validUntil: Date
        let row: MonthAvailability.OfferDays
    }

    private let entries = Mutex<[Key: Entry]>([:])
    private let capacity: Int

    /// A cache of at most `capacity` rows; 0 turns it off.
    init(capacity: Int = 20_000) {
        self.capacity = capacity
    }

    var isEnabled: Bool { capacity > 0 }

    /// Whether a row for `offer` (as just read) is cached and still current at `now`.
    func isCurrent(
        _ offer: CatalogOffer, account: AccountID, month: LocalDate, zone: String, now: Date
    ) -> Bool {
        entry(offer, account: account, month: month, zone: zone, now: now) != nil
    }

    /// The cached row if it was computed from exactly this offer and branch.
    func row(
        _ offer: CatalogOffer, branch: Branch?, account: AccountID, month: LocalDate,
        zone: String, now: Date
    ) -> MonthAvailability.OfferDays? {
        guard let entry = entry(offer, account: account, month: month, zone: zone, now: now),
            entry.branch == branch
        else { return nil }
        return entry.row
    }

    func store(
        _ row: MonthAvailability.OfferDays, offer: CatalogOffer, branch: Branch?,
        account: AccountID, month: LocalDate, zone: String, validUntil: Date
    ) {
        guard isEnabled else { return }
        let key = Key(account: account, offer: offer.offer.id, month: month)
        let entry = Entry(
            offer: offer, branch: branch, zone: zone, validUntil: validUntil, row: row)
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = entry
        }
    }

    private func entry(
        _ offer: CatalogOffer, account: AccountID, month: LocalDate, zone: String, now: Date
    ) -> Entry? {
        guard isEnabled else { return nil }
        let key = Key(account: account, offer: offer.offer.id, month: month)
        guard let entry = entries.withLock({ $0[key] }), entry.offer == offer, entry.zone == zone,
            now < entry.validUntil
        else { return nil }
        return entry
    }
}
