import BookingAPI
import BookingCore
import BookingServer
import Foundation
import Testing

/// The OpenAPI document in the repository describes exactly the server's routes, and the
/// wire types encode to what its schemas say.
@Suite struct OpenAPITests {
    static func document() throws -> [String: Any] {
        let data = try #require(OpenAPIDocument.data())
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func documentedRoutes() throws -> Set<String> {
        let paths = try #require(try document()["paths"] as? [String: [String: Any]])
        var routes: Set<String> = []
        for (path, operations) in paths {
            for method in operations.keys where method != "parameters" {
                routes.insert(method.uppercased() + " " + path)
            }
        }
        return routes
    }

    @Test func everyServerRouteIsDocumented() throws {
        let documented = try Self.documentedRoutes()
        for route in BookingServer.routes {
            #expect(documented.contains(route.method + " " + route.template), "\(route)")
        }
    }

    @Test func everyDocumentedRouteExistsOnTheServer() throws {
        let served = Set(BookingServer.routes.map { $0.method + " " + $0.template })
        for route in try Self.documentedRoutes() {
            #expect(served.contains(route), "\(route) is documented but not served")
        }
        #expect(try Self.documentedRoutes().count == served.count)
    }

    /// Each operation's `x-access` tells clients who may call it; it must be the route
    /// table's rule.
    @Test func everyOperationNamesTheRoutesAccessRule() throws {
        let paths = try #require(try Self.document()["paths"] as? [String: [String: Any]])
        for route in BookingServer.routes {
            let operation = paths[route.template]?[route.method.lowercased()] as? [String: Any]
            #expect(
                operation?["x-access"] as? String == route.access,
                "\(route.method) \(route.template)")
        }
    }

    @Test func openRoutesAreMarkedWithoutSecurity() throws {
        let paths = try #require(try Self.document()["paths"] as? [String: [String: Any]])
        let open = ["GET /api/v1/health", "GET /api/v1/openapi.json", "POST /api/v1/session"]
        for route in open {
            let parts = route.split(separator: " ")
            let operation = paths[String(parts[1])]?[parts[0].lowercased()] as? [String: Any]
            #expect((operation?["security"] as? [Any])?.isEmpty == true, "\(route)")
        }
    }

