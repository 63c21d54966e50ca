import BookingAPI
import BookingCore
import BookingStore
import Foundation
import HTTPServer

extension APIServer {
    /// `GET /availability/month?month=YYYY-MM&offer=|branch=|category=`: free units per offer
    /// and day, each day being the branch's opening hours (the whole day where it is closed).
    func monthAvailability(_ request: APIRequest) throws -> HTTPResponse {
        let view = try MonthView(request, month: try month(request))
        let cache = monthViews
        let inputs = try store.availabilityInputs(
            try offerFilter(request), over: view.whole, scope: request.scope, now: view.now
        ) { offer in
            cache.isCurrent(
                offer, account: view.account, month: view.first, zone: view.zone, now: view.now)
        }
        try checkFound(inputs, request)
        let rows = try inputs.offers.map { try monthRow($0, inputs: inputs, view: view) }
        let answer = MonthAvailability(month: view.first, days: view.days, offers: rows)
        return HTTPResponse(
            status: 200, headers: ["Content-Type": APIJSON.contentType], body: answer.encodedJSON())
    }

    /// One offer's month: from the cache when the store showed it current, otherwise counted
    /// with BookingCore's availability rule and cached.
    private func monthRow(_ entry: CatalogOffer, inputs: AvailabilityInputs, view: MonthView)
        throws -> MonthAvailability.OfferDays
    {
        let id = entry.offer.id
        let branch = inputs.branches[entry.offer.branchID]
        if inputs.booked[id] == nil,
            let row = monthViews.row(
                entry, branch: branch, account: view.account, month: view.first,
                zone: view.zone, now: view.now)
        {
            return row
        }
        var booked = inputs.booked[id]
        if booked == nil {
            // Skipped as cached, but the cached row was of an older branch: read them now.
            let read = try store.bookedUnits(
                offers: [id], over: view.whole, scope: view.scope, now: view.now)
            booked = read[id]
        }
        let days = branch.map {
            openingHours.month(view.first, branch: $0, calendar: view.calendar)
        }
        let free = Availability.over(
            days?.map(\.period) ?? [], stock: entry.offer.stock, booked: booked ?? [])
        let row = MonthAvailability.OfferDays(
            offerID: id, free: free.map(\.units), closed: days?.map(\.closed) ?? [])
        monthViews.store(
            row, offer: entry, branch: branch, account: view.account, month: view.first,
            zone: view.zone, validUntil: inputs.holdsExpire[id] ?? .distantFuture)
        return row
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

/// The fixed parts of one month-view request.
private struct MonthView {
    let first: LocalDate
    let days: [LocalDate]
    /// From the start of the first day to the start of the next month, in the zone.
    let whole: Period
    let calendar: AccountCalendar
    let zone: String
    let account: AccountID
    let scope: Scope
    let now: Date

    init(_ request: APIRequest, month first: LocalDate) throws {
        self.first = first
        calendar = request.caller.calendar
        days = LocalDate.days(ofMonth: first.month, year: first.year)
        guard let last = days.last else {
            throw APIFailure.invalidInput("month is empty", field: "month")
        }
        whole = try Period(start: calendar.startOfDay(first), end: calendar.startOfDay(last.next))
        zone = calendar.identifier
        account = request.scope.accountID
        scope = request.scope
        now = request.now
    }
}
