import BookingAPI
import BookingCore
import Curl
import Foundation
import Logging

/// A blocking, typed client of the booking API, over one reusable libcurl connection.
///
/// Every call waits for the server; the desk's UI never calls it directly but through
/// `BookingWorker`, which runs it on its own thread. Use an instance from one thread at a
/// time. After `logIn` the client sends the session's bearer token with every call.
public final class BookingClient {
    /// Where the server is and how long to wait for it.
    public struct Configuration: Sendable {
        /// `https://host:port` or `http://127.0.0.1:port`, without `/api/v1`.
        public var baseURL: String
        /// A PEM file of CA certificates for a server with a private CA. TLS verification
        /// of peer and host name is always on.
        public var caFile: String?
        public var connectTimeout: Duration
        public var requestTimeout: Duration
        public var userAgent: String
        /// Records one debug line per call (path, status, time; never bodies).
        public var logger: Logger

        public init(
            baseURL: String, caFile: String? = nil, connectTimeout: Duration = .seconds(3),
            requestTimeout: Duration = .seconds(10), userAgent: String = "booking-desk",
            logger: Logger = .silent
        ) {
            self.baseURL = baseURL
            self.caFile = caFile
            self.connectTimeout = connectTimeout
            self.requestTimeout = requestTimeout
            self.userAgent = userAgent
            self.logger = logger
        }
    }

    public let configuration: Configuration
    /// The session's bearer token: set by `logIn`, cleared by `logOut` and when the server
    /// says the session ended. Set it to resume a session the desk kept.
    public var token: String?
    let http: HTTPClient
    /// `configuration.baseURL` without a trailing slash.
    let baseURL: String

    /// Makes a client; fails only if libcurl cannot be initialised.
    public init(configuration: Configuration, token: String? = nil) throws(DeskClientError) {
        self.configuration = configuration
        self.token = token
        baseURL =
            configuration.baseURL.hasSuffix("/")
            ? String(configuration.baseURL.dropLast()) : configuration.baseURL
        do {
            http = try HTTPClient(
                configuration: .init(
                    connectTimeout: configuration.connectTimeout,
                    requestTimeout: configuration.requestTimeout, caFile: configuration.caFile,
                    userAgent: configuration.userAgent))
        } catch {
            throw DeskClientError(error)
        }
    }

    // MARK: - Session

    /// `GET /health`: whether the server is up; needs no session.
    public func health() throws(DeskClientError) -> Health {
        try get(APIPath.health)
    }

    /// `POST /session`: logs in and keeps the token for the calls that follow.
    public func logIn(_ login: LoginRequest) throws(DeskClientError) -> LoginResponse {
        let response: LoginResponse = try send("POST", APIPath.session, body: login)
        token = response.token
        return response
    }

    /// `DELETE /session`: ends the session on the server and forgets the token.
    public func logOut() throws(DeskClientError) {
        defer { token = nil }
        try sendWithoutAnswer("DELETE", APIPath.session)
    }

    /// `GET /session`: who is logged in and what they may see.
    public func me() throws(DeskClientError) -> SessionInfo {
        try get(APIPath.session)
    }

    // MARK: - Catalogue

    public func branches() throws(DeskClientError) -> [Branch] {
        try get(APIPath.branches)
    }

    public func categories() throws(DeskClientError) -> [Category] {
        try get(APIPath.categories)
    }

    /// `GET /offers`: everything bookable except options, filtered.
    public func offers(_ search: OfferSearch = .init()) throws(DeskClientError) -> [Offer] {
        try get(APIPath.offers, query: search.queryItems)
    }

    public func offer(_ id: OfferID) throws(DeskClientError) -> Offer {
        try get(APIPath.offer(id))
    }

    /// `GET /options`: the extras (Zusatzoptionen), of one branch or all.
    public func options(branch: BranchID? = nil) throws(DeskClientError) -> [Offer] {
        try get(APIPath.options, query: [("branch", branch?.description)])
    }

