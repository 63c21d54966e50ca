import BookingCore
import Foundation
import Testing

/// The reference figures of DESIGN.md, priced end to end through `Quote`. Every expected
/// figure is worked out by hand in the comments.
@Suite struct ReferenceFigureTests {
    @Test func holidayFlatFuchsUndIgel() throws {
        // 14.11. to 22.11.2017 are 8 nights; 8 × 15,00 € = 120,00 €, 7 % VAT included:
        // 120 × 7 / 107 = 7,850… → 7,85 €. Prepayment 50 % = 60,00 €, due 5 days after the
        // local booking date: 00:30 on 2 October in Berlin (still 1 October in UTC) → 7.10.
        let draft = OrderDraft(
            branchID: Demo.flats, start: berlin.instant(date(2017, 11, 14), time(15)),
            end: berlin.instant(date(2017, 11, 22), time(10)), persons: 1,
            offers: [OrderItem(Demo.fuchsUndIgel)], options: [OrderItem(Demo.endreinigung)])
        let quote = try Quote(
            draft: draft, catalog: Demo.catalog,
            prepayment: PrepaymentPolicy(percent: 50, dueAfterDays: 5), calendar: berlin,
            bookedAt: instant("2017-10-01T22:30:00Z"))

        #expect(quote.total == eur(120))
        #expect(quote.total.formatted() == "120,00 €")
        #expect(quote.prepayment.amount == eur(60))
        #expect(quote.prepayment.amount.formatted() == "60,00 €")
        #expect(quote.prepayment.dueDate == date(2017, 10, 7))
        #expect(quote.rounding == .halfUpPerLine)

        let flat = try #require(quote.lines.first)
        #expect(flat.offerID == Demo.fuchsUndIgel && flat.name == "Fuchs und Igel")
        #expect(flat.priceUnit == .perNight && flat.countedUnits == 8)
        #expect(flat.unitPrice == eur(15) && flat.total == eur(120) && !flat.minimumApplied)
        #expect(flat.vatRate == .reduced && flat.vat == eur(7, 85))
        #expect(flat.quantity == 1 && flat.persons == 1 && !flat.isOption)

        let cleaning = try #require(quote.lines.last)
        #expect(quote.lines.count == 2 && cleaning.isOption)
        #expect(cleaning.name == "Endreinigung" && cleaning.total == .zero())

        #expect(quote.vatTotals.map(\.rate) == [.reduced, .standard])
        #expect(quote.vatTotals.map(\.gross) == [eur(120), .zero()])
        #expect(quote.vatTotals.map(\.vat) == [eur(7, 85), .zero()])
        #expect(quote.vatTotals[0].net == eur(112, 15))
    }

    @Test func bikeOrderAtFilialeNord() throws {
        // Fahrrad M × 2 at 0,00 € per day, Fahrradanhänger × 1 at 10,00 € per booking:
        // 0,00 € + 10,00 € = 10,00 €; 19 % VAT included: 10 × 19 / 119 = 1,596… → 1,60 €.
        let draft = OrderDraft(
            branchID: Demo.nord, start: berlin.instant(date(2016, 3, 5), time(8)),
            end: berlin.instant(date(2016, 3, 5), time(18)),
            offers: [OrderItem(Demo.fahrradM, quantity: 2)],
            options: [OrderItem(Demo.anhaenger, quantity: 1)])
        let quote = try Quote(
            draft: draft, catalog: Demo.catalog, prepayment: .none, calendar: berlin,
            bookedAt: instant("2016-03-05T07:55:00Z"))

        #expect(quote.total == eur(10))
        #expect(quote.total.formatted() == "10,00 €")
        #expect(quote.lines.map(\.offerID) == [Demo.fahrradM, Demo.anhaenger])
        #expect(quote.lines.map(\.quantity) == [2, 1])
        #expect(quote.lines.map(\.countedUnits) == [1, 1])
        #expect(quote.lines.map(\.total) == [.zero(), eur(10)])
        #expect(quote.vatTotals.count == 1)
        #expect(quote.vatTotals.first?.vat == eur(1, 60))
        #expect(quote.prepayment.amount == .zero())
        #expect(quote.prepayment.dueDate == date(2016, 3, 5))
    }

    @Test func eBikeAtFilialeTouristInfo() throws {
        // 15.08.2015 09:00 to 16.08.2015 18:00 at 25,00 € per day: one date in between, and
        // 18:00 is later than 09:00, so 2 days = 50,00 €; VAT 50 × 19 / 119 = 7,983… → 7,98 €.
        let draft = OrderDraft(
            branchID: Demo.touristInfo, returnBranchID: Demo.touristInfo,
            start: berlin.instant(date(2015, 8, 15), time(9)),
            end: berlin.instant(date(2015, 8, 16), time(18)),
            offers: [OrderItem(Demo.eBike)])
        let quote = try Quote(
            draft: draft, catalog: Demo.catalog,
            prepayment: PrepaymentPolicy(percent: 50, dueAfterDays: 5), calendar: berlin,
            bookedAt: instant("2015-08-15T07:00:00Z"))

        let line = try #require(quote.lines.first)
        #expect(line.name == "Touren-eBike E-Ville C A8 / Größe S")
        #expect(line.countedUnits == 2 && line.unitPrice == eur(25))
        #expect(quote.total == eur(50))
        #expect(line.vat == eur(7, 98))
        #expect(quote.prepayment.amount == eur(25))
        // Booked on the pick-up day: due then, not 5 days later, after the rental.
        #expect(quote.prepayment.dueDate == date(2015, 8, 15))
    }
}

/// The demo catalog of DESIGN.md's reference figures.
enum Demo {
    static let flats = BranchID(1)
    static let nord = BranchID(2)
    static let touristInfo = BranchID(3)

    static let holidayFlats = CategoryID(1)
    static let bikes = CategoryID(2)
    static let extras = CategoryID(9)

    static let fuchsUndIgel = OfferID(1)
    static let endreinigung = OfferID(2)
    static let fahrradM = OfferID(10)
    static let anhaenger = OfferID(11)
    static let eBike = OfferID(20)

    static let catalog = Catalog(offers: offers, categories: categories)

    static let categories = [
        Category(id: holidayFlats, name: "Ferienwohnungen", kind: .accommodation),
        Category(id: bikes, name: "Fahrräder", kind: .rental),
        Category(id: extras, name: "Zusatzoptionen", kind: .option),
    ]

    static let offers = [
        Offer(
            id: fuchsUndIgel, branchID: flats, categoryID: holidayFlats, name: "Fuchs und Igel",
            stock: 1, price: PriceRule(unit: .perNight, amount: eur(15)), vatRate: .reduced,
            maxPersons: 3),
        Offer(
            id: endreinigung, branchID: flats, categoryID: extras, name: "Endreinigung",
            stock: nil, price: PriceRule(unit: .perBooking, amount: .zero())),
        Offer(
            id: fahrradM, branchID: nord, categoryID: bikes, name: "Fahrrad M", stock: 8,
            price: PriceRule(unit: .perDay, amount: .zero())),
        Offer(
            id: anhaenger, branchID: nord, categoryID: extras, name: "Fahrradanhänger", stock: 2,
            price: PriceRule(unit: .perBooking, amount: eur(10))),
        Offer(
            id: eBike, branchID: touristInfo, categoryID: bikes,
            name: "Touren-eBike E-Ville C A8 / Größe S", stock: 4,
            price: PriceRule(unit: .perDay, amount: eur(25))),
    ]
}
