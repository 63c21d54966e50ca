import BookingAPI
import BookingCore
import BookingServer
import Foundation
import SQLite
import Secrets
import TestSupport
import Testing

/// Passwords and sessions: Argon2id hashes, 256-bit tokens stored only as hashes, idle
/// and absolute expiry, log-out, the log-in rate limit, and refusals that take as long
/// for unknown users as for known ones.
@Suite struct SessionSecurityTests {
    @Test func onlyHashesOfPasswordsAndTokensAreStored() throws {
        let server = try TestServer()
        let token = try server.client(loggedInAs: DemoData.staff).token!
        server.stop(removingData: false)
        defer { try? FileManager.default.removeItem(atPath: server.folder) }
        #expect(Self.decodedBytes(token)?.count == 32)  // 256 random bits

        let db = try Database(path: server.folder + "/booking.sqlite", readOnly: true)
        let hashes = try db.query("SELECT password_hash FROM users").map { $0.text(0) }
        #expect(!hashes.isEmpty)
        #expect(hashes.allSatisfy { $0.hasPrefix("$argon2id$") })
        let stored = try db.query("SELECT token_hash FROM sessions").map { $0.text(0) }
        #expect(stored == [Secrets.sha256Hex(token)])
        for file in ["booking.sqlite", "booking.sqlite-wal"] {
            let bytes = FileManager.default.contents(atPath: server.folder + "/" + file) ?? Data()
            #expect(bytes.range(of: Data(token.utf8)) == nil, "\(file) holds the token")
            #expect(bytes.range(of: Data("demo-staff".utf8)) == nil, "\(file) holds a password")
        }
    }

    /// The bytes of a URL-safe base64 text without padding.
    static func decodedBytes(_ text: String) -> Data? {
        let standard = text.replacingOccurrences(of: "-", with: "+")
            .replacingOccurrences(of: "_", with: "/")
        return Data(
            base64Encoded: standard + String(repeating: "=", count: (4 - standard.count % 4) % 4))
    }

    @Test func aSessionEndsAfterEightIdleHours() throws {
        let clock = TestClock()
        let server = try TestServer(clock: clock)
        defer { server.stop() }
        let idle = try server.client(loggedInAs: DemoData.staff)
        let used = try server.client(loggedInAs: DemoData.staff)
        clock.advance(by: 8 * 3600 - 60)
        #expect(try used.send("GET", APIPath.branches).status == 200)
        // The use is noted without the request waiting for it; the test waits.
        try server.running.store.waitForQueuedWrites()
        clock.advance(by: 61)
        let refused = try idle.send("GET", APIPath.branches)
        #expect(refused.status == 401)
        #expect(refused.envelope?.error.code == .unauthorized)
        #expect(try used.send("GET", APIPath.branches).status == 200)
    }

    @Test func requestsKeepASessionAliveUntilTwelveHoursAfterLogIn() throws {
        let clock = TestClock()
        let server = try TestServer(clock: clock)
        defer { server.stop() }
        let client = try server.client(loggedInAs: DemoData.staff)
        for _ in 0..<5 {
            clock.advance(by: 2 * 3600)
            #expect(try client.send("GET", APIPath.session).status == 200)
            try server.running.store.waitForQueuedWrites()
        }
        clock.advance(by: 2 * 3600 + 1)  // 12 h and 1 s after log-in, 2 h after the last use
        #expect(try client.send("GET", APIPath.session).status == 401)
    }

    @Test func logOutEndsTheTokenAndOnlyThatOne() throws {
        let server = try TestServer()
        defer { server.stop() }
        let first = try server.client(loggedInAs: DemoData.staff)
        let second = try server.client(loggedInAs: DemoData.staff)
        #expect(try first.send("DELETE", APIPath.session).status == 204)
        #expect(try first.send("GET", APIPath.session).status == 401)
        #expect(try first.send("DELETE", APIPath.session).status == 401)
        #expect(try second.send("GET", APIPath.session).status == 200)
    }

