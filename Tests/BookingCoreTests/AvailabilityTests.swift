import BookingCore
import Foundation
import Testing

@Suite struct AvailabilityTests {
    /// Units booked from one hour to another on 1 May 2026 (UTC).
    private func booked(_ from: Int, _ to: Int, _ quantity: Int = 1) -> BookedUnits {
        BookedUnits(period: may1(from, to), quantity: quantity)
    }

    private func may1(_ from: Int, _ to: Int) -> Period {
        let start = instant("2026-05-01T00:00:00Z")
        return try! Period(
            start: start.addingTimeInterval(Double(from) * 3600),
            end: start.addingTimeInterval(Double(to) * 3600))
    }

    @Test func freeUnitsAreStockMinusThePeakNotTheSum() {
        // A 10-14, B 12-16, C 13-15: all three meet only between 13 and 14.
        let bookings = [booked(10, 14), booked(12, 16), booked(13, 15)]
        #expect(Availability(stock: 3, booked: bookings, over: may1(10, 16)) == .free(0))
        #expect(Availability(stock: 3, booked: bookings, over: may1(10, 12)) == .free(2))
        #expect(Availability(stock: 3, booked: bookings, over: may1(14, 16)) == .free(1))
        #expect(Availability(stock: 3, booked: bookings, over: may1(15, 16)) == .free(2))
        #expect(Availability(stock: 3, booked: bookings, over: may1(16, 20)) == .free(3))
        #expect(Availability(stock: 3, booked: bookings, over: may1(0, 10)) == .free(3))
    }

    @Test func touchingBookingsDoNotAddUp() {
        let bookings = [booked(8, 12), booked(12, 16)]
        #expect(Availability(stock: 1, booked: bookings, over: may1(8, 16)) == .free(0))
        #expect(Availability(stock: 1, booked: [booked(8, 12)], over: may1(12, 18)) == .free(1))
        #expect(Availability(stock: 1, booked: [booked(8, 12)], over: may1(4, 8)) == .free(1))
        #expect(Availability(stock: 1, booked: [booked(8, 12)], over: may1(11, 13)) == .free(0))
    }

    @Test func aBookingAroundTheWholePeriodCounts() {
        #expect(Availability(stock: 5, booked: [booked(0, 24, 3)], over: may1(10, 11)) == .free(2))
    }

    @Test func bookingsStartingTogetherAddUp() {
        let bookings = [booked(9, 10, 2), booked(9, 12, 1), booked(11, 12, 1)]
        #expect(Availability(stock: 4, booked: bookings, over: may1(8, 13)) == .free(1))
        #expect(Availability(stock: 4, booked: bookings, over: may1(10, 13)) == .free(2))
    }

    @Test func cancelledOrdersAreLeftOutByTheCaller() {
        let orders: [(OrderStatus, BookedUnits)] = [
            (.reserved, booked(8, 12)), (.cancelled, booked(8, 12)), (.pickedUp, booked(9, 10)),
            (.returned, booked(6, 8)),
        ]
        let holding = orders.filter { $0.0.holdsUnits }.map(\.1)
        #expect(Availability(stock: 3, booked: holding, over: may1(8, 12)) == .free(1))
    }

    @Test func unlimitedStockIsAlwaysAvailable() {
        let lots = Array(repeating: booked(0, 24, 1000), count: 50)
        let availability = Availability(stock: nil, booked: lots, over: may1(0, 24))
        #expect(availability == .unlimited)
        #expect(availability.allows(1_000_000))
        #expect(Availability.over([may1(0, 1)], stock: nil, booked: lots) == [.unlimited])
    }

    @Test func overbookingShowsAShortage() {
        let forced = [booked(8, 12), booked(9, 11), booked(10, 11)]
        let availability = Availability(stock: 1, booked: forced, over: may1(8, 12))
        #expect(availability == .free(-2))
        #expect(!availability.allows(1))
        #expect(Availability.free(2).allows(2))
        #expect(!Availability.free(2).allows(3))
    }

    @Test func zeroAndNegativeQuantitiesTakeNothing() {
        let odd = [booked(8, 12, 0), booked(8, 12, -3), booked(8, 12, 1)]
        #expect(Availability(stock: 2, booked: odd, over: may1(8, 12)) == .free(1))
    }

