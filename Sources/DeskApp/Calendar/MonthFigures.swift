import BookingAPI
import BookingCore
import Foundation
import TerminalUI

/// One day of the calendar: free units of the selection, its stock and whether the branch
/// is closed. Nil free or stock means unlimited.
struct DayFigure: Equatable {
    var free: Int?
    var stock: Int?
    var closed: Bool

    var level: AvailabilityLevel { AvailabilityLevel(free: free, stock: stock, closed: closed) }
}

/// A month of availability as the server sent it, added up per day once when it arrives, so
/// drawing a frame never walks the offers again however many there are.
struct MonthFigures {
    let days: [LocalDate]
    /// Per day, the sum over the offers of the selection.
    let totals: [DayFigure]
    /// Per offer, its free units per day, in the order the server sent them.
    let offers: [(offer: Offer, free: [Int?])]
    /// Per day, its colour and note in the calendar, worded once.
    let looks: [MonthCalendar.DayLook]

    init(_ month: MonthAvailability, session: DeskSession, text: MessageCatalog) {
        self.days = month.days
        let byID = Dictionary(
            (session.offers + session.options).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let known = month.offers.compactMap { row in byID[row.offerID].map { ($0, row) } }
        offers = known.map { ($0.0, $0.1.free) }
        let totals = month.days.indices.map { day in Self.total(of: known, day: day) }
        self.totals = totals
        looks = totals.map { CalendarScreen.look(of: $0, text: text) }
    }

    /// The index of `date` in the month; nil outside it.
    func index(of date: LocalDate) -> Int? {
        guard let first = days.first else { return nil }
        let index = first.distance(to: date)
        return days.indices.contains(index) ? index : nil
    }

    /// The figure of `date`; nil outside the month.
    func figure(on date: LocalDate) -> DayFigure? {
        index(of: date).map { totals[$0] }
    }

    private static func total(
        of rows: [(Offer, MonthAvailability.OfferDays)], day: Int
    ) -> DayFigure {
        var free: Int? = 0
        var stock: Int? = 0
        var closed = !rows.isEmpty
        for (offer, row) in rows {
            let units = day < row.free.count ? row.free[day] : nil
            if let units, let sum = free { free = sum + max(0, units) } else { free = nil }
            if let units = offer.stock, let sum = stock { stock = sum + units } else { stock = nil }
            if day >= row.closed.count || !row.closed[day] { closed = false }
        }
        return DayFigure(free: free, stock: stock, closed: closed)
    }
}
