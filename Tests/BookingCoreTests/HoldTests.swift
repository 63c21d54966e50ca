import BookingCore
import Foundation
import Testing

@Suite struct HoldTests {
    private let placed = instant("2016-03-05T07:50:00Z")
    private let rental = period("2016-03-05T08:00:00+01:00", "2016-03-05T18:00:00+01:00")

    @Test func aHoldLastsTenMinutesByDefault() {
        let hold = Hold(offerID: Demo.fahrradM, quantity: 2, period: rental, now: placed)
        #expect(hold.expiresAt == instant("2016-03-05T08:00:00Z"))
        #expect(hold.isActive(at: placed))
        #expect(hold.isActive(at: instant("2016-03-05T07:59:59Z")))
        #expect(!hold.isActive(at: instant("2016-03-05T08:00:00Z")))
        #expect(!hold.isActive(at: instant("2016-03-05T09:00:00Z")))
    }

    @Test func aHoldMayLastLonger() {
        let hold = Hold(
            offerID: Demo.fahrradM, quantity: 1, period: rental, now: placed, duration: 30 * 60)
        #expect(hold.expiresAt == instant("2016-03-05T08:20:00Z"))
    }

    @Test func activeHoldsOfTheOfferCountAgainstAvailability() {
        let holds = [
            Hold(offerID: Demo.fahrradM, quantity: 2, period: rental, now: placed),
            Hold(
                offerID: Demo.fahrradM, quantity: 3, period: rental,
                now: placed.addingTimeInterval(-3600)),
            Hold(offerID: Demo.anhaenger, quantity: 1, period: rental, now: placed),
        ]
        let now = placed.addingTimeInterval(60)
        let held = holds.bookedUnits(of: Demo.fahrradM, activeAt: now)
        #expect(held == [BookedUnits(period: rental, quantity: 2)])

        let orders = [BookedUnits(period: rental, quantity: 5)]
        #expect(Availability(stock: 8, booked: orders + held, over: rental) == .free(1))
        let afterExpiry = holds.bookedUnits(
            of: Demo.fahrradM, activeAt: placed.addingTimeInterval(600))
        #expect(Availability(stock: 8, booked: orders + afterExpiry, over: rental) == .free(3))
    }
}
