/// The account's rule for prepayments (Anzahlung): a percentage of the order's total, due a
/// number of days after the booking, but never after the pick-up day: a prepayment that
/// falls due once the rental has begun would be no prepayment at all.
public struct PrepaymentPolicy: Hashable, Codable, Sendable {
    /// Share of the total, 0...100.
    public var percent: Int
    /// Days after the local booking date on which the prepayment is due, 0...3650.
    public var dueAfterDays: Int

    public init(percent: Int, dueAfterDays: Int) {
        self.percent = percent
        self.dueAfterDays = dueAfterDays
    }

    /// No prepayment: the whole amount is paid at pickup.
    public static let none = PrepaymentPolicy(percent: 0, dueAfterDays: 0)

    /// Whether the percentage is 0...100 and the days 0...3650 (ten years).
    public var isValid: Bool {
        (0...100).contains(percent) && (0...3650).contains(dueAfterDays)
    }

    /// The prepayment on `total` for an order booked on the local date `bookedOn`; nil when
    /// the policy is not valid or the due date would pass 9999-12-31.
    ///
    /// - Parameter pickup: the local pick-up day; the prepayment is due by then at the
    ///   latest (and never before the booking day, for an order booked after its start).
    public func prepayment(on total: Money, bookedOn: LocalDate, pickup: LocalDate? = nil)
        -> Prepayment?
    {
        guard isValid, let due = bookedOn.adding(days: dueAfterDays) else { return nil }
        let amount = total.scaled(by: Int64(percent), over: 100)
        let latest = pickup.map { max($0, bookedOn) } ?? due
        return Prepayment(percent: percent, amount: amount, dueDate: min(due, latest))
    }
}

/// What the customer pays in advance, and by when.
public struct Prepayment: Hashable, Codable, Sendable {
    public var percent: Int
    /// The share of the total, rounded half up to the cent.
    public var amount: Money
    /// The local date by which it is due.
    public var dueDate: LocalDate

    public init(percent: Int, amount: Money, dueDate: LocalDate) {
        self.percent = percent
        self.amount = amount
        self.dueDate = dueDate
    }
}