    @Test func fiveFailedLogInsIn15MinutesThenTooManyRequestsWithRetryAfter() throws {
        let clock = TestClock()
        let server = try TestServer(clock: clock)
        defer { server.stop() }
        let client = try server.client()
        let wrong = LoginRequest(account: "demo", username: "staff", password: "falsch")
        for _ in 0..<5 {
            #expect(try client.send("POST", APIPath.session, json: wrong).status == 401)
            clock.advance(by: 60)
        }
        let right = LoginRequest(account: "demo", username: "staff", password: "demo-staff")
        let limited = try client.send("POST", APIPath.session, json: right)
        #expect(limited.status == 429)
        #expect(limited.envelope?.error.code == .tooManyRequests)
        // The first failure leaves the window 15 min after it, 10 min from now.
        #expect(limited.headers["retry-after"] == String(15 * 60 - 5 * 60))

        // Other users from the same address, and unknown ones, are counted on their own.
        #expect(
            try client.send(
                "POST", APIPath.session,
                json: LoginRequest(
                    account: "demo", username: "admin", password: "demo-admin")
            ).status == 201)
        clock.advance(by: 10 * 60)
        #expect(try client.send("POST", APIPath.session, json: right).status == 201)
    }

    @Test func aSuccessfulLogInForgetsTheEarlierFailures() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try server.client()
        let wrong = LoginRequest(account: "demo", username: "staff", password: "falsch")
        for _ in 0..<4 { _ = try client.send("POST", APIPath.session, json: wrong) }
        try client.logIn(DemoData.staff)
        for _ in 0..<4 {
            #expect(try client.send("POST", APIPath.session, json: wrong).status == 401)
        }
    }

    @Test func parallelAttemptsCannotSlipPastTheLimit() throws {
        let server = try TestServer()
        defer { server.stop() }
        let base = server.running.baseURL
        let statuses = race(20) { _ in
            let client = try? APIClient(baseURL: base)
            let wrong = LoginRequest(account: "demo", username: "nord", password: "falsch")
            return (try? client?.send("POST", APIPath.session, json: wrong).status) ?? -1
        }
        #expect(statuses.filter { $0 == 401 }.count == 5)
        #expect(statuses.filter { $0 == 429 }.count == 15)
    }

    /// With real (interactive) Argon2id limits an unknown user is refused after a hash
    /// check too: it must not be answered in a fraction of the time a known one takes.
    @Test func unknownUsersTakeAsLongToRefuseAsKnownOnes() throws {
        let server = try TestServer { $0.passwordStrength = .interactive }
        defer { server.stop() }
        let client = try server.client()
        func median(_ username: String, account: String = "demo") throws -> Double {
            var times: [Double] = []
            for _ in 0..<3 {
                let started = Date()
                let response = try client.send(
                    "POST", APIPath.session,
                    json: LoginRequest(account: account, username: username, password: "x"))
                times.append(Date().timeIntervalSince(started))
                #expect(response.status == 401)
            }
            return times.sorted()[1]
        }
        let known = try median("staff")
        let unknownUser = try median("niemand")
        let unknownAccount = try median("staff", account: "nirgends")
        #expect(known > 0.02, "the hash check is missing: \(known) s")
        #expect(unknownUser > known / 2, "\(unknownUser) s against \(known) s")
        #expect(unknownAccount > known / 2, "\(unknownAccount) s against \(known) s")
    }

    @Test func customersAreRefusedAtLogInAfterTheirPasswordIsChecked() throws {
        let server = try TestServer()
        defer { server.stop() }
        let admin = try server.client(loggedInAs: DemoData.admin)
        _ = try admin.send(
            "PUT", APIPath.accountSettings, json: AccountSettings(customerPasswords: true))
        let nord = try #require(
            try admin.get([Branch].self, APIPath.branches).first { $0.name == "Filiale Nord" })
        let bike = try admin.offer(named: "Fahrrad S")
        var request = try admin.orderRequest(
            OrderDraft(
                branchID: nord.id, start: Instant.at("2031-04-01T08:00:00Z"),
                end: Instant.at("2031-04-01T12:00:00Z"), offers: [OrderItem(bike.id)]),
            clientID: "customer-login")
        request.customer = CustomerData(
            lastName: "Kunde", email: "k@example.com", termsAccepted: true)
        _ = try admin.send(
            "POST", APIPath.orders, json: request, headers: ["Idempotency-Key": "customer-login"])
        let password = try server.mailedPassword(to: "k@example.com")
        let client = try server.client()
        let right = try client.send(
            "POST", APIPath.session,
            json: LoginRequest(account: "demo", username: "k@example.com", password: password))
        #expect(right.status == 403)
        #expect(right.envelope?.error.code == .forbidden)
        let wrong = try client.send(
            "POST", APIPath.session,
            json: LoginRequest(account: "demo", username: "k@example.com", password: "x"))
        #expect(wrong.status == 401)
    }
}
