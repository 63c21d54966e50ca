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

    /// `POST /session`: counts the attempt against the rate limit, checks the password
    /// (Argon2id, outside any store lock; unknown users against a decoy hash, so that they
    /// take as long) and opens a session whose token is returned once and stored only as
    /// its SHA-256. Customers are refused (403) after a correct password.
    func logIn(_ request: APIRequest) throws -> HTTPResponse {
        let login = try request.decode(LoginRequest.self)
        guard login.account.count <= 100, login.username.count <= 100, login.password.count <= 1024
        else { throw Self.wrongCredentials }
        let support = login.account == LoginRequest.supportAccount
        let acting = support ? try actingAccount(request.http) : nil
        let attempt = LoginAttemptKey(
            account: login.account, username: login.username,
            address: ClientAddress.shortened(request.http.remoteAddress))
        try checkRateLimit(attempt, now: request.now)
        let candidate = try store.loginCandidate(
            accountSlug: login.account, username: login.username)
        let matches = withHashingSlot {
            hasher.verify(login.password, against: candidate?.passwordHash ?? decoyHash)
        }
        guard let candidate, matches else {
            logger.info("log-in refused", ["account": String(login.account.prefix(40))])
            throw Self.wrongCredentials
        }
        guard candidate.user.role != .customer else {
            throw APIFailure(403, .forbidden, "customers may not use the desk's API")
        }
        let account = acting ?? candidate.account!
        let (token, expiresAt) = (Secrets.randomToken(), sessionEnd(request.now))
        let session = try openSession(
            candidate.user, account: account, tokenHash: Secrets.sha256Hex(token),
            attempt: attempt, now: request.now, expiresAt: expiresAt)
        logger.info("logged in", ["account": account.slug, "user": "\(candidate.user.id)"])
        return try Self.json(
            LoginResponse(token: token, expiresAt: expiresAt, session: try sessionInfo(session)),
            status: 201)
    }

    static let wrongCredentials = APIFailure(
        401, .invalidCredentials, "account, user name or password is wrong")

    /// 429 with `Retry-After` once the key failed `loginLimit` times within the window.
    private func checkRateLimit(_ attempt: LoginAttemptKey, now: Date) throws {
        let decision = try store.beginLoginAttempt(
            attempt, now: now, window: policy.loginWindow, limit: policy.loginLimit)
        guard case .refused(let seconds) = decision else { return }
        var failure = APIFailure(
            429, .tooManyRequests, "too many failed log-ins; try again in \(seconds) s")
        failure.headers["Retry-After"] = String(seconds)
        logger.warning("log-in rate limited", ["ip": attempt.address])
        throw failure
    }

    /// Whole seconds, as stored, so that the answer and the store agree.
    private func sessionEnd(_ now: Date) -> Date {
        Date(
            timeIntervalSince1970: (now + policy.sessionLifetime).timeIntervalSince1970.rounded(
                .down))
    }

    private func openSession(
        _ user: UserInfo, account: AccountInfo, tokenHash: String, attempt: LoginAttemptKey,
        now: Date, expiresAt: Date
    ) throws -> SessionContext {
        if user.role == .superuser {
            let context = Self.superuserContext(user, in: account, expiresAt: expiresAt)
            try store.createSuperuserSession(
                tokenHash: tokenHash, superuser: user, scope: context.scope, now: now,
                expiresAt: expiresAt, attempt: attempt)
            return context
        }
        let actor = AuditActor(kind: .user, id: user.id.rawValue, name: user.username)
        try store.createSession(
            tokenHash: tokenHash, user: user.id,
            scope: Scope(accountID: account.id, userID: user.id, actor: actor), now: now,
            expiresAt: expiresAt, attempt: attempt)
        guard
            let session = try store.session(
                tokenHash: tokenHash, now: now, idleTimeout: policy.idleTimeout)
        else { throw APIFailure(500, .internalError, "the new session was not found") }
        return session
    }

    /// `GET /session`.
    func me(_ request: APIRequest) throws -> HTTPResponse {
        try Self.json(try sessionInfo(request.caller))
    }

    /// `DELETE /session`: the token stops working at once.
    func logOut(_ request: APIRequest) throws -> HTTPResponse {
        guard let token = Self.bearerToken(request.http) else { throw APIFailure.unauthorized }
        try store.endSession(
            tokenHash: Secrets.sha256Hex(token), scope: request.scope, now: request.now)
        return Self.noContent()
    }

    /// Who is logged in and what they may see; a guide sees no branch and no category.
    private func sessionInfo(_ session: SessionContext) throws -> SessionInfo {
        guard session.user.role != .guide else {
            return SessionInfo(
                user: session.user, account: session.account, branchIDs: [], categoryIDs: [])
        }
        let branches = try store.branches(scope: session.scope).map(\.id)
        let categories = try store.categories(scope: session.scope).map(\.id)
        return SessionInfo(
            user: session.user, account: session.account, branchIDs: branches,
            categoryIDs: categories)
    }
}
