import BookingCore
import Foundation

/// `GET /api/v1/availability/month?month=YYYY-MM[&branch=][&category=][&offer=]`: the free
/// units of each matching offer on each day of a month, for the desk's wall-planner calendar.
/// A day is the branch's opening hours on that local date in the account's time zone.
public struct MonthAvailability: Codable, Sendable, Equatable {
    /// The first day of the month.
    public var month: LocalDate
    /// The local dates of the month in order; `free` arrays are parallel to it.
    public var days: [LocalDate]
    public var offers: [OfferDays]

    public init(month: LocalDate, days: [LocalDate], offers: [OfferDays]) {
        self.month = month
        self.days = days
        self.offers = offers
    }

    /// One offer's month.
    public struct OfferDays: Codable, Sendable, Equatable {
        public var offerID: OfferID
        /// Free units per day; nil for an unlimited option. Negative where overbooked.
        public var free: [Int?]
        /// Per day: true where the offer's branch is closed.
        public var closed: [Bool]

        public init(offerID: OfferID, free: [Int?], closed: [Bool]) {
            self.offerID = offerID
            self.free = free
            self.closed = closed
        }
    }
}

/// `GET /api/v1/availability/interval?start=&end=[&branch=][&category=][&offer=]`: the free
/// units of each matching offer over `[start, end)`.
public struct IntervalAvailability: Codable, Sendable, Equatable {
    public var start: Date
    public var end: Date
    public var offers: [OfferFree]

    public init(start: Date, end: Date, offers: [OfferFree]) {
        self.start = start
        self.end = end
        self.offers = offers
    }

    public struct OfferFree: Codable, Sendable, Equatable {
        public var offerID: OfferID
        /// Free units; nil for an unlimited option.
        public var free: Int?

        public init(offerID: OfferID, free: Int?) {
            self.offerID = offerID
            self.free = free
        }
    }
}
