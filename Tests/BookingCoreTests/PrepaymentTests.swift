import BookingCore
import Testing

@Suite struct PrepaymentTests {
    @Test(arguments: [
        // total cents, percent, prepayment cents, worked out by hand
        (12_000, 50, 6000),
        (1, 50, 1),  // 0,5 cent rounds up
        (3, 50, 2),  // 1,5 cents round up
        (9999, 30, 3000),  // 2999,7
        (1000, 33, 330),
        (1001, 33, 330),  // 330,33
        (12_345, 0, 0),
        (12_345, 100, 12_345),
        (-3, 50, -2),  // a refund mirrors the sale
    ])
    func theAmountIsRoundedHalfUp(total: Int64, percent: Int, amount: Int64) {
        let policy = PrepaymentPolicy(percent: percent, dueAfterDays: 5)
        let prepayment = policy.prepayment(on: Money(cents: total), bookedOn: date(2017, 10, 2))
        #expect(prepayment?.amount == Money(cents: amount))
        #expect(prepayment?.percent == percent)
    }

    @Test func theDueDateWalksLocalDatesOverMonthAndYearEnds() {
        let policy = PrepaymentPolicy(percent: 50, dueAfterDays: 5)
        #expect(
            policy.prepayment(on: eur(1), bookedOn: date(2017, 12, 29))?.dueDate == date(2018, 1, 3)
        )
        #expect(
            policy.prepayment(on: eur(1), bookedOn: date(2016, 2, 26))?.dueDate == date(2016, 3, 2))
        #expect(
            PrepaymentPolicy.none.prepayment(on: eur(1), bookedOn: date(2016, 2, 26))?.dueDate
                == date(2016, 2, 26))
    }

    @Test func isDueByThePickUpDayAtTheLatest() {
        let policy = PrepaymentPolicy(percent: 50, dueAfterDays: 5)
        let booked = date(2026, 12, 3)
        #expect(
            policy.prepayment(on: eur(10), bookedOn: booked, pickup: date(2026, 12, 5))?.dueDate
                == date(2026, 12, 5))
        #expect(
            policy.prepayment(on: eur(10), bookedOn: booked, pickup: date(2027, 1, 10))?.dueDate
                == date(2026, 12, 8))
        // Booked offline after the rental began: due on the booking day, not before it.
        #expect(
            policy.prepayment(on: eur(10), bookedOn: booked, pickup: date(2026, 12, 2))?.dueDate
                == booked)
    }

    @Test(arguments: [(-1, 5), (101, 5), (50, -1), (50, 3651), (Int.min, Int.max)])
    func policiesOutOfRangeGiveNoPrepayment(percent: Int, days: Int) {
        let policy = PrepaymentPolicy(percent: percent, dueAfterDays: days)
        #expect(!policy.isValid)
        #expect(policy.prepayment(on: eur(100), bookedOn: date(2017, 10, 2)) == nil)
    }

    @Test func aDueDateBeyondTheCalendarGivesNoPrepayment() {
        let policy = PrepaymentPolicy(percent: 50, dueAfterDays: 10)
        #expect(policy.prepayment(on: eur(100), bookedOn: date(9999, 12, 25)) == nil)
    }
}
