import Testing

@testable import DeskApp

@Suite struct CustomerEntryTests {
    private func filled() -> CustomerEntry {
        var entry = CustomerEntry(country: "Deutschland")
        entry[.firstName] = " Jürgen "
        entry[.lastName] = "Weiß"
        entry[.email] = "j.weiss@example.de"
        entry.termsAccepted = true
        return entry
    }

    @Test func aCompleteEntryHasNoProblems() {
        #expect(filled().problems().isEmpty)
    }

    @Test func lastNameAndEmailAreRequired() {
        var entry = filled()
        entry[.lastName] = "   "
        entry[.email] = ""
        #expect(entry.problems() == [.lastName: .required, .email: .required])
    }

    @Test func theTermsMustBeAccepted() {
        var entry = filled()
        entry.termsAccepted = false
        #expect(entry.problems() == [.terms: .termsRequired])
    }

    @Test(arguments: [
        "anna", "anna@", "@example.de", "anna@example", "anna@.de", "anna@example.",
        "an na@example.de", "a@b@example.de", "anna@example..de",
    ])
    func refusesAnEmailOfTheWrongShape(_ email: String) {
        var entry = filled()
        entry[.email] = email
        #expect(entry.problems() == [.email: .invalidEmail])
    }

    @Test func refusesTooLongText() {
        var entry = filled()
        entry[.note] = String(repeating: "ü", count: 201)
        #expect(entry.problems() == [.note: .fieldTooLong])
    }

    @Test func buildsTheAPICustomerWithoutEmptyFields() {
        var entry = filled()
        entry.salutation = .mr
        let customer = entry.customerData(catalog: MessageCatalog(.german))
        #expect(customer.salutation == "Herr")
        #expect(customer.firstName == "Jürgen")
        #expect(customer.street == nil)
        #expect(customer.country == "Deutschland")
        #expect(customer.termsAccepted)
        #expect(entry.displayName == "Jürgen Weiß")
    }
}