    @Test(arguments: WireSample.all)
    func wireTypesMatchTheirSchemas(_ sample: WireSample) throws {
        let schemas = try #require(
            (try Self.document()["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let value = try JSONSerialization.jsonObject(with: try sample.encode())
        let schema = try #require(schemas[sample.schema] as? [String: Any], "\(sample.schema)")
        var problems: [String] = []
        SchemaCheck(schemas: schemas).check(value, against: schema, at: sample.schema, &problems)
        #expect(problems.isEmpty, "\(problems)")
    }
}

/// An encoded example of a wire type and the name of its schema.
struct WireSample: Sendable, CustomStringConvertible {
    let schema: String
    let encode: @Sendable () throws -> Data

    var description: String { schema }

    init<T: Encodable & Sendable>(_ schema: String, _ value: T) {
        self.schema = schema
        self.encode = { try APIJSON.encoder().encode(value) }
    }

    static let start = Date(timeIntervalSince1970: 1_900_000_000)
    static let draft = OrderDraft(
        branchID: BranchID(1), returnBranchID: BranchID(2), start: start,
        end: start + 3600, persons: 2, offers: [OrderItem(OfferID(3), quantity: 2)],
        options: [OrderItem(OfferID(4))])
    static let customer = CustomerData(
        salutation: "Frau", firstName: "Erika", lastName: "Mustermann", email: "e@example.com",
        street: "Weg", houseNumber: "1", postalCode: "12345", city: "Stadt", country: "DE",
        phone: "0", note: "n", termsAccepted: true)
    static let priced = PricedOrder(
        lines: [
            .init(
                offerID: OfferID(3), name: "Fahrrad", kind: .rental, quantity: 2, persons: 2,
                units: 1, priceUnit: .perDay, unitPrice: .euros(5), total: .euros(10),
                vatRate: .standard, vat: Money(cents: 160))
        ], vatTotals: [.init(rate: .standard, amount: Money(cents: 160))], total: .euros(10),
        prepayment: .euros(5), prepaymentDue: LocalDate(year: 2030, month: 1, day: 1)!,
        vatRounding: "half_up_per_line")
    static let user = UserInfo(
        id: UserID(1), username: "staff", name: "S", email: "s@example.com", role: .staff)
    static let account = AccountInfo(
        id: AccountID(1), slug: "demo", name: "Demo", timeZone: "Europe/Berlin", currency: .eur,
        prepaymentPercent: 50, prepaymentDueDays: 5, holdMinutes: 10)
    static let order = OrderInfo(
        id: OrderID(1), number: "2030-000001", clientID: "c", status: .pickedUp, draft: draft,
        customerID: CustomerID(1), customer: customer, priced: priced, createdAt: start,
        takenOffline: false, forced: false)

    static let all: [WireSample] =
        [
            WireSample("Health", Health(status: "ok", version: "1")),
            WireSample("ErrorEnvelope", ErrorEnvelope(code: .soldOut, message: "m", field: "f")),
            WireSample("LoginRequest", LoginRequest(account: "a", username: "u", password: "p")),
            WireSample(
                "LoginResponse",
                LoginResponse(
                    token: "t", expiresAt: start,
                    session: SessionInfo(
                        user: user, account: account, branchIDs: [BranchID(1)],
                        categoryIDs: [CategoryID(1)]))),
            WireSample(
                "Branch",
                Branch(
                    id: BranchID(1), name: "N", address: "A", opens: LocalTime(hour: 8, minute: 0)!,
                    closes: LocalTime(hour: 18, minute: 0)!, closedWeekdays: [7])),
            WireSample("Category", BookingCore.Category(id: CategoryID(1), name: "C", kind: .tour)),
            WireSample(
                "Offer",
                Offer(
                    id: OfferID(1), branchID: BranchID(1), categoryID: CategoryID(1), name: "O",
                    stock: 3,
                    price: PriceRule(unit: .perDay, amount: .euros(1), minimum: .euros(2)),
                    maxPersons: 2, returnElsewhere: true)),
            WireSample(
                "MonthAvailability",
                MonthAvailability(
                    month: LocalDate(year: 2030, month: 1, day: 1)!,
                    days: [LocalDate(year: 2030, month: 1, day: 1)!],
                    offers: [.init(offerID: OfferID(1), free: [nil], closed: [false])])),
            WireSample(
                "IntervalAvailability",
                IntervalAvailability(
                    start: start, end: start + 60, offers: [.init(offerID: OfferID(1), free: 2)])),
            WireSample("OrderDraft", draft),
            WireSample("PricedOrder", priced),
            WireSample("HoldRequest", HoldRequest(draft: draft)),
            WireSample("HoldInfo", HoldInfo(id: HoldID(1), draft: draft, expiresAt: start)),
            WireSample(
                "CreateOrderRequest",
                CreateOrderRequest(
                    clientID: "c", draft: draft, customer: customer, expectedTotal: .euros(10),
                    holdID: HoldID(1), force: true, takenOffline: true)),
            WireSample("OrderInfo", order),
            WireSample("OrderList", OrderList(orders: [order], nextCursor: "1")),
        ] + securitySamples

    static let userRecord = UserRecord(
        id: UserID(2), username: "nord", name: "N", email: "n@example.com", role: .staff,
        isOwner: false, isActive: true, branchIDs: [BranchID(1)], categoryIDs: [CategoryID(2)],
        guideID: GuideID(3), createdAt: start)
    static let guideData = GuideData(
        contractNumber: "G-1", name: "Greta", email: "g@example.com",
        address: PostalAddress(
            street: "Weg", houseNumber: "1", postalCode: "12345", city: "Stadt", country: "DE"),
        phones: ["+49 1"],
        bank: BankDetails(
            accountHolder: "Greta", iban: IBAN("DE89370400440532013000")!, bic: "COBADEFFXXX"),
        taxNumber: "1/2/3", vatID: "DE123")
    static let customerRecord = CustomerRecord(
        id: CustomerID(1), email: "e@example.com", data: customer, hasLogin: true, orderCount: 2)
    static let auditEvent = AuditEvent(
        id: 7, action: "order.created", actor: AuditActor(kind: .user, id: 2, name: "nord"),
        target: AuditTarget(type: "order", id: 1), at: start, takenOffline: true, forced: true,
        details: ["number": "2030-000001"])
    static let tourRequest = TourRequest(
        offerID: OfferID(4), start: start, end: start + 3600, capacity: 8, guideID: GuideID(3),
        released: true)

    static let securitySamples: [WireSample] = [
        WireSample("UserRecord", userRecord),
        WireSample("NewUserRequest", NewUserRequest(username: "u", name: "N", email: "e@x.de")),
        WireSample("AdminFlagRequest", AdminFlagRequest(isAdmin: true)),
        WireSample(
            "RestrictionsRequest",
            RestrictionsRequest(branchIDs: [BranchID(1)], categoryIDs: [CategoryID(1)])),
        WireSample("UserCreated", UserCreated(user: userRecord, passwordMail: .spooled)),
        WireSample("PasswordMailed", PasswordMailed(passwordMail: .sent)),
        WireSample("GuideData", guideData),
        WireSample("GuideRecord", GuideRecord(id: GuideID(3), data: guideData, userID: UserID(4))),
        WireSample("GuideAccessRequest", GuideAccessRequest(username: "greta")),
        WireSample("TourRequest", tourRequest),
        WireSample(
            "TourRecord",
            TourRecord(
                id: TourID(1), offerID: OfferID(4), name: "Tour", branchID: BranchID(1),
                start: start, end: start + 3600, capacity: 8, guideID: GuideID(3), released: true,
                participants: 5)),
        WireSample(
            "GuideTour",
            GuideTour(id: TourID(1), name: "Tour", start: start, end: start + 60, participants: 5)),
        WireSample("CustomerRecord", customerRecord),
        WireSample("CustomerList", CustomerList(customers: [customerRecord], nextCursor: "1")),
        WireSample("AccountSettings", AccountSettings(customerPasswords: true)),
        WireSample("AuditEvent", auditEvent),
        WireSample("AuditEventList", AuditEventList(events: [auditEvent], nextCursor: "7")),
        WireSample(
            "PersonExport",
            PersonExport(
                kind: "customer", exportedAt: start, account: account, customer: customerRecord,
                user: userRecord, guide: GuideRecord(id: GuideID(3), data: guideData, userID: nil),
                orders: [order],
                sessions: [
                    SessionRecord(
                        createdAt: start, lastSeenAt: start, expiresAt: start, endedAt: start)
                ], auditEvents: [auditEvent])),
    ]
}

/// Checks a decoded JSON value against an OpenAPI schema: every key is a documented
/// property, every required property is present, and `$ref`s and arrays are followed.
struct SchemaCheck {
    let schemas: [String: Any]

    func check(
        _ value: Any, against schema: [String: Any], at path: String, _ problems: inout [String]
    ) {
        if let reference = schema["$ref"] as? String {
            let name = String(reference.split(separator: "/").last ?? "")
            guard let target = schemas[name] as? [String: Any] else {
                problems.append("\(path): unknown schema \(reference)")
                return
            }
            return check(value, against: target, at: path, &problems)
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, element) in array.enumerated() {
                check(element, against: items, at: "\(path)[\(index)]", &problems)
            }
            return
        }
        guard let object = value as? [String: Any],
            let properties = schema["properties"] as? [String: Any]
        else { return }
        for (key, element) in object {
            guard let property = properties[key] as? [String: Any] else {
                problems.append("\(path).\(key) is not in the schema")
                continue
            }
            check(element, against: property, at: "\(path).\(key)", &problems)
        }
        for required in schema["required"] as? [String] ?? [] where object[required] == nil {
            problems.append("\(path).\(required) is required but not encoded")
        }
    }
}

@Suite struct FastEncodingTests {
    @Test func monthAvailabilityWritesTheSameBytesAsTheEncoder() throws {
        let days = (1...3).map { LocalDate(year: 2030, month: 3, day: $0)! }
        let value = MonthAvailability(
            month: days[0], days: days,
            offers: [
                .init(offerID: OfferID(7), free: [3, -1, nil], closed: [false, true, false]),
                .init(offerID: OfferID(12), free: [0, 10, 2], closed: [true, false, false]),
            ])
        let expected = Array(try APIJSON.encoder().encode(value))
        #expect(value.encodedJSON() == expected)
        let empty = MonthAvailability(month: days[0], days: [], offers: [])
        #expect(empty.encodedJSON() == Array(try APIJSON.encoder().encode(empty)))
    }
}

@Suite struct OrderEncodingTests {
    static func encoded<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try APIJSON.encoder().encode(value), as: UTF8.self)
    }

    @Test(arguments: [
        "c-1", "9F1C2B7E-6A43-4C1D-8E2A-1B2C3D4E5F60", "quote\"and\\slash/", "Größe", "tab\t",
    ])
    func orderInfoWritesTheSameBytesAsTheEncoder(_ clientID: String) throws {
        var order = WireSample.order
        order.clientID = clientID
        order.createdAt = Date(timeIntervalSince1970: 1_900_000_123)
        let expected = Array(try APIJSON.encoder().encode(order))
        let written = try order.encodedJSON(
            customer: try Self.encoded(order.customer), priced: try Self.encoded(order.priced))
        #expect(
            String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }
}

