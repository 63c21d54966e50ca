import Foundation

/// The price of one line of an order, as `PriceRule.price` works it out.
public struct LinePrice: Hashable, Codable, Sendable {
    /// Hours, days, nights, persons or bookings counted for one unit booked.
    public var countedUnits: Int
    /// The rule's amount per counted unit.
    public var unitPrice: Money
    /// Whether the rule's minimum replaced `countedUnits × unitPrice`.
    public var minimumApplied: Bool
    /// What the line costs, gross: quantity × max(countedUnits × unitPrice, minimum).
    public var total: Money

    public init(countedUnits: Int, unitPrice: Money, minimumApplied: Bool, total: Money) {
        self.countedUnits = countedUnits
        self.unitPrice = unitPrice
        self.minimumApplied = minimumApplied
        self.total = total
    }
}

/// Why a line cannot be priced.
public enum PricingError: Error, Hashable, Sendable {
    case nonPositiveQuantity
    case nonPositivePersons
    /// The rule's minimum is in another currency than its amount.
    case mixedCurrencies
    /// The total does not fit in `Int64` cents.
    case amountTooLarge
}

extension PriceRule {
    /// The gross price of `quantity` units booked over `period` for `persons` persons each.
    /// This is the one price rule of BookingDesk: the server, the desk offline and the tests
    /// all price through it. See `PriceUnit.count` for what is counted.
    public func price(
        quantity: Int, persons: Int, over period: Period, calendar: AccountCalendar
    ) throws(PricingError) -> LinePrice {
        guard quantity > 0 else { throw .nonPositiveQuantity }
        guard persons > 0 else { throw .nonPositivePersons }
        guard minimum.map({ $0.currency == amount.currency }) ?? true else {
            throw .mixedCurrencies
        }

        let counted = unit.count(over: period, persons: persons, calendar: calendar)
        guard let counting = amount.multiplied(by: counted) else { throw .amountTooLarge }
        let perUnit = minimum.map { max(counting, $0) } ?? counting
        guard let total = perUnit.multiplied(by: quantity) else { throw .amountTooLarge }
        return LinePrice(
            countedUnits: counted, unitPrice: amount, minimumApplied: perUnit != counting,
            total: total)
    }
}

extension PriceUnit {
    /// How many of this unit one booked unit counts over `period`:
    ///
    /// - per hour: started hours of real elapsed time, so a rental over the spring switch
    ///   pays the hour that never was only if it was lived through;
    /// - per day: local calendar days: 1 within one date, otherwise the dates in between,
    ///   plus one if the return's wall time is later than the pickup's (10:00 to 10:00 the
    ///   next day is one day even when it lasts 23 hours);
    /// - per night: local dates from arrival to departure (a same-day stay counts one night,
    ///   so it never costs nothing);
    /// - per person: `persons`; per booking: 1.
    public func count(over period: Period, persons: Int, calendar: AccountCalendar) -> Int {
        switch self {
        case .perHour: return startedHours(period)
        case .perDay: return localDays(period, calendar)
        case .perNight: return max(1, localDates(period, calendar))
        case .perPerson: return persons
        case .perBooking: return 1
        }
    }
}

/// Hours begun. Durations are first rounded to whole seconds, so that floating-point noise
/// in an instant never starts an hour of its own.
private func startedHours(_ period: Period) -> Int {
    let seconds = Int(period.duration.rounded())
    return max(1, (seconds + 3599) / 3600)
}

private func localDays(_ period: Period, _ calendar: AccountCalendar) -> Int {
    let pickup = calendar.local(period.start)
    let giveBack = calendar.local(period.end)
    let between = pickup.date.distance(to: giveBack.date)
    guard between > 0 else { return 1 }
    return between + (giveBack.time > pickup.time ? 1 : 0)
}

private func localDates(_ period: Period, _ calendar: AccountCalendar) -> Int {
    calendar.date(of: period.start).distance(to: calendar.date(of: period.end))
}
