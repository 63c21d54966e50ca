import BookingCore
import Foundation

/// An offer's free units as the desk knows them offline: the cached figure less the units
/// of this desk's unsent orders.
public struct OfflineAvailability: Sendable, Equatable {
    public var availability: Availability
    /// When the server counted the cached figure; the desk shows its age.
    public var fetchedAt: Date

    public init(availability: Availability, fetchedAt: Date) {
        self.availability = availability
        self.fetchedAt = fetchedAt
    }
}

/// Offline availability per offer and day, for the month calendar.
public struct OfflineMonth: Sendable, Equatable {
    /// One offer's days.
    public struct OfferDays: Sendable, Equatable {
        public var offerID: OfferID
        /// Parallel to `OfflineMonth.days`; nil where the cache has no figure for the day.
        public var days: [Day?]
    }

    /// One offer on one day.
    public struct Day: Sendable, Equatable {
        public var availability: Availability
        /// Whether the offer's branch is closed that day (then the whole day was counted).
        public var closed: Bool
        public var fetchedAt: Date
    }

    public var days: [LocalDate]
    /// In the order the offers were asked for.
    public var offers: [OfferDays]
}

/// Units an outbox order takes from one offer, and since when the server has them.
struct OutboxClaim: Sendable {
    var offerID: OfferID
    var units: BookedUnits
    /// When the order was sent; nil while unsent. A sent order still counts against cached
    /// figures fetched before this instant, which cannot contain it.
    var sentAt: Date?

    func counts(against fetchedAt: Date) -> Bool {
        sentAt.map { $0 > fetchedAt } ?? true
    }
}

extension Outbox {
    /// The units taken by every entry that is unsent, in conflict (staff may still save
    /// it) or sent, by offer; except the entry with `excluded` as its client id (the one a
    /// conflict resolution replaces).
    func claims(excluding excluded: String?) throws(OfflineCacheError) -> [OfferID: [OutboxClaim]] {
        var claims: [OfferID: [OutboxClaim]] = [:]
        for entry in try entries(in: [.pending, .conflict, .sent])
        where entry.clientID != excluded {
            guard let period = entry.period else { continue }
            let sentAt = entry.state == .sent ? entry.finishedAt : nil
            for item in entry.request.draft.offers + entry.request.draft.options {
                let units = BookedUnits(period: period, quantity: item.quantity)
                claims[item.offerID, default: []].append(
                    OutboxClaim(offerID: item.offerID, units: units, sentAt: sentAt))
            }
        }
        return claims
    }
}