@Suite struct CustomerEncodingTests {
    @Test(arguments: [
        CustomerData(lastName: "Groß", email: "g@example.com", termsAccepted: true),
        CustomerData(
            salutation: "Frau", firstName: "Jördis \"JJ\"", lastName: #"Back\slash"#,
            email: "a/b@example.com", street: "Hauptstraße", houseNumber: "1a",
            postalCode: "10115", city: "Berlin", country: "DE", phone: "+49 30 1",
            note: "予約 \u{2028} é", termsAccepted: false),
        CustomerData(lastName: "L", email: "e@x", note: "two\nlines\t\u{7f}", termsAccepted: true),
    ])
    func customerWritesTheSameBytesAsTheEncoder(_ customer: CustomerData) throws {
        let expected = String(decoding: try APIJSON.encoder().encode(customer), as: UTF8.self)
        #expect(String(decoding: try customer.encodedJSON(), as: UTF8.self) == expected)
    }
}

@Suite struct PricedEncodingTests {
    @Test(arguments: ["Fahrrad M", "Fahrradanhänger – Größe \"L\"", "back\\slash/", "ctrl\u{1}"])
    func pricedOrderWritesTheSameBytesAsTheEncoder(_ name: String) throws {
        var priced = WireSample.priced
        priced.lines[0].name = name
        priced.lines.append(priced.lines[0])
        priced.lines[1].kind = .option
        priced.lines[1].priceUnit = .perNight
        let expected = String(decoding: try APIJSON.encoder().encode(priced), as: UTF8.self)
        #expect(String(decoding: try priced.encodedJSON(), as: UTF8.self) == expected)
    }

