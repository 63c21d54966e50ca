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
    let sessionLifetime: TimeInterval
    let routes: RouteTable
    /// At most this many Argon2id hashes at once: each takes 64 MiB and a core for 0.14 s.
    private let hashing = DispatchSemaphore(value: 2)
    /// Verified when the user name is unknown, so that a log-in takes as long either way.
    let decoyHash: String
    private let requestCounter = Atomic<UInt64>(0)
    private let openAPIDocument: [UInt8]

    init(
        store: BookingStore, logger: Logger, hasher: PasswordHasher,
        clock: @escaping @Sendable () -> Date,
        sessionLifetime: TimeInterval
    ) throws {
        self.store = store
        self.logger = logger
        self.hasher = hasher
        self.clock = clock
        self.sessionLifetime = sessionLifetime
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
        } catch let failure as APIFailure {
            response = Self.errorResponse(failure)
        } catch let error as StoreError {
            if case .database = error {
                logger.error("store failed", ["request": id, "error": "\(error)"])
            }
            response = Self.errorResponse(APIFailure(error))
        } catch {
            logger.error("request failed", ["request": id, "error": "\(error)"])
            response = Self.errorResponse(APIFailure(500, .internalError, "unexpected failure"))
        }
        response.headers["X-Request-ID"] = id
        logRequest(request, response: response, id: id, started: started)
        return response
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
            let session = try authenticate(request, access: route.access, now: now)
            let apiRequest = APIRequest(
                http: request, parameters: parameters, session: session, now: now)
            return try route.handler(self, apiRequest)
        }
    }

    private func authenticate(_ request: HTTPRequest, access: Access, now: Date) throws
        -> SessionContext?
    {
        guard access != .anyone else { return nil }
        guard let token = Self.bearerToken(request) else { throw APIFailure.unauthorized }
        guard let session = try store.session(tokenHash: Secrets.sha256Hex(token), now: now) else {
            throw APIFailure(401, .unauthorized, "the session is unknown or has ended")
        }
        switch session.user.role {
        case .admin, .staff, .superuser:
            return session
        case .guide, .customer:
            throw APIFailure(403, .forbidden, "this role may not use the desk's API")
        }
    }

    static func bearerToken(_ request: HTTPRequest) -> String? {
        guard let header = request.header("Authorization") else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty, token.count <= 256 else { return nil }
        return token
    }

    // MARK: - Responses

    static func json<T: Encodable>(_ value: T, status: Int = 200) throws -> HTTPResponse {
        HTTPResponse(
            status: status, headers: ["Content-Type": APIJSON.contentType],
            body: Array(try APIJSON.encoder().encode(value)))
    }

    static func noContent() -> HTTPResponse {
        HTTPResponse(status: 204)
    }

    static func errorResponse(_ failure: APIFailure) -> HTTPResponse {
        let body = (try? APIJSON.encoder().encode(failure.envelope)).map { Array($0) } ?? []
        return HTTPResponse(
            status: failure.status, headers: ["Content-Type": APIJSON.contentType], body: body)
    }

    // MARK: - Logging

    private func nextRequestID() -> String {
        let number = requestCounter.wrappingAdd(1, ordering: .relaxed).newValue
        return String(number, radix: 16)
    }

    /// One line per request. The query is left out: it may hold a customer's name.
    private func logRequest(
        _ request: HTTPRequest, response: HTTPResponse, id: String, started: UInt64
    ) {
        let level: LogLevel = response.status >= 500 ? .error : .info
        guard logger.isEnabled(level) else { return }
        let micros = (DispatchTime.now().uptimeNanoseconds - started) / 1000
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
