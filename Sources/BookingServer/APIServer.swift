// BookingServer: routes, authentication and roles of the booking API.

import BookingAPI
import BookingCore
import BookingStore
import Dispatch
import Foundation
import HTTPServer
import Logging
import Secrets
import Synchronization

/// Turns HTTP requests into store calls: routing, authentication, decoding, error envelope
/// and the one log line per request.
final class APIServer: Sendable {
    let store: BookingStore
    let logger: Logger
    let hasher: PasswordHasher
    let clock: @Sendable () -> Date
    let policy: SecurityPolicy
    let mailer: Mailer
    let accessLog: AccessLog
    let routes: RouteTable
    /// At most this many Argon2id hashes at once: each takes 64 MiB and a core for 0.14 s.
    private let hashing = DispatchSemaphore(value: 2)
    /// Verified when the user name is unknown, so that a log-in takes as long either way.
    let decoyHash: String
    private let requestCounter = Atomic<UInt64>(0)
    /// Opening hours per branch and month, computed once: zone conversions are costly.
    let openingHours = OpeningHoursCache()
    /// Month-view rows, each checked against the store on use.
    let monthViews: MonthViewCache
    private let openAPIDocument: [UInt8]

    init(
        store: BookingStore, logger: Logger, hasher: PasswordHasher,
        clock: @escaping @Sendable () -> Date, policy: SecurityPolicy, mailer: Mailer,
        accessLog: AccessLog, cachesMonthViews: Bool = true
    ) throws {
        self.monthViews = MonthViewCache(capacity: cachesMonthViews ? 20_000 : 0)
        self.store = store
        self.logger = logger
        self.hasher = hasher
        self.clock = clock
        self.policy = policy
        self.mailer = mailer
        self.accessLog = accessLog
        self.routes = RouteTable(routes: APIServer.table)
        self.decoyHash = try hasher.hash(Secrets.randomToken())
        self.openAPIDocument = OpenAPIDocument.data().map { Array($0) } ?? Array("{}".utf8)
    }

    /// Runs `body` while holding one of the few password-hashing slots.
    func withHashingSlot<T>(_ body: () throws -> T) rethrows -> T {
        hashing.wait()
        defer { hashing.signal() }
        return try body()
    }

    var openAPI: [UInt8] { openAPIDocument }

    // MARK: - Requests

    /// Answers one request; never throws and never answers bad input with a 5xx.
    func handle(_ request: HTTPRequest) -> HTTPResponse {
        let started = DispatchTime.now().uptimeNanoseconds
        let id = nextRequestID()
        var response: HTTPResponse
        do {
            response = try route(request)
        } catch {
            response = Self.errorResponse(failure(error, request: id))
        }
        response.headers["X-Request-ID"] = id
        logRequest(request, response: response, id: id, started: started)
        return response
    }

    /// The answer for an error thrown while handling request `id`; faults are logged.
    func failure(_ error: any Error, request id: String) -> APIFailure {
        switch error {
        case let failure as APIFailure:
            return failure
        case let error as StoreError:
            if case .database = error {
                logger.error("store failed", ["request": id, "error": "\(error)"])
            }
            return APIFailure(error)
        default:
            logger.error("request failed", ["request": id, "error": "\(error)"])
            return APIFailure(500, .internalError, "unexpected failure")
        }
    }

    /// Answers a request the HTTP layer refused before reading it.
    func refuse(_ refusal: HTTPRefusal, request: HTTPRequest) -> HTTPResponse {
        let failure: APIFailure
        switch refusal {
        case .bodyTooLarge(let limit):
            failure = APIFailure(413, .payloadTooLarge, "the body is larger than \(limit) bytes")
        case .targetTooLong(let limit):
            failure = APIFailure(414, .uriTooLong, "path and query are longer than \(limit) bytes")
        }
        let id = nextRequestID()
        var response = Self.errorResponse(failure)
        response.headers["X-Request-ID"] = id
        logRequest(
            request, response: response, id: id, started: DispatchTime.now().uptimeNanoseconds)
        return response
    }

    private func route(_ request: HTTPRequest) throws -> HTTPResponse {
        switch routes.lookup(method: request.method, path: request.path) {
        case .notFound:
            throw APIFailure(404, .notFound, "no such path")
        case .methodNotAllowed(let allowed):
            var response = Self.errorResponse(
                APIFailure(405, .methodNotAllowed, "use \(allowed.joined(separator: " or "))"))
            response.headers["Allow"] = allowed.joined(separator: ", ")
            return response
        case .found(let route, let parameters):
            let now = clock()
            guard route.access != .anyone else {
                let apiRequest = APIRequest(
                    http: request, parameters: parameters, session: nil, now: now)
                return try route.handler(self, apiRequest)
            }
            let session = try authenticate(request, now: now)
            let apiRequest = APIRequest(
                http: request, parameters: parameters, session: session, now: now)
            guard session.user.role == .superuser else {
                try authorize(session, for: route)
                return try route.handler(self, apiRequest)
            }
            return try auditedForSuperuser(route, apiRequest)
        }
    }

