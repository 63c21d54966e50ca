import BookingAPI
import BookingCore
import Foundation
import Testing

/// The delta-sync answers encode to what the OpenAPI document says of them.
@Suite struct ChangesSchemaTests {
    static let samples: [WireSample] = [
        WireSample(
            "ChangedCatalogue",
            ChangedCatalogue(
                branches: [
                    Branch(
                        id: BranchID(1), name: "N", opens: LocalTime(hour: 8, minute: 0)!,
                        closes: LocalTime(hour: 18, minute: 0)!)
                ],
                categories: [BookingCore.Category(id: CategoryID(1), name: "C", kind: .rental)],
                offers: [
                    Offer(
                        id: OfferID(1), branchID: BranchID(1), categoryID: CategoryID(1),
                        name: "O", stock: nil, price: PriceRule(unit: .perDay, amount: .euros(1)))
                ],
                removedBranches: [BranchID(2)], removedCategories: [CategoryID(3)],
                removedOffers: [OfferID(4)], cursor: "17", replacesAll: false)),
        WireSample(
            "ChangedOrders",
            ChangedOrders(
                orders: [WireSample.order], removed: [OrderID(9)], cursor: "18", more: true,
                replacesAll: true)),
    ]

    @Test(arguments: samples)
    func changesMatchTheirSchemas(_ sample: WireSample) throws {
        let schemas = try #require(
            (try OpenAPITests.document()["components"] as? [String: Any])?["schemas"]
                as? [String: Any])
        let value = try JSONSerialization.jsonObject(with: try sample.encode())
        let schema = try #require(schemas[sample.schema] as? [String: Any], "\(sample.schema)")
        var problems: [String] = []
        SchemaCheck(schemas: schemas).check(value, against: schema, at: sample.schema, &problems)
        #expect(problems.isEmpty, "\(problems)")
    }
}
