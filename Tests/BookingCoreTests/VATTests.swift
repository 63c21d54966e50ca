import BookingCore
import Foundation
import Testing

@Suite struct VATTests {
    @Test(arguments: [
        // gross cents, rate, VAT cents: gross × rate / (100 % + rate), worked out by hand.
        (1000, 1900, 160),  // 159,66
        (11_900, 1900, 1900),  // exactly 19,00
        (12_000, 700, 785),  // 785,05
        (5000, 1900, 798),  // 798,32
        (47, 1900, 8),  // 7,504
        (72, 1900, 11),  // 11,496
        (23, 700, 2),  // 1,505
        (84, 700, 5),  // 5,495
        (3, 1900, 0),  // 0,479
        (4, 1900, 1),  // 0,639
        (0, 1900, 0),
        (12_345, 0, 0),
    ])
    func vatContainedInALineIsRoundedHalfUp(gross: Int64, rate: Int, vat: Int64) {
        #expect(VATRate(rawValue: rate).vat(in: Money(cents: gross)) == Money(cents: vat))
    }

    @Test(arguments: [
        // Rates whose fraction can be exactly one half: 60 % is 3/8, 100 % is 1/2.
        (4, 6000, 2),  // 1,5
        (-4, 6000, -2),  // -1,5: a refund mirrors the sale
        (1, 10_000, 1),  // 0,5
        (3, 10_000, 2),  // 1,5
        (-1, 10_000, -1),  // -0,5
        (-1000, 1900, -160),
    ])
    func exactHalvesRoundAwayFromZero(gross: Int64, rate: Int, vat: Int64) {
        let rounded = VATRounding.halfUpPerLine.vat(
            in: Money(cents: gross), at: VATRate(rawValue: rate))
        #expect(rounded == Money(cents: vat))
    }

    @Test func theLargestAmountsDoNotOverflow() {
        let most = Money(cents: .max)
        #expect(VATRate.standard.vat(in: most) == Money(cents: 1_472_639_232_775_132_272))
        #expect(VATRate.standard.vat(in: -most) == Money(cents: -1_472_639_232_775_132_272))
        #expect(VATRate(rawValue: 10_000).vat(in: most) == Money(cents: 4_611_686_018_427_387_904))
    }

    @Test func theRoundingRuleTravelsAsItsName() throws {
        let json = try JSONEncoder().encode([VATRounding.halfUpPerLine])
        #expect(String(decoding: json, as: UTF8.self) == #"["half_up_per_line"]"#)
    }

    @Test func ratesOutsideZeroToHundredPercentAreRefused() throws {
        let decoded = try JSONDecoder().decode([VATRate].self, from: Data("[1900,0,10000]".utf8))
        #expect(decoded == [.standard, VATRate(rawValue: 0), VATRate(rawValue: 10_000)])
        for bad in ["[-1]", "[10001]", "[-10000]"] {
            #expect(throws: DecodingError.self) {
                try JSONDecoder().decode([VATRate].self, from: Data(bad.utf8))
            }
        }
        #expect(!VATRate(rawValue: -10_000).isValid)
    }

    @Test func ratesAreWrittenAsPercentages() {
        #expect(VATRate.standard.formatted() == "19 %")
        #expect(VATRate.reduced.formatted() == "7 %")
        #expect(VATRate(rawValue: 550).formatted() == "5,5 %")
        #expect(VATRate(rawValue: 1025).formatted(.english) == "10.25%")
        #expect(VATRate.standard.formatted(.english) == "19%")
    }
}
