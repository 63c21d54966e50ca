import BookingAPI
import BookingCore
import BookingServer
import BookingStore
import Curl
import Foundation
import Secrets

/// `booking-bench security`: what the security model costs, on the generated catalogue of
/// `booking-bench server` (500 offers, 50,000 orders) served by a real server:
///
/// - log-in: p50/p99 of one client logging in again and again, and log-ins per second of
///   several clients at once, with libsodium's interactive Argon2id limits (the server
///   hashes at most two passwords at once, so two cores are the ceiling);
/// - authorisation: availability requests per second for a staff user restricted to one
///   branch and one category against an admin, the same requests side by side in
///   alternating slices (goal: the restricted user within 10 % of the admin).
enum SecurityBenchmark {
    struct Options {
        var offers = 500
        var orders = 50_000
        var seconds = 16.0
        var readClients = 4
        var loginClients = 4
        var folder: String?
    }

    /// The restricted user must reach this share of the admin's rate.
    static let goal = 0.9

    static func run(_ arguments: [String]) -> Int32 {
        guard let options = parse(arguments) else {
            print(
                "usage: booking-bench security [--offers N] [--orders N] [--seconds S]"
                    + " [--clients N] [--login-clients N] [--folder DIR]")
            return 2
        }
        do {
            try Secrets.initialize()
            return try benchmark(options) ? 0 : 1
        } catch {
            FileHandle.standardError.write(Data("booking-bench security: \(error)\n".utf8))
            return 1
        }
    }

