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
        let inputs = try store.availabilityInputs(
            try offerFilter(request), over: whole, scope: request.scope, now: request.now)
        try checkFound(inputs, request)
        var daysByBranch: [BranchID: [OpeningHoursCache.Day]] = [:]
        for (id, branch) in inputs.branches {
            daysByBranch[id] = openingHours.month(first, branch: branch, calendar: calendar)
        }
        let rows = inputs.offers.map { entry in
            let month = daysByBranch[entry.offer.branchID] ?? []
            let free = Availability.over(
                month.map(\.period), stock: entry.offer.stock,
                booked: inputs.booked[entry.offer.id] ?? [])
            return MonthAvailability.OfferDays(
                offerID: entry.offer.id, free: free.map(\.units), closed: month.map(\.closed))
        }
        let answer = MonthAvailability(month: first, days: days, offers: rows)
        return HTTPResponse(
            status: 200, headers: ["Content-Type": APIJSON.contentType], body: answer.encodedJSON())
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
        let inputs = try store.availabilityInputs(
            try offerFilter(request), over: period, scope: request.scope, now: request.now)
        try checkFound(inputs, request)
        let rows = inputs.offers.map { entry in
            let free = Availability(
                stock: entry.offer.stock, booked: inputs.booked[entry.offer.id] ?? [], over: period)
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
    private func offerFilter(_ request: APIRequest) throws -> OfferFilter {
        let filter = OfferFilter(
            offerID: try request.queryID("offer"), branchID: try request.queryID("branch"),
            categoryID: try request.queryID("category"))
        guard filter.offerID != nil || filter.branchID != nil || filter.categoryID != nil else {
            throw APIFailure.invalidInput("name an offer, a branch or a category", field: "offer")
        }
        return filter
    }

    /// A named offer that is not visible answers 404, like a missing one.
    private func checkFound(_ inputs: AvailabilityInputs, _ request: APIRequest) throws {
        if request.query("offer") != nil && inputs.offers.isEmpty {
            throw APIFailure.notFound("offer")
        }
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
