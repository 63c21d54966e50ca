import BookingCore
import Foundation
import Testing

@Suite struct PricingTests {
    private let perHour = PriceRule(unit: .perHour, amount: eur(5))
    private let perDay = PriceRule(unit: .perDay, amount: eur(25))

    private func total(
        _ rule: PriceRule, _ period: Period, quantity: Int = 1, persons: Int = 1
    ) throws -> Money {
        try rule.price(quantity: quantity, persons: persons, over: period, calendar: berlin).total
    }

    private func count(_ unit: PriceUnit, _ start: String, _ end: String) -> Int {
        unit.count(over: period(start, end), persons: 1, calendar: berlin)
    }

    // MARK: Hours

    @Test func hoursAreRealElapsedTimeAcrossTheSpringSwitch() throws {
        // 01:00 to 04:00 on the wall, but 02:00 to 03:00 never happens.
        let rental = try Period(
            start: berlin.instant(date(2026, 3, 29), time(1)),
            end: berlin.instant(date(2026, 3, 29), time(4)))
        #expect(PriceUnit.perHour.count(over: rental, persons: 1, calendar: berlin) == 2)
        #expect(try total(perHour, rental) == eur(10))
    }

    @Test func hoursAreRealElapsedTimeAcrossTheAutumnSwitch() throws {
        // 01:30 CEST to 03:30 CET: the hour from 02:00 to 03:00 is lived twice.
        let rental = period("2026-10-25T01:30:00+02:00", "2026-10-25T03:30:00+01:00")
        #expect(PriceUnit.perHour.count(over: rental, persons: 1, calendar: berlin) == 3)
        #expect(try total(perHour, rental) == eur(15))
    }

    @Test func overnightHourRentalsOverBothSwitches() throws {
        let spring = period("2026-03-28T22:00:00+01:00", "2026-03-29T06:00:00+02:00")
        let autumn = period("2026-10-24T22:00:00+02:00", "2026-10-25T06:00:00+01:00")
        #expect(try total(perHour, spring) == eur(35))
        #expect(try total(perHour, autumn) == eur(45))
    }

    @Test func everyStartedHourCounts() {
        #expect(count(.perHour, "2026-05-01T10:00:00Z", "2026-05-01T11:00:00Z") == 1)
        #expect(count(.perHour, "2026-05-01T10:00:00Z", "2026-05-01T11:01:00Z") == 2)
        #expect(count(.perHour, "2026-05-01T10:00:00Z", "2026-05-01T10:00:01Z") == 1)
        #expect(count(.perHour, "2026-05-01T10:00:00Z", "2026-05-03T10:00:00Z") == 48)
    }

    @Test func floatingPointNoiseStartsNoHour() throws {
        let start = instant("2026-05-01T10:00:00Z")
        let noisy = try Period(start: start, end: start.addingTimeInterval(3600.000_001))
        #expect(PriceUnit.perHour.count(over: noisy, persons: 1, calendar: berlin) == 1)
    }

    // MARK: Days

    @Test func aDayRentalAcrossTheSpringSwitchLastingTwentyThreeHoursIsOneDay() throws {
        let rental = period("2026-03-28T10:00:00+01:00", "2026-03-29T10:00:00+02:00")
        #expect(rental.duration == 23 * 3600)
        #expect(PriceUnit.perDay.count(over: rental, persons: 1, calendar: berlin) == 1)
        #expect(try total(perDay, rental) == eur(25))
    }

    @Test func aDayRentalAcrossTheAutumnSwitchLastingTwentyFiveHoursIsOneDay() throws {
        let rental = period("2026-10-24T10:00:00+02:00", "2026-10-25T10:00:00+01:00")
        #expect(rental.duration == 25 * 3600)
        #expect(try total(perDay, rental) == eur(25))
    }

    @Test func multiDayRentalsOverBothSwitches() throws {
        let spring = period("2026-03-27T09:00:00+01:00", "2026-03-30T09:00:00+02:00")
        let autumn = period("2026-10-23T12:00:00+02:00", "2026-10-26T12:00:00+01:00")
        #expect(try total(perDay, spring, quantity: 2) == eur(150))
        #expect(try total(perDay, autumn) == eur(75))
    }

    @Test func daysCountLocalDatesAndTheReturnTime() {
        // Same date: one day, however short.
        #expect(count(.perDay, "2026-05-01T09:00:00+02:00", "2026-05-01T09:15:00+02:00") == 1)
        // Back a minute later than taken: a second day begins.
        #expect(count(.perDay, "2026-03-28T10:00:00+01:00", "2026-03-29T10:01:00+02:00") == 2)
        // 24 h 30 min, but back at an earlier wall time: still one day.
        #expect(count(.perDay, "2026-10-24T10:00:00+02:00", "2026-10-25T09:30:00+01:00") == 1)
        // Overnight to midnight: one day.
        #expect(count(.perDay, "2026-05-01T18:00:00+02:00", "2026-05-02T00:00:00+02:00") == 1)
        // After midnight in Berlin, still the evening before in UTC.
        #expect(count(.perDay, "2026-04-30T22:30:00Z", "2026-05-01T20:00:00+02:00") == 1)
    }

