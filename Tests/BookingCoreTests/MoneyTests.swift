import BookingCore
import Testing

@Suite struct MoneyTests {
    private let swiss = Currency(rawValue: "CHF")

    @Test func arithmeticStaysInCents() {
        #expect(eur(12, 50) + eur(0, 75) == eur(13, 25))
        #expect(eur(5) - eur(7, 50) == Money(cents: -250))
        #expect(eur(15) * 8 == eur(120))
        #expect(3 * eur(0, 99) == eur(2, 97))
        #expect(-eur(5) == Money(cents: -500))
        var running = eur(1)
        running += eur(2)
        running -= eur(0, 50)
        #expect(running == eur(2, 50))
    }

    @Test func sumsOfSequences() {
        #expect([eur(10), eur(0, 5), eur(2, 45)].sum() == eur(12, 50))
        #expect([Money]().sum() == .zero())
        #expect([Money]().sum(in: swiss) == .zero(swiss))
        #expect([Money(cents: 100, currency: swiss)].sum(in: swiss).currency == swiss)
    }

    @Test func comparisonWithinOneCurrency() {
        #expect(eur(9, 99) < eur(10))
        #expect(!(eur(10) < eur(10)))
        #expect(max(eur(3), eur(20), eur(7)) == eur(20))
        #expect(Money(cents: -1) < .zero())
    }

    @Test func checkedArithmeticRefusesOverflowAndMixedCurrencies() {
        let most = Money(cents: .max)
        #expect(most.adding(Money(cents: 1)) == nil)
        #expect(most.multiplied(by: 2) == nil)
        #expect(Money(cents: .min).multiplied(by: -1) == nil)
        #expect(eur(1).adding(Money(cents: 100, currency: swiss)) == nil)
        #expect(eur(1).adding(eur(2)) == eur(3))
        #expect(eur(4).multiplied(by: 3) == eur(12))
    }

    @Test(arguments: [
        (123_450, "1.234,50 €", "€1,234.50"),
        (-500, "-5,00 €", "-€5.00"),
        (0, "0,00 €", "€0.00"),
        (5, "0,05 €", "€0.05"),
        (-7, "-0,07 €", "-€0.07"),
        (12_000, "120,00 €", "€120.00"),
        (99_999, "999,99 €", "€999.99"),
        (100_000, "1.000,00 €", "€1,000.00"),
        (123_456_789_01, "123.456.789,01 €", "€123,456,789.01"),
        (Int64.max, "92.233.720.368.547.758,07 €", "€92,233,720,368,547,758.07"),
        (Int64.min, "-92.233.720.368.547.758,08 €", "-€92,233,720,368,547,758.08"),
    ])
    func formatting(cents: Int64, german: String, english: String) {
        #expect(Money(cents: cents).formatted() == german)
        #expect(Money(cents: cents).formatted(.german) == german)
        #expect(Money(cents: cents).formatted(.english) == english)
    }

    @Test func otherCurrenciesShowTheirCode() {
        #expect(Money(cents: 1200, currency: swiss).formatted() == "12,00 CHF")
        #expect(Money(cents: 1200, currency: swiss).formatted(.english) == "CHF12.00")
    }

    @Test(arguments: [
        ("12,50", 1250), ("12", 1200), ("1.234,50", 123_450), ("1234,5", 123_450),
        ("0,05", 5), ("007", 700), ("12,-", 1200), ("-5,00", -500), ("+3", 300),
        ("12,50 €", 1250), ("€ 12,50", 1250), ("12,50€", 1250), ("12,50 EUR", 1250),
        ("-5,00 €", -500), ("€-5", -500), ("  12,50  ", 1250), ("1.234.567", 123_456_700),
        // The ambiguous dot: one or two final digits make it a decimal point.
        ("12.50", 1250), ("12.5", 1250), ("1.23", 123), ("1.234", 123_400),
        ("92.233.720.368.547.758,07", Int64.max),
        ("-92.233.720.368.547.758,07", -Int64.max),
    ])
    func parsingGerman(text: String, cents: Int64) {
        #expect(Money(parsing: text) == Money(cents: cents))
    }

    @Test(arguments: [
        ("12.50", 1250), ("1,234.50", 123_450), ("€1,234.50", 123_450), ("-€5.00", -500),
        ("12,50", 1250), ("1,234", 123_400), ("12", 1200),
    ])
    func parsingEnglish(text: String, cents: Int64) {
        #expect(Money(parsing: text, style: .english) == Money(cents: cents))
    }

    @Test(arguments: [
        "", " ", "€", "-", "abc", "12,5a", "12,505", "1,2,3", "12,", ",50", ".50", "1.2345",
        "12.34.56", "1.234.5", "1234.567,00", "1 234,50", "12..50", "1.234.567.8", "--5",
        "12,50 $", "٣", "１２", "5e3", "0x10", "12,50,00", "1.234,5.0",
        "92.233.720.368.547.758,08", "99999999999999999999", "-92.233.720.368.547.758,09",
    ])
    func parsingRefusesGarbage(text: String) {
        #expect(Money(parsing: text) == nil)
    }

    @Test func parsingEnglishRefusesGermanGroups() {
        #expect(Money(parsing: "1.234,50", style: .english) == nil)
        #expect(Money(parsing: "1.234", style: .english) == nil)
    }

    @Test func parsingReadsWhatFormattingWrites() {
        for cents: Int64 in [0, 1, -1, 99, 100, 123_450, -987_654_321, .max, -.max] {
            let amount = Money(cents: cents)
            #expect(Money(parsing: amount.formatted()) == amount)
            #expect(Money(parsing: amount.formatted(.english), style: .english) == amount)
        }
    }
}
