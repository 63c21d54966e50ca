import BookingCore
import Foundation

/// `POST /api/v1/tours` and `PUT /api/v1/tours/{id}`: a dated departure of a tour offer.
public struct TourRequest: Codable, Sendable, Equatable {
    /// An offer of a category of kind `tour`.
    public var offerID: OfferID
    public var start: Date
    public var end: Date
    /// How many participants the departure takes.
    public var capacity: Int
    public var guideID: GuideID?
    /// Whether the assigned guide sees the tour.
    public var released: Bool

    public init(
        offerID: OfferID, start: Date, end: Date, capacity: Int, guideID: GuideID? = nil,
        released: Bool = false
    ) {
        self.offerID = offerID
        self.start = start
        self.end = end
        self.capacity = capacity
        self.guideID = guideID
        self.released = released
    }
}

/// A tour as staff and admins see it.
public struct TourRecord: Codable, Sendable, Equatable {
    public var id: TourID
    public var offerID: OfferID
    /// The tour offer's name.
    public var name: String
    public var branchID: BranchID
    public var start: Date
    public var end: Date
    public var capacity: Int
    public var guideID: GuideID?
    public var released: Bool
    /// Persons booked: the quantities of the orders of the offer that overlap the tour and
    /// are not cancelled.
    public var participants: Int

    public init(
        id: TourID, offerID: OfferID, name: String, branchID: BranchID, start: Date, end: Date,
        capacity: Int, guideID: GuideID?, released: Bool, participants: Int
    ) {
        self.id = id
        self.offerID = offerID
        self.name = name
        self.branchID = branchID
        self.start = start
        self.end = end
        self.capacity = capacity
        self.guideID = guideID
        self.released = released
        self.participants = participants
    }
}

/// `GET /api/v1/guide/tours`: a released tour as its guide sees it, and nothing more: no
/// customer, no price, no order.
public struct GuideTour: Codable, Sendable, Equatable {
    public var id: TourID
    public var name: String
    public var start: Date
    public var end: Date
    public var participants: Int

    public init(id: TourID, name: String, start: Date, end: Date, participants: Int) {
        self.id = id
        self.name = name
        self.start = start
        self.end = end
        self.participants = participants
    }
}
