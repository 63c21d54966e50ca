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

    static let all: [WireSample] = [
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
                stock: 3, price: PriceRule(unit: .perDay, amount: .euros(1), minimum: .euros(2)),
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
