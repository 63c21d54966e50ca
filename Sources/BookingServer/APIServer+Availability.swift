import BookingAPI
import BookingCore
import BookingStore
import Foundation
import HTTPServer

extension APIServer {
    /// `GET /availability/month?month=YYYY-MM&offer=|branch=|category=`: free units per offer
    /// and day, each day being the branch's opening hours (the whole day where it is closed).
    func monthAvailability(_ request: APIRequest) throws -> HTTPResponse {
        let first = try month(request)
        let calendar = request.caller.calendar
        let days = LocalDate.days(ofMonth: first.month, year: first.year)
        guard let last = days.last else {
            throw APIFailure.invalidInput("month is empty", field: "month")
        }
        let whole = try Period(
            start: calendar.startOfDay(first), end: calendar.startOfDay(last.next))
        let offers = try matchingOffers(request)
        let branches = Dictionary(
            uniqueKeysWithValues: try store.branches(scope: request.scope).map { ($0.id, $0) })
        let booked = try store.bookedUnits(
            offers: offers.map(\.offer.id), over: whole, scope: request.scope, now: request.now)
        let rows = offers.map { entry in
            let branch = branches[entry.offer.branchID]
            let hours = days.map { day in branch.flatMap { calendar.openingHours(of: $0, on: day) }
            }
            let periods = zip(days, hours).map { day, open in open ?? calendar.day(day) }
            let free = Availability.over(
                periods, stock: entry.offer.stock, booked: booked[entry.offer.id] ?? [])
            return MonthAvailability.OfferDays(
                offerID: entry.offer.id, free: free.map(\.units), closed: hours.map { $0 == nil })
        }
        return try Self.json(MonthAvailability(month: first, days: days, offers: rows))
    }

    /// `GET /availability/interval?start=&end=&offer=|branch=|category=`.
    func intervalAvailability(_ request: APIRequest) throws -> HTTPResponse {
        let start = try request.queryInstant("start")
        let end = try request.queryInstant("end")
        let period: Period
        do {
            period = try Period(start: start, end: end)
        } catch {
            throw APIFailure.invalidInput("end must be after start", field: "end")
        }
        let offers = try matchingOffers(request)
        let booked = try store.bookedUnits(
            offers: offers.map(\.offer.id), over: period, scope: request.scope, now: request.now)
        let rows = offers.map { entry in
            let free = Availability(
                stock: entry.offer.stock, booked: booked[entry.offer.id] ?? [], over: period)
            return IntervalAvailability.OfferFree(offerID: entry.offer.id, free: free.units)
        }
        return try Self.json(
            IntervalAvailability(start: period.start, end: period.end, offers: rows))
    }

    private func month(_ request: APIRequest) throws -> LocalDate {
        guard let text = request.query("month"), let first = LocalDate(text + "-01") else {
            throw APIFailure.invalidInput("month must be YYYY-MM", field: "month")
        }
        return first
    }

    /// The offer named by `offer`, or all offers (options too) of `branch` and/or `category`.
    private func matchingOffers(_ request: APIRequest) throws -> [CatalogOffer] {
        if let id: OfferID = try request.queryID("offer") {
            guard let offer = try store.offer(id, scope: request.scope) else {
                throw APIFailure.notFound("offer")
            }
            return [offer]
        }
        let branch: BranchID? = try request.queryID("branch")
        let category: CategoryID? = try request.queryID("category")
        guard branch != nil || category != nil else {
            throw APIFailure.invalidInput("name an offer, a branch or a category", field: "offer")
        }
        return try store.offers(
            scope: request.scope, filter: OfferFilter(branchID: branch, categoryID: category))
    }
}

extension Availability {
    /// Free units, or nil for an unlimited option, as on the wire.
    var units: Int? {
        switch self {
        case .unlimited: return nil
        case .free(let units): return units
        }
    }
}
