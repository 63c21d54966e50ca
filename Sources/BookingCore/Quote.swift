import Foundation

/// A priced order: its lines, VAT per rate, total and prepayment. Built only from an
/// `OrderDraft` by `Quote(draft:...)`, which is deterministic, so the server can recompute
/// what the desk sends and reject any difference with `==`.
public struct Quote: Hashable, Codable, Sendable {
    public var period: Period
    public var persons: Int
    /// The offers in the draft's order, then the options in theirs.
    public var lines: [QuoteLine]
    /// VAT per rate, ascending by rate; each is the sum of its lines' rounded VAT.
    public var vatTotals: [VATTotal]
    /// The gross total of all lines.
    public var total: Money
    public var prepayment: Prepayment
    /// How the lines' VAT was rounded; stored on the order.
    public var rounding: VATRounding
}

/// One priced line of a quote.
public struct QuoteLine: Hashable, Codable, Sendable {
    public var offerID: OfferID
    /// The offer's name when it was priced, for the receipt.
    public var name: String
    public var isOption: Bool
    public var quantity: Int
    public var persons: Int
    public var priceUnit: PriceUnit
    /// Hours, days, nights, persons or bookings counted per unit booked.
    public var countedUnits: Int
    /// The price per counted unit.
    public var unitPrice: Money
    /// Whether the offer's minimum price replaced `countedUnits × unitPrice`.
    public var minimumApplied: Bool
    /// The gross total of the line.
    public var total: Money
    public var vatRate: VATRate
    /// The VAT contained in `total`, rounded per line.
    public var vat: Money
}

/// The lines of one VAT rate added up, for the receipt.
public struct VATTotal: Hashable, Codable, Sendable {
    public var rate: VATRate
    public var gross: Money
    public var vat: Money

    /// The amount without VAT.
    public var net: Money { gross - vat }
}

extension Quote {
    /// Prices `draft` against `catalog`: the one way to a total in BookingDesk.
    ///
    /// - Parameters:
    ///   - prepayment: the account's prepayment rule.
    ///   - calendar: the account's zone, for counting days and nights and the due date.
    ///   - bookedAt: when the order is (or was, for an order taken offline) booked.
    ///   - rounding: the VAT rule; the one stored on the order when recomputing it.
    /// - Throws: `QuoteError` for every kind of bad input; availability is not checked here.
    public init(
        draft: OrderDraft, catalog: Catalog, prepayment: PrepaymentPolicy,
        calendar: AccountCalendar, bookedAt: Date, rounding: VATRounding = .halfUpPerLine
    ) throws(QuoteError) {
        guard prepayment.isValid else { throw .invalidPrepaymentPolicy }
        guard Period.supports(bookedAt) else { throw .outOfRange }
        let pricing = try LinePricing(
            draft: draft, catalog: catalog, calendar: calendar, rounding: rounding)
        let lines = try pricing.lines()

        let total = try sum(lines.map(\.total))
        let bookedOn = calendar.date(of: bookedAt)
        let pickup = calendar.date(of: pricing.period.start)
        guard let due = prepayment.prepayment(on: total, bookedOn: bookedOn, pickup: pickup)
        else {
            throw .invalidPrepaymentPolicy
        }
        self.init(
            period: pricing.period, persons: draft.persons, lines: lines,
            vatTotals: try totalsPerRate(lines), total: total, prepayment: due,
            rounding: rounding)
    }
}

/// The checks and prices of a draft's lines, one item at a time.
private struct LinePricing {
    let draft: OrderDraft
    let catalog: Catalog
    let calendar: AccountCalendar
    let rounding: VATRounding
    let period: Period

