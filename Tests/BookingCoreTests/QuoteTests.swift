import BookingCore
import Foundation
import Testing

@Suite struct QuoteTests {
    private let saturday = berlin.instant(date(2016, 3, 5), time(8))
    private let evening = berlin.instant(date(2016, 3, 5), time(18))
    private let bookedAt = instant("2016-03-05T07:55:00Z")

    /// A bike order at Filiale Nord, changed by `change`.
    private func bikeDraft(_ change: (inout OrderDraft) -> Void = { _ in }) -> OrderDraft {
        var draft = OrderDraft(
            branchID: Demo.nord, start: saturday, end: evening,
            offers: [OrderItem(Demo.fahrradM, quantity: 2)], options: [OrderItem(Demo.anhaenger)])
        change(&draft)
        return draft
    }

    private func quote(
        _ draft: OrderDraft, catalog: Catalog = Demo.catalog,
        prepayment: PrepaymentPolicy = PrepaymentPolicy(percent: 50, dueAfterDays: 5),
        bookedAt: Date? = nil
    ) throws(QuoteError) -> Quote {
        try Quote(
            draft: draft, catalog: catalog, prepayment: prepayment, calendar: berlin,
            bookedAt: bookedAt ?? self.bookedAt)
    }

    /// The demo catalog with one more offer at Filiale Nord.
    private func catalog(adding offer: Offer) -> Catalog {
        Catalog(offers: Demo.offers + [offer], categories: Demo.categories)
    }

    private func nordBike(_ id: Int64, _ price: PriceRule, vat: VATRate = .standard) -> Offer {
        Offer(
            id: OfferID(id), branchID: Demo.nord, categoryID: Demo.bikes, name: "Rad \(id)",
            stock: 3, price: price, vatRate: vat)
    }

    @Test func theSameDraftGivesTheSameQuote() throws {
        let first = try quote(bikeDraft())
        #expect(try quote(bikeDraft()) == first)
        let json = try JSONEncoder().encode(first)
        #expect(try JSONDecoder().decode(Quote.self, from: json) == first)
    }

    @Test func aChangedFigureMakesADifferentQuote() throws {
        let first = try quote(bikeDraft())
        let laterBooking = try quote(bikeDraft(), bookedAt: instant("2016-03-06T07:55:00Z"))
        #expect(laterBooking != first)
        // Booked the day after the pick-up: due that day, not 5 days later.
        #expect(laterBooking.prepayment.dueDate == date(2016, 3, 6))
        let moreTrailers = try quote(
            bikeDraft { $0.options = [OrderItem(Demo.anhaenger, quantity: 2)] })
        #expect(moreTrailers.total == eur(20))
    }

    @Test func linesFollowTheDraftOffersFirstThenOptions() throws {
        let cheap = nordBike(50, PriceRule(unit: .perHour, amount: eur(2)))
        let draft = bikeDraft { $0.offers.append(OrderItem(cheap.id, quantity: 3)) }
        let priced = try quote(draft, catalog: catalog(adding: cheap))
        #expect(priced.lines.map(\.offerID) == [Demo.fahrradM, cheap.id, Demo.anhaenger])
        // 10 hours × 2,00 € × 3 bikes = 60,00 €, plus the trailer's 10,00 €.
        #expect(priced.total == eur(70))
        #expect(priced.vatTotals.map(\.gross) == [eur(70)])
        // VAT per line: 60 × 19/119 = 9,579… → 9,58 and 10 × 19/119 = 1,596… → 1,60.
        #expect(priced.vatTotals.map(\.vat) == [eur(11, 18)])
    }

    @Test func vatIsRoundedPerLineNotOnTheTotal() throws {
        // Two lines of 0,47 €: 0,47 × 19/119 = 0,0750… → 0,08 each, 0,16 together; the
        // total of 0,94 € would give 0,150… → 0,15.
        let first = nordBike(51, PriceRule(unit: .perBooking, amount: Money(cents: 47)))
        let second = nordBike(52, PriceRule(unit: .perBooking, amount: Money(cents: 47)))
        let catalog = Catalog(offers: Demo.offers + [first, second], categories: Demo.categories)
        let draft = bikeDraft {
            $0.offers = [OrderItem(first.id), OrderItem(second.id)]
            $0.options = []
        }
        let priced = try quote(draft, catalog: catalog)
        #expect(priced.lines.map(\.vat) == [Money(cents: 8), Money(cents: 8)])
        #expect(priced.vatTotals.map(\.vat) == [Money(cents: 16)])
    }

    @Test func unlimitedAndLimitedOptions() throws {
        let trailer = try #require(Demo.catalog.offer(Demo.anhaenger))
        let cleaning = try #require(Demo.catalog.offer(Demo.endreinigung))
        let day = try Period(start: saturday, end: evening)
        let otherOrders = [BookedUnits(period: day, quantity: 2)]

        #expect(!trailer.isUnlimited && cleaning.isUnlimited)
        let trailers = Availability(stock: trailer.stock, booked: otherOrders, over: day)
        #expect(trailers == .free(0))
        #expect(!trailers.allows(1))
        let cleanings = Availability(stock: cleaning.stock, booked: otherOrders, over: day)
        #expect(cleanings == .unlimited)
    }

