import BookingAPI
import BookingCore
import BookingStore
import HTTPServer

extension APIServer {
    /// `GET /changes/catalogue?since=`: what of the caller's catalogue changed since the
    /// cursor, for the desk's delta sync.
    func catalogueChanges(_ request: APIRequest) throws -> HTTPResponse {
        let delta = try store.catalogueChanges(since: try cursor(request), scope: request.scope)
        return try Self.json(
            ChangedCatalogue(
                branches: delta.branches, categories: delta.categories,
                offers: delta.offers.map(\.offer), cursor: String(delta.sequence),
                replacesAll: delta.isComplete))
    }

    /// `GET /changes/orders?since=&from=&limit=`: one page of the caller's orders changed
    /// since the cursor, cancellations included.
    func orderChanges(_ request: APIRequest) throws -> HTTPResponse {
        let since = try cursor(request)
        let from = request.query("from") == nil ? nil : try request.queryInstant("from")
        var limit = 500
        if let text = request.query("limit") {
            guard let value = Int(text), (1...1000).contains(value) else {
                throw APIFailure.invalidInput("limit must be 1 to 1000", field: "limit")
            }
            limit = value
        }
        let delta = try store.orderChanges(
            since: since, endingFrom: from, limit: limit, scope: request.scope)
        return try Self.json(
            ChangedOrders(
                orders: delta.orders, cursor: String(delta.sequence), more: delta.more,
                replacesAll: delta.isComplete))
    }

    /// The `since` cursor: absent, or a position of the change sequence as this server
    /// wrote it.
    private func cursor(_ request: APIRequest) throws -> Int64? {
        guard let text = request.query("since") else { return nil }
        guard text.count <= 19, let value = Int64(text), value >= 0 else {
            throw APIFailure.invalidInput(
                "since must be a cursor from an earlier answer", field: "since")
        }
        return value
    }
}