    @Test func draftsWithAndWithoutReturnBranchMatchTheEncoder() throws {
        var order = WireSample.order
        for returnBranch in [BranchID(2), nil] {
            order.draft.returnBranchID = returnBranch
            order.draft.options = []
            let expected = String(decoding: try APIJSON.encoder().encode(order), as: UTF8.self)
            let written = try order.encodedJSON(
                customer: try OrderEncodingTests.encoded(order.customer),
                priced: try OrderEncodingTests.encoded(order.priced))
            #expect(String(decoding: written, as: UTF8.self) == expected)
        }
    }
}

@Suite struct InstantEncodingTests {
    /// Instants written by the fast path read exactly as the encoder writes them, across
    /// leap days, year ends and the far future.
    @Test func instantsMatchTheEncoder() throws {
        var order = WireSample.order
        let instants: [Double] = [
            0, 951_782_400, 951_868_799, 1_709_164_800, 1_735_689_599, 1_900_000_000,
            4_102_444_800, 253_402_300_799, 1_900_000_000.5, -86_400,
        ]
        for seconds in instants {
            order.createdAt = Date(timeIntervalSince1970: seconds)
            order.draft.start = Date(timeIntervalSince1970: seconds)
            let expected = String(decoding: try APIJSON.encoder().encode(order), as: UTF8.self)
            let written = try order.encodedJSON(
                customer: try OrderEncodingTests.encoded(order.customer),
                priced: try OrderEncodingTests.encoded(order.priced))
            #expect(String(decoding: written, as: UTF8.self) == expected, "\(seconds)")
        }
    }
}
