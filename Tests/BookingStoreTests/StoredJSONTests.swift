import BookingAPI
import Testing

@testable import BookingStore

/// The customer's stored JSON, written by hand for every order, is the encoder's text.
@Suite struct StoredJSONTests {
    @Test(arguments: [
        CustomerData(lastName: "Groß", email: "g@example.com", termsAccepted: true),
        CustomerData(
            salutation: "Frau", firstName: "Jördis \"JJ\"", lastName: #"Back\slash"#,
            email: "a/b@example.com", street: "Hauptstraße", houseNumber: "1a",
            postalCode: "10115", city: "Berlin", country: "DE", phone: "+49 30 1",
            note: "予約 \u{2028} é", termsAccepted: false),
        CustomerData(lastName: "L", email: "e@x", note: "two\nlines\t\u{7f}", termsAccepted: true),
    ])
    func customerTextIsTheEncoders(_ customer: CustomerData) throws {
        #expect(try customer.storedJSON() == (try StoredJSON.encode(customer)))
    }
}
