import BookingCore
import DeskClient
import Testing

@testable import DeskApp

@Suite struct MessageCatalogTests {
    /// The placeholders `{n}` of an entry, as a set of numbers.
    private func placeholders(_ text: String) -> Set<Int> {
        var numbers: Set<Int> = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            rest = rest[rest.index(after: open)...]
            guard let close = rest.firstIndex(of: "}") else { break }
            if let number = Int(rest[..<close]) { numbers.insert(number) }
        }
        return numbers
    }

    @Test func everyKeyHasTextInBothLanguages() {
        for key in MessageKey.allCases {
            #expect(!MessageCatalog(.german).entry(key).isEmpty, "German lacks \(key)")
            #expect(!MessageCatalog(.english).entry(key).isEmpty, "English lacks \(key)")
        }
    }

    @Test func bothLanguagesUseTheSamePlaceholders() {
        for key in MessageKey.allCases {
            let german = placeholders(MessageCatalog(.german).entry(key))
            let english = placeholders(MessageCatalog(.english).entry(key))
            #expect(german == english, "placeholders of \(key) differ")
            #expect(german == Set(german.isEmpty ? [] : Array(1...german.count)), "\(key)")
        }
    }

    @Test func keysAreUnique() {
        let raws = MessageKey.allCases.map(\.rawValue)
        #expect(Set(raws).count == raws.count)
    }

    @Test func fillsPlaceholdersOnceAndInOrder() {
        let catalog = MessageCatalog(.german)
        #expect(
            catalog.text(.orderCreated, "2026-000042") == "Bestellung 2026-000042 ist angelegt.")
        #expect(
            catalog.text(.cancelQuestion, "{2}", "Müller")
                == "Bestellung {2} von Müller stornieren?")
        #expect(catalog.text(.cancelQuestion, "7") == "Bestellung 7 von {2} stornieren?")
    }

    @Test func anUnknownKeyFromAnotherModuleGivesASentence() {
        let text = MessageCatalog(.english).text(messageKey: "client.somethingNew")
        #expect(text.hasPrefix("Unexpected error (client.somethingNew)"))
        #expect(
            MessageCatalog(.english).text(messageKey: "error.soldOut")
                == "Not enough free any more.")
    }

    @Test func datesAndTimesFollowTheLanguage() {
        let date = LocalDate(year: 2016, month: 3, day: 5)!
        #expect(MessageCatalog(.german).date(date) == "05.03.2016")
        #expect(MessageCatalog(.english).date(date) == "05/03/2016")
        #expect(MessageCatalog(.german).time(LocalTime(hour: 8, minute: 0)!) == "08:00")
        #expect(MessageCatalog(.german).monthTitle(year: 2016, month: 3) == "März 2016")
        #expect(MessageCatalog(.german).weekdayShort(6) == "Sa")
        #expect(MessageCatalog(.english).weekdayShort(7) == "Sun")
    }
}

@Suite struct MessageKeysOfOtherModulesTests {
    /// DeskClient hands over its errors' keys as strings; each must have a sentence.
    @Test func everyClientErrorHasASentence() {
        for key in DeskClientError.allMessageKeys {
            #expect(MessageKey(rawValue: key) != nil, "no sentence for \(key)")
        }
    }
}
