import BookingAPI
import BookingCore
import BookingServer
import Curl
import Foundation
import TestSupport
import Testing

/// Each kind of bad input gets a 4xx with the error envelope and changes nothing.
@Suite struct BadInputTests {
    /// A demo desk with one valid order request ready to be spoiled.
    struct Setup {
        let desk: DemoDesk
        let valid: CreateOrderRequest
        let validJSON: [String: Any]
        /// The orders of the demo data (the tours' participants), before any bad input.
        let ordersBefore: [OrderInfo]

        init() throws {
            desk = try DemoDesk()
            let nord = try desk.branch("Filiale Nord")
            let bike = try desk.client.offer(named: "Fahrrad S")
            let draft = OrderDraft(
                branchID: nord.id, start: Instant.at("2030-04-01T08:00:00Z"),
                end: Instant.at("2030-04-01T18:00:00Z"), offers: [OrderItem(bike.id)])
            valid = try desk.client.orderRequest(draft, clientID: "bad-input")
            let data = try APIJSON.encoder().encode(valid)
            validJSON = try JSONSerialization.jsonObject(with: data) as! [String: Any]
            ordersBefore = try desk.client.get(OrderList.self, APIPath.orders).orders
        }

        /// Sends `body` as POST /orders and checks the status, the envelope and that no
        /// order was stored.
        func expectRefused(
            _ body: [UInt8], status: Int, code: ErrorCode? = nil,
            headers: [String: String] = ["Idempotency-Key": "bad-input"],
            sourceLocation: SourceLocation = #_sourceLocation
        ) throws {
            let response = try desk.client.send(
                "POST", APIPath.orders, body: body, headers: headers)
            #expect(response.status == status, "\(response.text)", sourceLocation: sourceLocation)
            #expect(
                response.envelope != nil, "no envelope: \(response.text)",
                sourceLocation: sourceLocation)
            if let code {
                #expect(response.envelope?.error.code == code, sourceLocation: sourceLocation)
            }
            let orders = try desk.client.get(OrderList.self, APIPath.orders).orders
            #expect(
                orders == ordersBefore, "bad input changed data", sourceLocation: sourceLocation)
        }

        /// The valid request with one change applied to its JSON.
        func spoiled(_ change: (inout [String: Any]) -> Void) throws -> [UInt8] {
            var json = validJSON
            change(&json)
            return Array(try JSONSerialization.data(withJSONObject: json))
        }

        func stop() { desk.server.stop() }
    }

    @Test func malformedJSON() throws {
        let setup = try Setup()
        defer { setup.stop() }
        try setup.expectRefused(Array("{\"clientID\": ".utf8), status: 400, code: .invalidJSON)
        try setup.expectRefused(Array("not json at all".utf8), status: 400, code: .invalidJSON)
        try setup.expectRefused([], status: 400, code: .invalidJSON)
    }

    @Test func invalidUTF8() throws {
        let setup = try Setup()
        defer { setup.stop() }
        var body = Array(try APIJSON.encoder().encode(setup.valid))
        let index = try #require(body.firstIndex(of: UInt8(ascii: "M")))  // in "Mustermann"
        body[index] = 0xFF
        try setup.expectRefused(body, status: 400, code: .invalidJSON)
    }

    @Test func wrongTypes() throws {
        let setup = try Setup()
        defer { setup.stop() }
        try setup.expectRefused(
            try setup.spoiled { $0["clientID"] = 42 }, status: 400, code: .invalidInput)
        try setup.expectRefused(
            try setup.spoiled { json in
                var draft = json["draft"] as! [String: Any]
                draft["start"] = "yesterday"
                json["draft"] = draft
            }, status: 400, code: .invalidInput)
        try setup.expectRefused(
            try setup.spoiled { $0["draft"] = [1, 2, 3] }, status: 400, code: .invalidInput)
    }

    /// An array where the object belongs: the sentence names the body, not an empty field.
    @Test func aBodyThatIsNoObject() throws {
        let setup = try Setup()
        defer { setup.stop() }
        try setup.expectRefused(Array("[]".utf8), status: 400, code: .invalidInput)
        let response = try setup.desk.client.send(
            "POST", APIPath.orders, body: Array("[]".utf8), headers: ["Idempotency-Key": "k"])
        #expect(response.envelope?.error.message == "the body must be a JSON object")
        #expect(response.envelope?.error.field == nil)
    }

    @Test func missingFields() throws {
        let setup = try Setup()
        defer { setup.stop() }
        for field in ["clientID", "draft", "customer", "expectedTotal"] {
            try setup.expectRefused(
                try setup.spoiled { $0.removeValue(forKey: field) }, status: 400,
                code: .invalidInput)
        }
        try setup.expectRefused(
            try setup.spoiled { json in
                var customer = json["customer"] as! [String: Any]
                customer["lastName"] = ""
                json["customer"] = customer
            }, status: 400, code: .invalidInput)
        try setup.expectRefused(
            try setup.spoiled { $0["clientID"] = " \t " }, status: 400, code: .invalidInput,
            headers: [:])
        try setup.expectRefused(
            try setup.spoiled { json in
                var customer = json["customer"] as! [String: Any]
                customer["email"] = "no-at-sign"
                json["customer"] = customer
            }, status: 400, code: .invalidInput)
    }

    @Test func zeroOrNegativeQuantities() throws {
        let setup = try Setup()
        defer { setup.stop() }
        for quantity in [0, -1, -1_000_000] {
            var request = setup.valid
            request.draft.offers[0].quantity = quantity
            try setup.expectRefused(
                Array(try APIJSON.encoder().encode(request)), status: 400, code: .invalidInput)
        }
        var persons = setup.valid
        persons.draft.persons = 0
        try setup.expectRefused(Array(try APIJSON.encoder().encode(persons)), status: 400)
    }

    /// A century-long rental for two trillion persons is a typo or an attack, not an order.
    @Test func aPeriodOrPersonsBeyondAnyRental() throws {
        let setup = try Setup()
        defer { setup.stop() }
        var long = setup.valid
        long.draft.end = long.draft.start.addingTimeInterval(100 * 365 * 86_400)
        try setup.expectRefused(
            Array(try APIJSON.encoder().encode(long)), status: 400, code: .invalidInput)
        var crowd = setup.valid
        crowd.draft.persons = 2_147_483_648_000
        try setup.expectRefused(
            Array(try APIJSON.encoder().encode(crowd)), status: 400, code: .invalidInput)
    }

    @Test func endBeforeStart() throws {
        let setup = try Setup()
        defer { setup.stop() }
        var request = setup.valid
        request.draft.end = request.draft.start.addingTimeInterval(-3600)
        try setup.expectRefused(Array(try APIJSON.encoder().encode(request)), status: 400)
        request.draft.end = request.draft.start
        try setup.expectRefused(Array(try APIJSON.encoder().encode(request)), status: 400)
        let interval = try setup.desk.client.send(
            "GET",
            APIPath.intervalAvailability
                + "?offer=1&start=2030-01-02T00:00:00Z&end=2030-01-01T00:00:00Z")
        #expect(interval.status == 400)
    }

    @Test func unknownIDs() throws {
        let setup = try Setup()
        defer { setup.stop() }
        var request = setup.valid
        request.draft.offers = [OrderItem(OfferID(987_654))]
        try setup.expectRefused(
            Array(try APIJSON.encoder().encode(request)), status: 404, code: .notFound)
        request = setup.valid
        request.draft.branchID = BranchID(987_654)
        try setup.expectRefused(
            Array(try APIJSON.encoder().encode(request)), status: 404, code: .notFound)
        request = setup.valid
        request.holdID = HoldID(987_654)
        try setup.expectRefused(
            Array(try APIJSON.encoder().encode(request)), status: 404, code: .notFound)
        let client = setup.desk.client
        #expect(try client.send("GET", APIPath.order(987_654)).status == 404)
        #expect(try client.send("POST", APIPath.pickUpOrder(987_654)).status == 404)
        #expect(try client.send("DELETE", APIPath.hold(987_654)).status == 404)
        #expect(try client.send("GET", APIPath.orders + "/abc").status == 404)
    }

    @Test func idsOfTheOtherAccount() throws {
        let setup = try Setup()
        defer { setup.stop() }
        let other = try setup.desk.server.client()
        try other.logIn(DemoData.otherAdmin)
        let foreign = try #require(try other.get([Offer].self, APIPath.offers).first)
        var request = setup.valid
        request.draft.offers = [OrderItem(foreign.id)]
        try setup.expectRefused(
            Array(try APIJSON.encoder().encode(request)), status: 404, code: .notFound)
        request.draft.branchID = foreign.branchID
        try setup.expectRefused(
            Array(try APIJSON.encoder().encode(request)), status: 404, code: .notFound)
    }

    @Test func bodiesOverOneMebibyte() throws {
        let setup = try Setup()
        defer { setup.stop() }
        let huge = Array(repeating: UInt8(ascii: " "), count: (1 << 20) + 1)
        try setup.expectRefused(huge, status: 413, code: .payloadTooLarge)
        let exactlyTooLarge = Array(repeating: UInt8(ascii: " "), count: 4 << 20)
        try setup.expectRefused(exactlyTooLarge, status: 413, code: .payloadTooLarge)
    }

    @Test func veryLongPathsAndQueries() throws {
        let setup = try Setup()
        defer { setup.stop() }
        let client = setup.desk.client
        let longPath = try client.send(
            "GET", APIPath.orders + "/" + String(repeating: "x", count: 20_000))
        #expect(longPath.status == 414)
        #expect(longPath.envelope?.error.code == .uriTooLong)
        let longQuery = try client.send(
            "GET", APIPath.orders + "?q=" + String(repeating: "a", count: 9000))
        #expect(longQuery.status == 414)
        #expect(longQuery.envelope?.error.code == .uriTooLong)
        // A long but allowed query is cut to a sensible search, not an error.
        let allowed = try client.send(
            "GET", APIPath.orders + "?q=" + String(repeating: "a", count: 4000))
        #expect(allowed.status == 200)
    }

    @Test func missingOrForgedTokenChangesNothing() throws {
        let setup = try Setup()
        defer { setup.stop() }
        let body = Array(try APIJSON.encoder().encode(setup.valid))
        try setup.expectRefused(
            body, status: 401, code: .unauthorized,
            headers: ["Idempotency-Key": "bad-input", "Authorization": ""])
        try setup.expectRefused(
            body, status: 401, code: .unauthorized,
            headers: ["Idempotency-Key": "bad-input", "Authorization": "Bearer forged"])
    }

    @Test func totalsThatDifferFromTheServersAreRefused() throws {
        let setup = try Setup()
        defer { setup.stop() }
        var request = setup.valid
        request.expectedTotal = Money(cents: request.expectedTotal.cents - 1)
        try setup.expectRefused(
            Array(try APIJSON.encoder().encode(request)), status: 409, code: .totalMismatch)
    }

    @Test func badQueryArgumentsAndRoutes() throws {
        let setup = try Setup()
        defer { setup.stop() }
        let client = setup.desk.client
        let cases: [(String, String, Int)] = [
            ("GET", APIPath.monthAvailability + "?month=2030-13&offer=1", 400),
            ("GET", APIPath.monthAvailability + "?month=2030-01", 400),
            ("GET", APIPath.intervalAvailability + "?offer=1&start=soon&end=later", 400),
            ("GET", APIPath.orders + "?status=lost", 400),
            ("GET", APIPath.orders + "?limit=0", 400),
            ("GET", APIPath.orders + "?branch=-3", 400),
            ("GET", APIPath.orders + "?date=2030-02-30", 400),
            ("GET", "/api/v1/nothing-here", 404),
            ("GET", "/", 404),
            ("PUT", APIPath.orders, 405),
            ("DELETE", APIPath.health, 405),
        ]
        for (method, path, status) in cases {
            let response = try client.send(method, path)
            #expect(response.status == status, "\(method) \(path): \(response.text)")
            #expect(response.envelope != nil, "\(method) \(path)")
        }
    }
}