    init(draft: OrderDraft, catalog: Catalog, calendar: AccountCalendar, rounding: VATRounding)
        throws(QuoteError)
    {
        do {
            period = try Period(start: draft.start, end: draft.end)
        } catch .endNotAfterStart {
            throw .endNotAfterStart
        } catch {
            throw .outOfRange
        }
        guard !draft.offers.isEmpty else { throw .emptyOrder }
        guard draft.persons > 0 else { throw .nonPositivePersons }
        guard draft.persons <= OrderDraft.maximumPersons else {
            throw .personsAboveLimit(maximum: OrderDraft.maximumPersons)
        }
        let longest = TimeInterval(OrderDraft.maximumDays) * 86_400
        guard period.end.timeIntervalSince(period.start) <= longest else {
            throw .periodTooLong(maximumDays: OrderDraft.maximumDays)
        }
        self.draft = draft
        self.catalog = catalog
        self.calendar = calendar
        self.rounding = rounding
    }

    func lines() throws(QuoteError) -> [QuoteLine] {
        var seen: Set<OfferID> = []
        var lines: [QuoteLine] = []
        let items = draft.offers.map { ($0, false) } + draft.options.map { ($0, true) }
        for (item, asOption) in items {
            guard seen.insert(item.offerID).inserted else { throw .duplicateItem(item.offerID) }
            lines.append(try line(item, asOption: asOption))
        }
        guard Set(lines.map(\.total.currency)).count == 1 else { throw .mixedCurrencies }
        return lines
    }

    private func line(_ item: OrderItem, asOption: Bool) throws(QuoteError) -> QuoteLine {
        let offer = try checkedOffer(item, asOption: asOption)
        let price: LinePrice
        do {
            price = try offer.price.price(
                quantity: item.quantity, persons: draft.persons, over: period, calendar: calendar)
        } catch .mixedCurrencies {
            throw .mixedCurrencies
        } catch {
            throw .amountTooLarge
        }
        return QuoteLine(
            offerID: offer.id, name: offer.name, isOption: asOption, quantity: item.quantity,
            persons: draft.persons, priceUnit: offer.price.unit, countedUnits: price.countedUnits,
            unitPrice: price.unitPrice, minimumApplied: price.minimumApplied, total: price.total,
            vatRate: offer.vatRate, vat: rounding.vat(in: price.total, at: offer.vatRate))
    }

    /// The offer of `item`, after every check that does not need its price.
    private func checkedOffer(_ item: OrderItem, asOption: Bool) throws(QuoteError) -> Offer {
        let id = item.offerID
        guard let offer = catalog.offer(id) else { throw .unknownOffer(id) }
        guard catalog.isOption(offer) == asOption else {
            throw asOption ? .notAnOption(id) : .optionAmongOffers(id)
        }
        guard offer.branchID == draft.branchID else { throw .otherBranch(id) }
        let returnBranch = draft.returnBranchID ?? draft.branchID
        guard returnBranch == draft.branchID || offer.returnElsewhere else {
            throw .returnElsewhereNotAllowed(id)
        }
        guard item.quantity > 0 else { throw .nonPositiveQuantity(id) }
        guard item.quantity <= OrderItem.maximumQuantity else {
            throw .quantityTooLarge(id, maximum: OrderItem.maximumQuantity)
        }
        if let maximum = offer.maxPersons, draft.persons > maximum {
            throw .tooManyPersons(id, maximum: maximum)
        }
        guard offer.vatRate.isValid else { throw .invalidVATRate(id) }
        return offer
    }
}

/// The lines' VAT grouped by rate, ascending.
private func totalsPerRate(_ lines: [QuoteLine]) throws(QuoteError) -> [VATTotal] {
    let byRate = Dictionary(grouping: lines, by: \.vatRate)
    var totals: [VATTotal] = []
    for rate in byRate.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
        let lines = byRate[rate] ?? []
        totals.append(
            VATTotal(rate: rate, gross: try sum(lines.map(\.total)), vat: try sum(lines.map(\.vat)))
        )
    }
    return totals
}

/// The sum of amounts of one currency (the lines were checked), or `.amountTooLarge`.
private func sum(_ amounts: [Money]) throws(QuoteError) -> Money {
    guard var total = amounts.first.map({ Money.zero($0.currency) }) else { return .zero() }
    for amount in amounts {
        guard let next = total.adding(amount) else { throw .amountTooLarge }
        total = next
    }
    return total
}