    private static func parse(_ arguments: [String]) -> Options? {
        var options = Options()
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { return nil }
            switch flag {
            case "--offers": options.offers = Int(value) ?? options.offers
            case "--orders": options.orders = Int(value) ?? options.orders
            case "--seconds": options.seconds = Double(value) ?? options.seconds
            case "--clients": options.readClients = Int(value) ?? options.readClients
            case "--login-clients": options.loginClients = Int(value) ?? options.loginClients
            case "--folder": options.folder = value
            default: return nil
            }
        }
        return options
    }

    /// The generated account's users for this benchmark.
    struct Users {
        static let admin = "bench-admin"
        static let restricted = "bench-restricted"
    }

    private static func benchmark(_ options: Options) throws -> Bool {
        let folder = options.folder ?? NSTemporaryDirectory() + "booking-bench-" + UUID().uuidString
        defer { if options.folder == nil { try? FileManager.default.removeItem(atPath: folder) } }
        print(
            "booking-bench security: \(options.offers) offers, \(options.orders) orders in "
                + "\(folder)"
        )
        let generated = try Catalogue.generate(
            folder: folder, offers: options.offers, orders: options.orders)
        let offer = generated.offers[0]
        try addUsers(folder: folder, branch: offer.branchID, category: offer.categoryID)

        let server = try BookingServer.start(
            BookingServer.Configuration(
                dataFolder: folder, accessLog: .dataFolder, backupInterval: nil))
        defer { server.stop() }
        let base = server.baseURL + APIPath.prefix
        let logins = try logInTimes(base: base, options: options)
        let ratios = try authorisation(base: base, offer: offer, options: options)
        return report(logins, ratios, options: options)
    }

    /// An admin and a staff user restricted to the branch and category of the measured
    /// offer, both with the generated catalogue's password.
    private static func addUsers(folder: String, branch: BranchID, category: CategoryID) throws {
        let store = try BookingStore(folder: folder)
        defer { store.close() }
        guard let account = try store.account(slug: Catalogue.account) else {
            throw BenchmarkFailure("the generated account is missing")
        }
        let hash = try PasswordHasher().hash(Catalogue.password)
        let scope = Scope.account(account.id)
        _ = try store.createUser(
            NewUser(
                username: Users.admin, name: "Admin", email: "admin@example.com", role: .admin,
                passwordHash: hash), scope: scope)
        _ = try store.createUser(
            NewUser(
                username: Users.restricted, name: "Restricted", email: "r@example.com",
                role: .staff, passwordHash: hash, branchIDs: [branch], categoryIDs: [category]),
            scope: scope)
    }

    // MARK: - Log-in

    struct LoginFigures {
        let sequential: ServerBenchmark.Measurement
        let concurrent: ServerBenchmark.Measurement
    }

    private static func logInTimes(base: String, options: Options) throws -> LoginFigures {
        let body = Array(
            try APIJSON.encoder().encode(
                LoginRequest(
                    account: Catalogue.account, username: "bench", password: Catalogue.password)))
        let request = HTTPClient.Request(
            method: "POST", url: base + "/session",
            headers: ["Content-Type": APIJSON.contentType], body: body)
        let phase = options.seconds / 4
        let sequential = ServerBenchmark.load(clients: 1, seconds: phase) { _, _ in request }
        let concurrent = ServerBenchmark.load(clients: options.loginClients, seconds: phase) {
            _, _ in request
        }
        return LoginFigures(sequential: sequential, concurrent: concurrent)
    }

    // MARK: - Authorisation

    struct Comparison {
        let name: String
        let admin: ServerBenchmark.Measurement
        let restricted: ServerBenchmark.Measurement

        var ratio: Double { restricted.rate / max(admin.rate, 1) }
    }

    /// The same availability requests as the admin and as the restricted user, in
    /// alternating slices (each first in every other one) so that other load on the
    /// machine weighs on both alike.
    private static func authorisation(base: String, offer: Offer, options: Options) throws
        -> [Comparison]
    {
        let tokens = try [Users.admin, Users.restricted].map { try logIn(base: base, as: $0) }
        let month = base + "/availability/month?month=2031-06&offer=\(offer.id)"
        let interval =
            base + "/availability/interval?branch=\(offer.branchID)&category=\(offer.categoryID)"
            + "&start=2031-06-03T08:00:00Z&end=2031-06-03T12:00:00Z"
        let slices = 16
        let slice = options.seconds / Double(slices)
        var results: [Comparison] = []
        for (name, url) in [("month, 1 offer", month), ("interval, 1 branch", interval)] {
            var measured = [ServerBenchmark.Measurement(), ServerBenchmark.Measurement()]
            for number in 0..<slices {
                // Each goes first in every other slice, so that neither always follows
                // the other.
                let order = number % 2 == 0 ? [0, 1] : [1, 0]
                for index in order {
                    let token = tokens[index]
                    let request = HTTPClient.Request(
                        url: url, headers: ["Authorization": "Bearer " + token])
                    measured[index].add(
                        ServerBenchmark.load(clients: options.readClients, seconds: slice) { _, _ in
                            request
                        })
                }
            }
            results.append(Comparison(name: name, admin: measured[0], restricted: measured[1]))
        }
        return results
    }

    private static func logIn(base: String, as username: String) throws -> String {
        let client = try HTTPClient()
        let body = try APIJSON.encoder().encode(
            LoginRequest(
                account: Catalogue.account, username: username, password: Catalogue.password))
        let response = try client.send(
            HTTPClient.Request(method: "POST", url: base + "/session", body: Array(body)))
        guard response.status == 201 else {
            throw BenchmarkFailure("log-in as \(username) answered \(response.status)")
        }
        return try APIJSON.decoder().decode(LoginResponse.self, from: Data(response.body)).token
    }

    // MARK: - Report

    private static func report(
        _ logins: LoginFigures, _ comparisons: [Comparison], options: Options
    ) -> Bool {
        print("")
        let one = logins.sequential
        let many = logins.concurrent
        print(
            String(
                format:
                    "log-in, 1 client:  p50 %.1f ms, p99 %.1f ms, %.1f log-ins/s (%d non-2xx)",
                one.percentile(0.5), one.percentile(0.99), one.rate, one.failures))
        print(
            String(
                format:
                    "log-in, %d clients: p50 %.1f ms, p99 %.1f ms, %.1f log-ins/s (%d non-2xx)",
                options.loginClients, many.percentile(0.5), many.percentile(0.99), many.rate,
                many.failures))
        print("  (Argon2id with libsodium's interactive limits, at most 2 hashes at once)")
        print("")
        var met = true
        for comparison in comparisons {
            let (admin, restricted) = (comparison.admin, comparison.restricted)
            let ok = comparison.ratio >= goal && admin.failures == 0 && restricted.failures == 0
            met = met && ok
            print(
                String(
                    format:
                        "availability %@: admin %.0f/s (p99 %.2f ms), restricted %.0f/s (p99 %.2f "
                        + "ms):"
                        + " %.0f %% (goal >= %.0f %%: %@)",
                    comparison.name, admin.rate, admin.percentile(0.99), restricted.rate,
                    restricted.percentile(0.99), 100 * comparison.ratio, 100 * goal,
                    ok ? "met" : "MISSED"))
        }
        print(
            "  (\(options.readClients) clients each; restricted = staff limited to one branch"
                + " and one category; 16 alternating slices; access log on)")
        return met
    }
}
