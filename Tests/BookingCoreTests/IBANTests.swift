import BookingCore
import Foundation
import Testing

@Suite struct IBANTests {
    @Test(arguments: [
        "DE89370400440532013000", "de89 3704 0044 0532 0130 00", "GB82WEST12345698765432",
        "AT611904300234573201", "CH9300762011623852957", "NL91ABNA0417164300",
        "FR1420041010050500013M02606", "NO9386011117947",
    ])
    func acceptsIBANsWithCorrectCheckDigits(_ text: String) throws {
        let iban = try #require(IBAN(text))
        #expect(iban.value == text.replacingOccurrences(of: " ", with: "").uppercased())
    }

    @Test(arguments: [
        "DE89370400440532013001",  // one digit changed
        "DE98370400440532013000",  // check digits swapped
        "DE8937040044053201300",  // one short for Germany
        "DE89 3704 0044 0532 0130 000",  // one long
        "XX", "", "1234567890123456", "DE89-3704-0044-0532-0130-00", "DEAB370400440532013000",
        "DE89370400440532013000ÄÖ", String(repeating: "9", count: 40),
    ])
    func refusesEverythingElse(_ text: String) {
        #expect(IBAN(text) == nil)
    }

    @Test func printsInGroupsOfFourAndDecodesOnlyValidOnes() throws {
        let iban = try #require(IBAN("DE89370400440532013000"))
        #expect(iban.description == "DE89 3704 0044 0532 0130 00")
        #expect(iban.countryCode == "DE")
        let decoded = try JSONDecoder().decode(
            [IBAN].self, from: Data(#"["DE89 3704 0044 0532 0130 00"]"#.utf8))
        #expect(decoded == [iban])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([IBAN].self, from: Data(#"["DE00370400440532013000"]"#.utf8))
        }
    }
}

@Suite struct BICTests {
    @Test(arguments: ["COBADEFFXXX", "cobadeff", "MARK DEF1 100", "GENODEF1S04"])
    func acceptsTheShapeOfABIC(_ text: String) {
        #expect(BIC.normalized(text) == text.filter { $0 != " " }.uppercased())
    }

    @Test(arguments: ["XXXX", "", "COBADEFFXX", "COBA1EFFXXX", "COBADEFF-XX", "ÄÖÜDEFFXXX", "🚲"])
    func refusesAnythingElse(_ text: String) {
        #expect(BIC.normalized(text) == nil)
    }
}