    @Test func hugeQuantitiesDoNotOverflow() {
        let huge = [booked(8, 12, .max), booked(8, 12, .max), booked(9, 10, .max)]
        guard case .free(let units) = Availability(stock: 1, booked: huge, over: may1(8, 12))
        else { return #expect(Bool(false)) }
        #expect(units < 0)
        #expect(Availability(stock: .min, booked: huge, over: may1(8, 12)) == .free(.min))
    }

    @Test func severalPeriodsAtOnceGiveEachItsOwnPeak() {
        let bookings = [booked(10, 14), booked(12, 16), booked(13, 15)]
        let periods = [may1(15, 16), may1(0, 24), may1(10, 12), may1(16, 17), may1(13, 14)]
        let free = Availability.over(periods, stock: 3, booked: bookings)
        #expect(free == [.free(2), .free(0), .free(2), .free(3), .free(0)])
        #expect(Availability.over([], stock: 3, booked: bookings) == [])
    }

    @Test func daysFollowTheLocalCalendarAcrossTheSpringSwitch() {
        // 29 March 2026 ends at 00:00 CEST on the 30th, 23 hours after it began.
        let lateNight = BookedUnits(
            period: period("2026-03-30T00:00:00+02:00", "2026-03-30T01:00:00+02:00"), quantity: 1)
        let overMidnight = BookedUnits(
            period: period("2026-03-29T23:30:00+02:00", "2026-03-30T00:30:00+02:00"), quantity: 2)
        let days = [date(2026, 3, 28), date(2026, 3, 29), date(2026, 3, 30)]

        let free = Availability.perDay(
            days, stock: 3, booked: [lateNight, overMidnight], calendar: berlin)
        #expect(free == [.free(3), .free(1), .free(0)])
    }

    @Test func daysFollowTheLocalCalendarAcrossTheAutumnSwitch() {
        // 25 October 2026 lasts 25 hours: a booking at 23:30 CET still belongs to it.
        let lateEvening = BookedUnits(
            period: period("2026-10-25T23:30:00+01:00", "2026-10-26T00:00:00+01:00"), quantity: 1)
        let days = [date(2026, 10, 25), date(2026, 10, 26)]
        let free = Availability.perDay(days, stock: 1, booked: [lateEvening], calendar: berlin)
        #expect(free == [.free(0), .free(1)])
    }

    @Test func openingDaysCountOnlyWhileTheBranchIsOpen() {
        let nord = Branch(
            id: Demo.nord, name: "Filiale Nord", opens: time(8), closes: time(18),
            closedWeekdays: [7])
        // From closing on Saturday to just before opening on Monday: outside opening hours.
        let overTheWeekend = BookedUnits(
            period: period("2026-03-28T18:00:00+01:00", "2026-03-30T07:59:00+02:00"), quantity: 1)
        let mondayEvening = BookedUnits(
            period: period("2026-03-30T17:00:00+02:00", "2026-03-30T19:00:00+02:00"), quantity: 2)
        let days = [date(2026, 3, 28), date(2026, 3, 29), date(2026, 3, 30)]

        let free = Availability.perOpeningDay(
            days, of: nord, stock: 3, booked: [overTheWeekend, mondayEvening], calendar: berlin)
        #expect(free == [.free(3), nil, .free(1)])
        let unlimited = Availability.perOpeningDay(
            days, of: nord, stock: nil, booked: [mondayEvening], calendar: berlin)
        #expect(unlimited == [.unlimited, nil, .unlimited])
    }

    @Test(arguments: [(2026, 3), (2026, 10), (2017, 12)])
    func perDayAgreesWithTheIntervalRuleOnEveryDay(year: Int, month: Int) {
        var random = SplitMix64(seed: UInt64(year * 100 + month))
        let days = LocalDate.days(ofMonth: month, year: year)
        let monthStart = berlin.startOfDay(days[0])
        let bookings = (0..<400).map { _ in randomBooking(from: monthStart, using: &random) }

        let perDay = Availability.perDay(days, stock: 12, booked: bookings, calendar: berlin)

        for (day, free) in zip(days, perDay) {
            let whole = berlin.day(day)
            #expect(free == Availability(stock: 12, booked: bookings, over: whole), "\(day)")
            #expect(free == .free(12 - bruteForcePeak(bookings, over: whole)), "\(day)")
        }
    }

    /// A booking of 1 to 3 units that starts within 33 days of `start` and lasts up to 3 days,
    /// on a 15-minute grid so that many bookings touch or start together.
    private func randomBooking(from start: Date, using random: inout SplitMix64) -> BookedUnits {
        let quarter = 900.0
        let begin = start.addingTimeInterval(Double(random.next() % (33 * 96)) * quarter)
        let length = Double(1 + random.next() % (3 * 96)) * quarter
        let period = try! Period(start: begin, end: begin.addingTimeInterval(length))
        return BookedUnits(period: period, quantity: Int(1 + random.next() % 3))
    }

    /// The peak written the slow, obvious way: the count can only rise at the start of the
    /// period or where a booking starts, so look at each of those instants.
    private func bruteForcePeak(_ bookings: [BookedUnits], over period: Period) -> Int {
        let candidates = [period.start] + bookings.map(\.period.start).filter(period.contains)
        return candidates.map { moment in
            bookings.filter { $0.period.contains(moment) }.map(\.quantity).reduce(0, +)
        }.max() ?? 0
    }
}

/// A small seeded generator, so that a failing random case can be replayed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
