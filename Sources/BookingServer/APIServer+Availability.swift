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
        let account = request.scope.accountID
        let zone = calendar.identifier
        let now = request.now
        let cache = monthViews
        let inputs = try store.availabilityInputs(
            try offerFilter(request), over: whole, scope: request.scope, now: now
        ) { offer in
            cache.isCurrent(offer, account: account, month: first, zone: zone, now: now)
        }
        try checkFound(inputs, request)
        var rows: [MonthAvailability.OfferDays] = []
        var missing: [CatalogOffer] = []
        for entry in inputs.offers {
            let branch = inputs.branches[entry.offer.branchID]
            if inputs.booked[entry.offer.id] == nil,
                let row = cache.row(
                    entry, branch: branch, account: account, month: first, zone: zone, now: now)
            {
                rows.append(row)
            } else {
                missing.append(entry)
                rows.append(
                    MonthAvailability.OfferDays(offerID: entry.offer.id, free: [], closed: []))
            }
        }
        // A cached row whose branch changed since: read its bookings after all.
        let late = missing.filter { inputs.booked[$0.offer.id] == nil }
        let reread =
            late.isEmpty
            ? [:]
            : try store.bookedUnits(
                offers: late.map(\.offer.id), over: whole, scope: request.scope, now: now)
        for entry in missing {
            let branch = inputs.branches[entry.offer.branchID]
            let month =
                branch.map { openingHours.month(first, branch: $0, calendar: calendar) }
                ?? []
            let free = Availability.over(
                month.map(\.period), stock: entry.offer.stock,
                booked: inputs.booked[entry.offer.id] ?? reread[entry.offer.id] ?? [])
            let row = MonthAvailability.OfferDays(
                offerID: entry.offer.id, free: free.map(\.units), closed: month.map(\.closed))
            if let index = rows.firstIndex(where: { $0.offerID == entry.offer.id }) {
                rows[index] = row
            }
            cache.store(
                row, offer: entry, branch: branch, account: account, month: first, zone: zone,
                validUntil: inputs.holdsExpire[entry.offer.id] ?? .distantFuture)
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