    // MARK: - Availability

    /// Free units per offer and day of the month that `month` lies in.
    public func monthAvailability(
        month: LocalDate, _ filter: AvailabilityFilter
    ) throws(DeskClientError) -> MonthAvailability {
        let text = "\(month.year)-\(month.month < 10 ? "0" : "")\(month.month)"
        return try get(APIPath.monthAvailability, query: [("month", text)] + filter.queryItems)
    }

    /// Free units per offer over `[start, end)`.
    public func intervalAvailability(
        start: Date, end: Date, _ filter: AvailabilityFilter
    ) throws(DeskClientError) -> IntervalAvailability {
        let instants = [("start", Self.instant(start)), ("end", Self.instant(end))]
        return try get(APIPath.intervalAvailability, query: instants + filter.queryItems)
    }

    // MARK: - Quotes, holds and orders

    /// `POST /quotes`: the server's price of a draft.
    public func quote(_ draft: OrderDraft) throws(DeskClientError) -> PricedOrder {
        try send("POST", APIPath.quotes, body: draft)
    }

    /// `POST /holds`: keeps the draft's units for the account's hold time.
    public func createHold(_ draft: OrderDraft) throws(DeskClientError) -> HoldInfo {
        try send("POST", APIPath.holds, body: HoldRequest(draft: draft))
    }

    /// `DELETE /holds/{id}`: gives the held units back before the hold expires.
    public func releaseHold(_ id: HoldID) throws(DeskClientError) {
        try sendWithoutAnswer("DELETE", APIPath.hold(id))
    }

    /// `POST /orders` with the order's client id as `Idempotency-Key`: sending the same
    /// order again (after a lost answer, from the outbox) never makes a second one.
    public func createOrder(_ order: CreateOrderRequest) throws(DeskClientError) -> OrderInfo {
        try send(
            "POST", APIPath.orders, body: order,
            headers: [APIPath.idempotencyKeyHeader: order.clientID])
    }

    /// `GET /orders`: one page of matching orders, newest first.
    public func orders(_ search: OrderSearch = .init()) throws(DeskClientError) -> OrderList {
        try get(APIPath.orders, query: search.queryItems)
    }

    public func order(_ id: OrderID) throws(DeskClientError) -> OrderInfo {
        try get(APIPath.order(id))
    }

    public func cancelOrder(_ id: OrderID) throws(DeskClientError) -> OrderInfo {
        try send("POST", APIPath.cancelOrder(id))
    }

    public func pickUpOrder(_ id: OrderID) throws(DeskClientError) -> OrderInfo {
        try send("POST", APIPath.pickUpOrder(id))
    }

    public func returnOrder(_ id: OrderID) throws(DeskClientError) -> OrderInfo {
        try send("POST", APIPath.returnOrder(id))
    }

    // MARK: - Delta sync

    /// `GET /changes/catalogue`: what of the catalogue changed since `since` (everything
    /// when nil), with the cursor for next time.
    public func catalogueChanges(since: String?) throws(DeskClientError) -> ChangedCatalogue {
        try get(APIPath.catalogueChanges, query: [("since", since)])
    }

    /// `GET /changes/orders`: one page of orders changed since `since`, leaving out those
    /// that ended before `from`.
    public func orderChanges(since: String?, from: Date?, limit: Int?) throws(DeskClientError)
        -> ChangedOrders
    {
        try get(
            APIPath.orderChanges,
            query: [
                ("since", since), ("from", from.map(Self.instant)),
                ("limit", limit.map(String.init)),
            ])
    }

    // MARK: - Guides

    /// `GET /guide/tours`: the released tours assigned to the guide logged in.
    public func guideTours() throws(DeskClientError) -> [GuideTour] {
        try get(APIPath.guideTours)
    }

    // FIXME: the admin's calls (users, guides, tours, audit events) have their wire types
    // in BookingAPI but no methods here yet; the admin screens need them.
}