    // MARK: Bad input, one test per kind

    @Test func anOrderWithoutOffersIsEmpty() {
        #expect(throws: QuoteError.emptyOrder) { try quote(bikeDraft { $0.offers = [] }) }
        #expect(throws: QuoteError.emptyOrder) {
            try quote(
                bikeDraft {
                    $0.offers = []
                    $0.options = []
                })
        }
    }

    @Test func theEndMustComeAfterTheStart() {
        #expect(throws: QuoteError.endNotAfterStart) {
            try quote(bikeDraft { $0.end = $0.start })
        }
        #expect(throws: QuoteError.endNotAfterStart) {
            try quote(bikeDraft { $0.end = $0.start.addingTimeInterval(-3600) })
        }
    }

    @Test func aRentalLastsAtMostAYearAndADay() throws {
        let longest = TimeInterval(OrderDraft.maximumDays) * 86_400
        _ = try quote(bikeDraft { $0.end = $0.start + longest })
        #expect(throws: QuoteError.periodTooLong(maximumDays: 366)) {
            try quote(bikeDraft { $0.end = $0.start + longest + 1 })
        }
    }

    @Test func timesOutsideTheCalendarAreRefused() {
        let nan = Date(timeIntervalSinceReferenceDate: .nan)
        #expect(throws: QuoteError.outOfRange) { try quote(bikeDraft { $0.start = nan }) }
        #expect(throws: QuoteError.outOfRange) {
            try quote(bikeDraft { $0.end = Date(timeIntervalSince1970: 1e13) })
        }
        #expect(throws: QuoteError.outOfRange) { try quote(bikeDraft(), bookedAt: nan) }
    }

    @Test func personsMustBePositiveAndWithinTheOffer() {
        #expect(throws: QuoteError.nonPositivePersons) { try quote(bikeDraft { $0.persons = 0 }) }
        #expect(throws: QuoteError.nonPositivePersons) { try quote(bikeDraft { $0.persons = -2 }) }
        #expect(throws: QuoteError.personsAboveLimit(maximum: 999)) {
            try quote(bikeDraft { $0.persons = 2_147_483_648_000 })
        }
        let flat = OrderDraft(
            branchID: Demo.flats, start: saturday, end: evening.addingTimeInterval(86_400),
            persons: 4, offers: [OrderItem(Demo.fuchsUndIgel)])
        #expect(throws: QuoteError.tooManyPersons(Demo.fuchsUndIgel, maximum: 3)) {
            try quote(flat)
        }
    }

    @Test func quantitiesMustBePositiveAndSane() {
        #expect(throws: QuoteError.nonPositiveQuantity(Demo.fahrradM)) {
            try quote(bikeDraft { $0.offers = [OrderItem(Demo.fahrradM, quantity: 0)] })
        }
        #expect(throws: QuoteError.nonPositiveQuantity(Demo.anhaenger)) {
            try quote(bikeDraft { $0.options = [OrderItem(Demo.anhaenger, quantity: -1)] })
        }
        #expect(throws: QuoteError.quantityTooLarge(Demo.fahrradM, maximum: 9_999)) {
            try quote(bikeDraft { $0.offers = [OrderItem(Demo.fahrradM, quantity: .max)] })
        }
    }

    @Test func itemsMustExistOnceAtThePickupBranch() {
        #expect(throws: QuoteError.unknownOffer(OfferID(999))) {
            try quote(bikeDraft { $0.offers.append(OrderItem(OfferID(999))) })
        }
        #expect(throws: QuoteError.duplicateItem(Demo.fahrradM)) {
            try quote(bikeDraft { $0.offers.append(OrderItem(Demo.fahrradM)) })
        }
        #expect(throws: QuoteError.otherBranch(Demo.eBike)) {
            try quote(bikeDraft { $0.offers.append(OrderItem(Demo.eBike)) })
        }
    }

    @Test func offersAndOptionsStayInTheirLists() {
        let other = nordBike(53, PriceRule(unit: .perDay, amount: eur(5)))
        #expect(throws: QuoteError.notAnOption(Demo.fahrradM)) {
            try quote(
                bikeDraft {
                    $0.offers = [OrderItem(other.id)]
                    $0.options = [OrderItem(Demo.fahrradM)]
                }, catalog: catalog(adding: other))
        }
        #expect(throws: QuoteError.optionAmongOffers(Demo.anhaenger)) {
            try quote(
                bikeDraft {
                    $0.offers.append(OrderItem(Demo.anhaenger))
                    $0.options = []
                })
        }
    }

    @Test func returnElsewhereOnlyWhereTheOfferAllowsIt() throws {
        #expect(throws: QuoteError.returnElsewhereNotAllowed(Demo.fahrradM)) {
            try quote(bikeDraft { $0.returnBranchID = Demo.touristInfo })
        }
        var roaming = try #require(Demo.catalog.offer(Demo.fahrradM))
        roaming.returnElsewhere = true
        var trailer = try #require(Demo.catalog.offer(Demo.anhaenger))
        trailer.returnElsewhere = true
        let catalog = Catalog(
            offers: Demo.offers + [roaming, trailer], categories: Demo.categories)
        let draft = bikeDraft { $0.returnBranchID = Demo.touristInfo }
        #expect(try quote(draft, catalog: catalog).total == eur(10))
    }

    @Test func badVATRatesAreRefused() {
        let broken = nordBike(
            60, PriceRule(unit: .perDay, amount: eur(5)), vat: VATRate(rawValue: -10_000))
        #expect(throws: QuoteError.invalidVATRate(broken.id)) {
            try quote(
                bikeDraft { $0.offers = [OrderItem(broken.id)] }, catalog: catalog(adding: broken))
        }
    }

    @Test func currenciesMustNotMix() {
        let swiss = Money(cents: 500, currency: Currency(rawValue: "CHF"))
        let franc = nordBike(61, PriceRule(unit: .perDay, amount: swiss))
        #expect(throws: QuoteError.mixedCurrencies) {
            try quote(
                bikeDraft { $0.offers.append(OrderItem(franc.id)) }, catalog: catalog(adding: franc)
            )
        }
        let oddMinimum = nordBike(62, PriceRule(unit: .perDay, amount: eur(5), minimum: swiss))
        #expect(throws: QuoteError.mixedCurrencies) {
            try quote(
                bikeDraft { $0.offers = [OrderItem(oddMinimum.id)] },
                catalog: catalog(adding: oddMinimum))
        }
    }

    @Test func totalsBeyondInt64AreRefused() {
        let half = Money(cents: .max / 2 + 1)
        let first = nordBike(70, PriceRule(unit: .perBooking, amount: half))
        let second = nordBike(71, PriceRule(unit: .perBooking, amount: half))
        let catalog = Catalog(offers: Demo.offers + [first, second], categories: Demo.categories)
        #expect(throws: QuoteError.amountTooLarge) {
            try quote(
                bikeDraft { $0.offers = [OrderItem(first.id), OrderItem(second.id)] },
                catalog: catalog)
        }
        #expect(throws: QuoteError.amountTooLarge) {
            try quote(
                bikeDraft { $0.offers = [OrderItem(first.id, quantity: 2)] }, catalog: catalog)
        }
    }

    @Test func aPrepaymentPolicyOutOfRangeIsRefused() {
        #expect(throws: QuoteError.invalidPrepaymentPolicy) {
            try quote(bikeDraft(), prepayment: PrepaymentPolicy(percent: 150, dueAfterDays: 5))
        }
        #expect(throws: QuoteError.invalidPrepaymentPolicy) {
            try quote(bikeDraft(), prepayment: PrepaymentPolicy(percent: 50, dueAfterDays: -1))
        }
    }

    @Test func errorsCarryStableCodesAndSentences() {
        #expect(QuoteError.emptyOrder.code == "empty_order")
        #expect(QuoteError.tooManyPersons(OfferID(1), maximum: 3).code == "too_many_persons")
        #expect(
            QuoteError.tooManyPersons(OfferID(1), maximum: 3).description
                == "offer 1 takes at most 3 persons")
        #expect(QuoteError.endNotAfterStart.description == "the end must be after the start")
    }
}

