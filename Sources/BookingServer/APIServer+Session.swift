import BookingAPI
import BookingCore
import BookingStore
import Foundation
import HTTPServer
import Secrets

extension APIServer {
    /// The version the health check reports.
    static let version = "0.1.0"

    func health() throws -> HTTPResponse {
        try Self.json(Health(status: "ok", version: Self.version))
    }

    func openAPIResponse() -> HTTPResponse {
        HTTPResponse(status: 200, headers: ["Content-Type": APIJSON.contentType], body: openAPI)
    }

    /// `POST /session`: checks the password (Argon2id, outside any store lock) and opens a
    /// session whose token is returned once and stored only as its SHA-256.
    func logIn(_ request: APIRequest) throws -> HTTPResponse {
        let login = try request.decode(LoginRequest.self)
        guard login.account.count <= 100, login.username.count <= 100, login.password.count <= 1024
        else {
            throw APIFailure(401, .invalidCredentials, "account, user name or password is wrong")
        }
        let candidate = try store.loginCandidate(
            accountSlug: login.account, username: login.username)
        let matches = withHashingSlot {
            hasher.verify(login.password, against: candidate?.passwordHash ?? decoyHash)
        }
        guard let candidate, matches else {
            logger.info("log-in refused", ["account": String(login.account.prefix(40))])
            throw APIFailure(401, .invalidCredentials, "account, user name or password is wrong")
        }
        switch candidate.user.role {
        case .admin, .staff, .superuser: break
        case .guide, .customer:
            throw APIFailure(403, .forbidden, "this role may not use the desk's API")
        }
        let token = Secrets.randomToken()
        let expiresAt = Date(
            timeIntervalSince1970: (request.now + sessionLifetime).timeIntervalSince1970.rounded(
                .down))
        try store.createSession(
            tokenHash: Secrets.sha256Hex(token), user: candidate.user.id,
            scope: .account(candidate.account.id), now: request.now, expiresAt: expiresAt)
        guard let session = try store.session(tokenHash: Secrets.sha256Hex(token), now: request.now)
        else { throw APIFailure(500, .internalError, "the new session was not found") }
        logger.info(
            "logged in", ["account": candidate.account.slug, "user": "\(candidate.user.id)"])
        let info = try sessionInfo(session)
        return try Self.json(
            LoginResponse(token: token, expiresAt: expiresAt, session: info), status: 201)
    }

    /// `GET /session`.
    func me(_ request: APIRequest) throws -> HTTPResponse {
        try Self.json(try sessionInfo(request.caller))
    }

    /// `DELETE /session`: the token stops working at once.
    func logOut(_ request: APIRequest) throws -> HTTPResponse {
        guard let token = Self.bearerToken(request.http) else { throw APIFailure.unauthorized }
        try store.endSession(tokenHash: Secrets.sha256Hex(token), now: request.now)
        return Self.noContent()
    }

    private func sessionInfo(_ session: SessionContext) throws -> SessionInfo {
        let branches = try store.branches(scope: session.scope).map(\.id)
        let categories = try store.categories(scope: session.scope).map(\.id)
        return SessionInfo(
            user: session.user, account: session.account, branchIDs: branches,
            categoryIDs: categories)
    }
}
