import BookingAPI
import BookingCore
import DeskClient
import Foundation
import OfflineCache

/// Answers to the screens' calls from the cache, for when the server cannot be reached: the
/// same shapes the server sends, so the calendar, the wizard and the orders list need not
/// know where their figures came from. Availability is the cached figure less this desk's
/// unsent orders, through BookingCore's one availability function.
struct CacheAnswers {
    let store: OfflineStore
    let session: DeskSession
    let now: Date
    /// The client id of an outbox order being replaced, whose units are free for its
    /// replacement.
    var excluding: String?

    /// The answer to `call`, or nil when the cache cannot give one.
    func answer(_ call: BookingCall) -> Result<BookingReply, DeskClientError>? {
        switch call {
        case .monthAvailability(let first, let filter):
            return month(first, filter).map { .success(.monthAvailability($0)) }
        case .intervalAvailability(let start, let end, let filter):
            return interval(start, end, filter).map { .success(.intervalAvailability($0)) }
        case .quote(let draft):
            return quote(draft)
        case .createHold:
            // Nothing to hold offline; the wizard goes on without a hold.
            return .failure(.offline("no holds without the server"))
        case .releaseHold, .logOut:
            // A hold expires by itself; a session the server cannot end expires too.
            return .success(.done)
        case .orders(let search):
            return orders(search).map { .success(.orders($0)) }
        case .order(let id):
            return (try? store.cache.order(id)).flatMap { $0 }.map { .success(.order($0)) }
        default:
            return nil
        }
    }

    /// The offers a filter selects, as the server would: options included.
    private func offers(_ filter: AvailabilityFilter) -> [Offer] {
        (session.offers + session.options).filter { offer in
            (filter.branch.map { $0 == offer.branchID } ?? true)
                && (filter.category.map { $0 == offer.categoryID } ?? true)
                && (filter.offer.map { $0 == offer.id } ?? true)
        }
    }

    /// A month of the cached figures; nil unless every offer the cache has figures for is
    /// covered on every day (a month half known would show the rest as sold out).
    private func month(_ first: LocalDate, _ filter: AvailabilityFilter) -> MonthAvailability? {
        let days = LocalDate.days(ofMonth: first.month, year: first.year)
        let ids = offers(filter).map(\.id)
        guard let cached = try? store.monthAvailability(of: ids, days: days, excluding: excluding)
        else { return nil }
        var rows: [MonthAvailability.OfferDays] = []
        for row in cached.offers {
            let known = row.days.compactMap { $0 }
            if known.isEmpty { continue }
            guard known.count == days.count else { return nil }
            rows.append(
                .init(
                    offerID: row.offerID, free: known.map(\.availability.freeUnits),
                    closed: known.map(\.closed)))
        }
        guard !rows.isEmpty || ids.isEmpty else { return nil }
        return MonthAvailability(month: first.firstOfMonth, days: days, offers: rows)
    }

    private func interval(_ start: Date, _ end: Date, _ filter: AvailabilityFilter)
        -> IntervalAvailability?
    {
        guard let period = try? Period(start: start, end: end),
            let cached = try? store.availability(
                of: offers(filter).map(\.id), over: period, excluding: excluding)
        else { return nil }
        let rows = cached.keys.sorted().map { id in
            IntervalAvailability.OfferFree(offerID: id, free: cached[id]?.availability.freeUnits)
        }
        return IntervalAvailability(start: start, end: end, offers: rows)
    }

    /// BookingCore's one price function over the cached catalogue, as the server prices.
    private func quote(_ draft: OrderDraft) -> Result<BookingReply, DeskClientError> {
        do {
            let quote = try Quote(
                draft: draft, catalog: session.priceCatalog, prepayment: session.prepayment,
                calendar: session.calendar, bookedAt: now)
            let kinds = Dictionary(
                (session.offers + session.options).compactMap { offer in
                    session.category(offer.categoryID).map { (offer.id, $0.kind) }
                }, uniquingKeysWith: { first, _ in first })
            return .success(.quote(PricedOrder(quote, kinds: kinds)))
        } catch {
            return .failure(.invalidInput(.invalidInput, error.code, field: nil))
        }
    }

    /// The cached orders a search finds: those picked up or returned on its day at its
    /// branch, or those whose number or customer matches its text; newest first.
    private func orders(_ search: OrderSearch) -> OrderList? {
        let calendar = session.calendar
        let day = search.date.map(calendar.day)
        guard let cached = try? store.cache.orders(branch: search.branch, overlapping: day)
        else { return nil }
        var found = cached.filter { search.status == nil || $0.status == search.status }
        if let needle = search.text?.lowercased(), !needle.isEmpty {
            found = found.filter { order in
                let customer = [order.customer.firstName ?? "", order.customer.lastName]
                return ([order.number, order.customer.email] + customer).contains {
                    $0.lowercased().contains(needle)
                }
            }
        }
        return OrderList(orders: found.sorted { $0.id > $1.id }, nextCursor: nil)
    }
}

extension Availability {
    /// Free units as the wire writes them: nil for unlimited.
    var freeUnits: Int? {
        if case .free(let units) = self { return units }
        return nil
    }
}
