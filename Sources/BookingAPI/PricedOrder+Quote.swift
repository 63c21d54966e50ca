import BookingCore

extension PricedOrder {
    /// The wire form of BookingCore's quote; `kinds` gives each line's category kind.
    public init(_ quote: Quote, kinds: [OfferID: CategoryKind]) {
        self.init(
            lines: quote.lines.map { line in
                Line(
                    offerID: line.offerID, name: line.name,
                    kind: kinds[line.offerID] ?? (line.isOption ? .option : .rental),
                    quantity: line.quantity, persons: line.persons, units: line.countedUnits,
                    priceUnit: line.priceUnit, unitPrice: line.unitPrice, total: line.total,
                    vatRate: line.vatRate, vat: line.vat)
            },
            vatTotals: quote.vatTotals.map { VATTotal(rate: $0.rate, amount: $0.vat) },
            total: quote.total, prepayment: quote.prepayment.amount,
            prepaymentDue: quote.prepayment.dueDate, vatRounding: quote.rounding.rawValue)
    }
}