    /// 403 for a role the route's access rule does not name.
    private func authorize(_ session: SessionContext, for route: Route) throws {
        guard !route.access.roles.contains(session.user.role) else { return }
        throw session.user.role == .customer
            ? APIFailure(403, .forbidden, "customers may not use the desk's API")
            : APIFailure.forbidden
    }

    /// The live session of the bearer token: a user's, or a superuser's acting in the
    /// account named by `X-Account`.
    func authenticate(_ request: HTTPRequest, now: Date) throws -> SessionContext {
        guard let token = Self.bearerToken(request) else { throw APIFailure.unauthorized }
        let hash = Secrets.sha256Hex(token)
        if let session = try store.session(
            tokenHash: hash, now: now, idleTimeout: policy.idleTimeout)
        {
            return session
        }
        if let superuser = try store.superuserSession(
            tokenHash: hash, now: now, idleTimeout: policy.idleTimeout)
        {
            let account = try actingAccount(request)
            return Self.superuserContext(
                superuser.user, in: account, expiresAt: superuser.expiresAt)
        }
        throw APIFailure(401, .unauthorized, "the session is unknown or has ended")
    }

    /// The account a superuser's request names in `X-Account`.
    func actingAccount(_ request: HTTPRequest) throws -> AccountInfo {
        let header = APIPath.accountHeader
        guard let slug = request.header(header), !slug.isEmpty else {
            throw APIFailure.invalidInput(
                "a superuser names the account of every request in \(header)", field: header)
        }
        guard slug.count <= 100, let account = try store.account(slug: slug) else {
            throw APIFailure(404, .notFound, "account not found")
        }
        return account
    }

    static func superuserContext(_ user: UserInfo, in account: AccountInfo, expiresAt: Date)
        -> SessionContext
    {
        let actor = AuditActor(kind: .superuser, id: user.id.rawValue, name: user.username)
        return SessionContext(
            user: user, account: account, scope: Scope(accountID: account.id, actor: actor),
            expiresAt: expiresAt)
    }

    /// Runs a superuser's request (refused ones too) and records it as
    /// `session.superuser_access` with the superuser's name, method, route and status; if
    /// the record cannot be written, the answer is withheld.
    private func auditedForSuperuser(_ route: Route, _ request: APIRequest) throws
        -> HTTPResponse
    {
        var response: HTTPResponse
        do {
            try authorize(request.caller, for: route)
            response = try route.handler(self, request)
        } catch {
            response = Self.errorResponse(failure(error, request: "superuser"))
        }
        try store.recordAudit(
            action: "session.superuser_access",
            target: AuditTarget(type: "account", id: request.caller.account.id.rawValue),
            details: [
                "method": route.method, "route": route.template,
                "status": String(response.status),
            ], scope: request.scope, at: request.now)
        return response
    }

    static func bearerToken(_ request: HTTPRequest) -> String? {
        guard let header = request.headers["authorization"] else { return nil }
        let parts = header.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1]
        guard token.utf8.count <= 256 else { return nil }
        return String(token)
    }

    // MARK: - Responses

    static func json<T: Encodable>(_ value: T, status: Int = 200) throws -> HTTPResponse {
        HTTPResponse(
            status: status, headers: ["Content-Type": APIJSON.contentType],
            body: Array(try APIJSON.sharedEncoder.encode(value)))
    }

    static func noContent() -> HTTPResponse {
        HTTPResponse(status: 204)
    }

    static func errorResponse(_ failure: APIFailure) -> HTTPResponse {
        let body = (try? APIJSON.sharedEncoder.encode(failure.envelope)).map { Array($0) } ?? []
        var headers = failure.headers
        headers["Content-Type"] = APIJSON.contentType
        return HTTPResponse(status: failure.status, headers: headers, body: body)
    }

    // MARK: - Logging

    private func nextRequestID() -> String {
        let number = requestCounter.wrappingAdd(1, ordering: .relaxed).newValue
        return String(number, radix: 16)
    }

    /// One line per request in the server's log, and one in the access log. The query is
    /// left out: it may hold a customer's name.
    private func logRequest(
        _ request: HTTPRequest, response: HTTPResponse, id: String, started: UInt64
    ) {
        let micros = (DispatchTime.now().uptimeNanoseconds - started) / 1000
        accessLog.record(request, status: response.status, micros: micros)
        let level: LogLevel = response.status >= 500 ? .error : .info
        guard logger.isEnabled(level) else { return }
        let path = request.path.count > 120 ? String(request.path.prefix(120)) + "…" : request.path
        logger.log(
            level, "request",
            [
                "id": id, "method": String(request.method.prefix(16)), "path": path,
                "status": String(response.status),
                "ms": String(format: "%.3f", Double(micros) / 1000),
            ])
    }
}
