import BookingCore

/// What Zeit proposes for the days chosen in Termin: the pick-up branch's opening hours to
/// the return branch's closing time. A pick-up today starts at the next quarter hour (in
/// the last quarter hour before closing: now); once the pick-up branch has closed today,
/// both days move on to its next opening day, keeping the length of the rental.
struct TimeProposal {
    var pickupDate: LocalDate
    var returnDate: LocalDate
    var start: LocalTime
    var end: LocalTime
    /// Whether the days moved on because the pick-up branch has closed for today.
    var movedFromToday: Bool

    /// Proposed times for today fall on whole quarter hours or on now, within the step of
    /// the walk-in rule: a pick-up proposed for today is always a walk-in
    /// (`OrderWizard.kind`).
    static let stepMinutes = 15

    /// With `mayMoveOn` false the days stay as chosen even after closing (with the opening
    /// hours proposed): staff who go back and choose today again are recording a rental
    /// that has already happened.
    init(
        pickup: Branch, returning: Branch, pickupDate: LocalDate, returnDate: LocalDate,
        now: LocalDateTime, mayMoveOn: Bool = true
    ) {
        self.pickupDate = pickupDate
        self.returnDate = returnDate
        start = pickup.opens
        end = returning.closes
        movedFromToday = false
        guard pickupDate == now.date else { return }

        if let next = Self.quarterHour(after: now.time), next < pickup.closes {
            start = max(next, pickup.opens)
        } else if now.time < pickup.closes {
            // The last quarter hour: the branch is still open, the pick-up is now.
            start = now.time
        } else if mayMoveOn, let days = Self.daysToNextOpening(of: pickup, after: pickupDate),
            let later = pickupDate.adding(days: days), let back = returnDate.adding(days: days)
        {
            self.pickupDate = later
            self.returnDate = back
            movedFromToday = true
        }
    }

    /// `time` rounded up to the quarter hour; nil when that is midnight of the next day.
    private static func quarterHour(after time: LocalTime) -> LocalTime? {
        let minutes = (time.minutesSinceMidnight + stepMinutes - 1) / stepMinutes * stepMinutes
        return LocalTime(hour: minutes / 60, minute: minutes % 60)
    }

    /// The days from `date` to the branch's next opening day within a week; nil when it
    /// opens on no day at all.
    private static func daysToNextOpening(of branch: Branch, after date: LocalDate) -> Int? {
        guard branch.opens < branch.closes else { return nil }
        return (1...7).first { days in
            date.adding(days: days).map { !branch.closedWeekdays.contains($0.isoWeekday) }
                ?? false
        }
    }
}
