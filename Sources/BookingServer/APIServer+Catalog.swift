import BookingAPI
import BookingCore
import BookingStore
import HTTPServer

extension APIServer {
    func branches(_ request: APIRequest) throws -> HTTPResponse {
        try Self.json(try store.branches(scope: request.scope))
    }

    func categories(_ request: APIRequest) throws -> HTTPResponse {
        try Self.json(try store.categories(scope: request.scope))
    }

    /// `GET /offers?branch=&category=&q=`: everything bookable except options.
    func offers(_ request: APIRequest) throws -> HTTPResponse {
        let filter = OfferFilter(
            branchID: try request.queryID("branch"), categoryID: try request.queryID("category"),
            text: request.query("q").map { String($0.prefix(100)) }, options: false)
        return try Self.json(try store.offers(scope: request.scope, filter: filter).map(\.offer))
    }

    func offer(_ request: APIRequest) throws -> HTTPResponse {
        guard let found = try store.offer(request.id(), scope: request.scope) else {
            throw APIFailure.notFound("offer")
        }
        return try Self.json(found.offer)
    }

    /// `GET /options?branch=`: the extras (Zusatzoptionen).
    func options(_ request: APIRequest) throws -> HTTPResponse {
        let filter = OfferFilter(branchID: try request.queryID("branch"), options: true)
        return try Self.json(try store.offers(scope: request.scope, filter: filter).map(\.offer))
    }
}