@Suite struct OrderDraftCodingTests {
    @Test func personsAndOptionsMayBeLeftOut() throws {
        let json = #"{"branchID":2,"start":0,"end":3600,"offers":[{"offerID":10,"quantity":2}]}"#
        let draft = try JSONDecoder().decode(OrderDraft.self, from: Data(json.utf8))
        #expect(draft.persons == 1 && draft.options.isEmpty && draft.returnBranchID == nil)
        #expect(draft.offers == [OrderItem(Demo.fahrradM, quantity: 2)])
        #expect(draft.end.timeIntervalSince(draft.start) == 3600)
    }

    @Test func aDraftSurvivesTheRoundTrip() throws {
        let draft = OrderDraft(
            branchID: Demo.nord, returnBranchID: Demo.touristInfo,
            start: instant("2016-03-05T08:00:00+01:00"), end: instant("2016-03-05T18:00:00+01:00"),
            persons: 2, offers: [OrderItem(Demo.fahrradM)], options: [OrderItem(Demo.anhaenger)])
        let json = try JSONEncoder().encode(draft)
        #expect(try JSONDecoder().decode(OrderDraft.self, from: json) == draft)
    }

    @Test func aDraftWithoutOffersOrWithBadTypesIsRefused() {
        for bad in [
            #"{"branchID":2,"start":0,"end":3600}"#,
            #"{"branchID":"two","start":0,"end":3600,"offers":[]}"#,
            #"{"branchID":2,"start":0,"end":3600,"offers":[{"offerID":10}]}"#,
        ] {
            #expect(throws: DecodingError.self) {
                try JSONDecoder().decode(OrderDraft.self, from: Data(bad.utf8))
            }
        }
    }
}
