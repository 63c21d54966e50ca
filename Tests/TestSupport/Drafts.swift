import BookingAPI
import BookingCore
import BookingServer
import Foundation

extension APIClient {
    /// The demo offer (or option) whose name is exactly `name`.
    public func offer(named name: String) throws -> Offer {
        let query = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? name
        let offers = try get([Offer].self, APIPath.offers + "?q=" + query)
        let options = try get([Offer].self, APIPath.options)
        guard let found = (offers + options).first(where: { $0.name == name }) else {
            throw TestFailure("no offer named \(name)")
        }
        return found
    }

    /// Prices `draft` and places it as an order under a fresh client id (or `clientID`).
    public func placeOrder(
        _ draft: OrderDraft, clientID: String = UUID().uuidString, force: Bool = false
    ) throws -> (status: Int, order: OrderInfo?, envelope: ErrorEnvelope?) {
        let request = try orderRequest(draft, clientID: clientID, force: force)
        let response = try send(
            "POST", APIPath.orders, json: request,
            headers: [APIPath.idempotencyKeyHeader: clientID])
        return (
            response.status, response.status == 201 ? try response.decode(OrderInfo.self) : nil,
            response.envelope
        )
    }

    /// A complete order request for `draft` with the server's own total.
    public func orderRequest(_ draft: OrderDraft, clientID: String, force: Bool = false) throws
        -> CreateOrderRequest
    {
        let quote = try send("POST", APIPath.quotes, json: draft)
        guard quote.status == 200 else {
            throw TestFailure("quote answered \(quote.status): \(quote.text)")
        }
        return CreateOrderRequest(
            clientID: clientID, draft: draft, customer: .sample,
            expectedTotal: try quote.decode(PricedOrder.self).total, force: force)
    }

    /// Free units of one offer over `[start, end)`.
    public func free(_ offer: OfferID, from start: Date, to end: Date) throws -> Int? {
        let path =
            APIPath.intervalAvailability + "?offer=\(offer)&start=\(Instant.text(start))"
            + "&end=\(Instant.text(end))"
        let answer = try get(IntervalAvailability.self, path)
        return answer.offers.first?.free
    }
}

extension CustomerData {
    public static let sample = CustomerData(
        firstName: "Erika", lastName: "Mustermann", email: "erika@example.com",
        termsAccepted: true)
}

/// Instants for tests, written the way the API reads them.
public enum Instant {
    /// `2026-07-01T10:00:00Z` style.
    public static func text(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// The instant of an ISO 8601 text; traps on a typo in a test.
    public static func at(_ text: String) -> Date {
        try! Date(text, strategy: .iso8601)
    }
}