    // MARK: Nights

    @Test(arguments: [
        ("2017-11-14T15:00:00+01:00", "2017-11-22T10:00:00+01:00", 8),
        ("2017-02-28T15:00:00+01:00", "2017-03-02T10:00:00+01:00", 2),
        ("2016-02-28T15:00:00+01:00", "2016-03-01T10:00:00+01:00", 2),
        ("2017-10-30T15:00:00+01:00", "2017-11-02T10:00:00+01:00", 3),
        ("2017-12-30T15:00:00+01:00", "2018-01-02T10:00:00+01:00", 3),
        ("2017-12-31T23:00:00+01:00", "2018-01-01T10:00:00+01:00", 1),
        ("2026-03-28T15:00:00+01:00", "2026-03-30T10:00:00+02:00", 2),
        ("2026-10-24T15:00:00+02:00", "2026-10-26T10:00:00+01:00", 2),
        // 00:30 on the 15th in Berlin is still the 14th in UTC: one night, not two.
        ("2017-11-14T23:30:00Z", "2017-11-16T09:00:00+01:00", 1),
        // A stay within one date counts one night.
        ("2017-11-14T10:00:00+01:00", "2017-11-14T18:00:00+01:00", 1),
    ])
    func nightsCountLocalDates(arrival: String, departure: String, nights: Int) {
        #expect(count(.perNight, arrival, departure) == nights)
    }

    // MARK: Persons, bookings, minimum

    @Test func perPersonAndPerBookingMultiplyByQuantity() throws {
        let afternoon = period("2026-05-01T14:00:00+02:00", "2026-05-01T17:00:00+02:00")
        let tour = PriceRule(unit: .perPerson, amount: eur(12))
        #expect(try total(tour, afternoon, persons: 3) == eur(36))
        #expect(try total(tour, afternoon, quantity: 2, persons: 3) == eur(72))
        let trailer = PriceRule(unit: .perBooking, amount: eur(10))
        #expect(try total(trailer, afternoon, quantity: 3, persons: 4) == eur(30))
    }

    @Test func theMinimumAppliesPerUnitBooked() throws {
        let rule = PriceRule(unit: .perHour, amount: eur(3), minimum: eur(10))
        let short = period("2026-05-01T10:00:00Z", "2026-05-01T12:00:00Z")
        let long = period("2026-05-01T10:00:00Z", "2026-05-01T15:00:00Z")

        let shortPrice = try rule.price(quantity: 2, persons: 1, over: short, calendar: berlin)
        #expect(shortPrice.total == eur(20))
        #expect(shortPrice.countedUnits == 2)
        #expect(shortPrice.unitPrice == eur(3))
        #expect(shortPrice.minimumApplied)

        let longPrice = try rule.price(quantity: 2, persons: 1, over: long, calendar: berlin)
        #expect(longPrice.total == eur(30))
        #expect(!longPrice.minimumApplied)
    }

    // MARK: Bad input

    @Test func badLinesThrowTypedErrors() {
        let day = period("2026-05-01T10:00:00Z", "2026-05-01T12:00:00Z")
        #expect(throws: PricingError.nonPositiveQuantity) { try total(perDay, day, quantity: 0) }
        #expect(throws: PricingError.nonPositiveQuantity) { try total(perDay, day, quantity: -2) }
        #expect(throws: PricingError.nonPositivePersons) { try total(perDay, day, persons: 0) }
        let swiss = PriceRule(
            unit: .perDay, amount: eur(5),
            minimum: Money(cents: 900, currency: Currency(rawValue: "CHF")))
        #expect(throws: PricingError.mixedCurrencies) { try total(swiss, day) }
    }

    @Test func overflowingTotalsAreRefusedNotTrapped() {
        let month = period("2026-05-01T10:00:00Z", "2026-06-01T10:00:00Z")
        let dear = PriceRule(unit: .perHour, amount: Money(cents: .max / 100))
        #expect(throws: PricingError.amountTooLarge) { try total(dear, month) }
        let perBooking = PriceRule(unit: .perBooking, amount: Money(cents: .max / 2 + 1))
        #expect(throws: PricingError.amountTooLarge) { try total(perBooking, month, quantity: 2) }
        let crowd = PriceRule(unit: .perPerson, amount: eur(1_000_000))
        #expect(throws: PricingError.amountTooLarge) { try total(crowd, month, persons: .max) }
    }
}
