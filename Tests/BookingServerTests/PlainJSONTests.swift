import BookingAPI
import BookingCore
import Foundation
import Testing

@testable import BookingServer

/// The order body's fast reader gives exactly what JSONDecoder gives, and leaves every body
/// it does not fully understand to JSONDecoder.
@Suite struct PlainJSONTests {
    private static func decoded(_ text: String) throws -> CreateOrderRequest {
        try APIJSON.decoder().decode(CreateOrderRequest.self, from: Data(text.utf8))
    }

    private static func fast(_ text: String) -> CreateOrderRequest? {
        CreateOrderRequest(plainJSON: Array(text.utf8))
    }

    @Test func readsWhatTheEncoderWritesAsTheDecoderDoes() throws {
        let request = CreateOrderRequest(
            clientID: "c-1",
            draft: OrderDraft(
                branchID: BranchID(3), returnBranchID: BranchID(4),
                start: Date(timeIntervalSince1970: 1_956_528_000),
                end: Date(timeIntervalSince1970: 1_956_531_600 + 59), persons: 2,
                offers: [OrderItem(OfferID(7), quantity: 2)], options: [OrderItem(OfferID(9))]),
            customer: CustomerData(
                salutation: "Frau", firstName: "Jördis", lastName: "Groß", email: "j@example.com",
                street: "Hauptstraße", houseNumber: "1a", postalCode: "10115", city: "Berlin",
                country: "DE", phone: "+49 30 1", note: "予約 bitte", termsAccepted: true),
            expectedTotal: Money(cents: 12_345), holdID: HoldID(11), force: true,
            takenOffline: true)
        let body = String(decoding: try APIJSON.encoder().encode(request), as: UTF8.self)
        #expect(Self.fast(body) == request)
        #expect(Self.fast(body) == (try Self.decoded(body)))
    }

    @Test func leftOutAndNullOptionalsMeanTheSameAsForTheDecoder() throws {
        let body = """
            { "clientID": "c", "draft": {"branchID": 1, "start": "2032-02-29T23:59:59Z",
              "end": "2032-03-01T00:00:00Z", "offers": [{"offerID": 5, "quantity": 1}],
              "returnBranchID": null, "persons": null},
              "customer": {"lastName": "L", "email": "e@x", "termsAccepted": false,
              "city": null}, "expectedTotal": {"cents": -0, "currency": "EUR"},
              "holdID": null, "force": false, "takenOffline": false }
            """
        let fast = try #require(Self.fast(body))
        #expect(fast == (try Self.decoded(body)))
        #expect(fast.draft.persons == 1 && fast.draft.options.isEmpty)
    }

    @Test(arguments: [
        #"{"clientID": "a\"b"}"#,  // an escape
        #"{"clientID": "c", "clientID": "d"}"#,  // a repeated key
        "{\"clientID\": \"c\"} x",  // text after the value
        #"{"cents": 1.0}"#,  // a fraction
        #"{"cents": 1e2}"#,  // an exponent
        #"{"cents": 012}"#,  // a leading zero
        #"{"cents": 99999999999999999999}"#,  // too large
        "[[[[[[[1]]]]]]]",  // too deep
    ])
    func leavesAnythingButPlainJSONToTheDecoder(_ text: String) {
        #expect(PlainJSON.parse(Array(text.utf8)) == nil)
    }

    @Test(arguments: [
        "2032-02-30T10:00:00Z",  // no such day
        "2032-01-01T24:00:00Z",  // no such hour
        "2032-01-01T10:00:00.5Z",  // a fraction of a second
        "2032-01-01T10:00:00+01:00",  // an offset
        "1969-12-31T23:59:59Z",  // before 1970
    ])
    func leavesOtherInstantsToTheDecoder(_ instant: String) {
        let body = """
            {"clientID": "c", "draft": {"branchID": 1, "start": "\(instant)",
            "end": "2033-01-01T00:00:00Z", "offers": []}, "customer": {"lastName": "L",
            "email": "e@x", "termsAccepted": true}, "expectedTotal": {"cents": 1,
            "currency": "EUR"}, "force": false, "takenOffline": false}
            """
        #expect(Self.fast(body) == nil)
    }

    @Test func leavesUnknownKeysToTheDecoder() throws {
        let body = """
            {"clientID": "c", "draft": {"branchID": 1, "start": "2032-01-01T00:00:00Z",
            "end": "2032-01-01T01:00:00Z", "offers": []}, "customer": {"lastName": "L",
            "email": "e@x", "termsAccepted": true}, "expectedTotal": {"cents": 1,
            "currency": "EUR"}, "force": false, "takenOffline": false, "extra": 1}
            """
        #expect(Self.fast(body) == nil)
        #expect(try Self.decoded(body).clientID == "c")
    }

    @Test func leavesAMissingRequiredFieldToTheDecoder() {
        let body = """
            {"clientID": "c", "draft": {"branchID": 1, "start": "2032-01-01T00:00:00Z",
            "end": "2032-01-01T01:00:00Z", "offers": []}, "customer": {"lastName": "L",
            "email": "e@x", "termsAccepted": true}, "expectedTotal": {"cents": 1,
            "currency": "EUR"}, "force": false}
            """
        #expect(Self.fast(body) == nil)
        #expect(throws: DecodingError.self) { try Self.decoded(body) }
    }
}
