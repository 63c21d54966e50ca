import Foundation

/// Units held for a few minutes while staff type a customer's data, so that an online
/// booking cannot take the last unit meanwhile. A hold expires by itself or becomes the
/// order; until then it counts against availability like a booking.
public struct Hold: Hashable, Codable, Sendable {
    /// How long a hold lasts unless told otherwise: 10 minutes.
    public static let defaultDuration: TimeInterval = 10 * 60

    public var offerID: OfferID
    public var quantity: Int
    /// The period the units are held for (the rental's, not the hold's own lifetime).
    public var period: Period
    /// The first instant at which the hold no longer counts.
    public var expiresAt: Date

    public init(offerID: OfferID, quantity: Int, period: Period, expiresAt: Date) {
        self.offerID = offerID
        self.quantity = quantity
        self.period = period
        self.expiresAt = expiresAt
    }

    /// A hold placed at `now` that lasts `duration` seconds.
    public init(
        offerID: OfferID, quantity: Int, period: Period, now: Date,
        duration: TimeInterval = Hold.defaultDuration
    ) {
        self.init(
            offerID: offerID, quantity: quantity, period: period,
            expiresAt: now.addingTimeInterval(duration))
    }

    /// Whether the hold still counts at `now`.
    public func isActive(at now: Date) -> Bool {
        now < expiresAt
    }

    /// The units this hold takes, for `Availability`.
    public var bookedUnits: BookedUnits {
        BookedUnits(period: period, quantity: quantity)
    }
}

extension Sequence where Element == Hold {
    /// The units taken by the holds on `offerID` that are still active at `now`.
    public func bookedUnits(of offerID: OfferID, activeAt now: Date) -> [BookedUnits] {
        filter { $0.offerID == offerID && $0.isActive(at: now) }.map(\.bookedUnits)
    }
}
