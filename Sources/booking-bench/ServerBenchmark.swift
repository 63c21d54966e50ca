import BookingAPI
import BookingCore
import BookingServer
import BookingStore
import Curl
import Foundation
import SQLite
import Secrets
import Synchronization

/// `booking-bench server`: starts a real booking server over a generated catalogue (500
/// offers, 50,000 orders) and prints, side by side in one run, the request rate and p50/p99
/// latency of GET /health, of a month of availability of one offer, and of order creation
/// (one client, then 16), next to the rate of bare one-row durable SQLite commits on the
/// same disk: the ceiling for durable orders.
enum ServerBenchmark {
    struct Options {
        var offers = 500
        var orders = 50_000
        var seconds = 8.0
        var readClients = 4
        var orderClients = 16
        var folder: String?
        /// Only this phase, for profiling: health, month, orders1 or orders16.
        var phase: String?
        /// libmicrohttpd's threads: 0 for one per connection, n for a pool of n.
        var pool = 0
    }

    static func run(_ arguments: [String]) {
        let options = parse(arguments)
        do {
            try Secrets.initialize()
            try benchmark(options)
        } catch {
            FileHandle.standardError.write(Data("booking-bench server: \(error)\n".utf8))
            exit(1)
        }
    }

    private static func parse(_ arguments: [String]) -> Options {
        var options = Options()
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            let value = rest.popFirst() ?? ""
            switch flag {
            case "--offers": options.offers = Int(value) ?? options.offers
            case "--orders": options.orders = Int(value) ?? options.orders
            case "--seconds": options.seconds = Double(value) ?? options.seconds
            case "--folder": options.folder = value
            case "--phase": options.phase = value
            case "--pool": options.pool = Int(value) ?? 0
            default:
                print(
                    "usage: booking-bench server [--offers N] [--orders N] [--seconds S]"
                        + " [--folder DIR] [--phase health|month|orders1|orders16]")
                exit(2)
            }
        }
        return options
    }

    private static func benchmark(_ options: Options) throws {
        let folder = options.folder ?? NSTemporaryDirectory() + "booking-bench-" + UUID().uuidString
        defer { if options.folder == nil { try? FileManager.default.removeItem(atPath: folder) } }
        print(
            "booking-bench server: generating \(options.offers) offers and \(options.orders) "
                + "orders in \(folder)"
        )
        let generated = try Catalogue.generate(
            folder: folder, offers: options.offers, orders: options.orders)
        print(String(format: "  generated in %.1f s", generated.seconds))

        let server = try BookingServer.start(
            BookingServer.Configuration(
                dataFolder: folder,
                threading: options.pool > 0 ? .threadPool(options.pool) : .threadPerConnection))
        defer { server.stop() }
        let base = server.baseURL + APIPath.prefix
        let token = try logIn(base: base)
        let auth = ["Authorization": "Bearer " + token]

        let orders = OrderRequests(generated: generated, auth: auth, url: base + "/orders")
        let monthQuery = "/availability/month?month=2031-06&offer=\(generated.busiestOffer)"
        let month = base + monthQuery
        // The same data served without the month-view cache: every request computes.
        let uncachedServer = try BookingServer.start(
            BookingServer.Configuration(dataFolder: folder, cachesMonthViews: false))
        defer { uncachedServer.stop() }
        let uncachedMonth = uncachedServer.baseURL + APIPath.prefix + monthQuery
        if let phase = options.phase {
            let clients = phase == "orders16" ? options.orderClients : options.readClients
            let cpuBefore = cpuSeconds()
            let m = load(clients: phase == "orders1" ? 1 : clients, seconds: options.seconds) {
                c, n in
                switch phase {
                case "health": return HTTPClient.Request(url: base + "/health", headers: auth)
                case "month": return HTTPClient.Request(url: month, headers: auth)
                default: return orders.make(c, n)
                }
            }
            let cpu = (cpuSeconds() - cpuBefore) / Double(max(m.requests, 1)) * 1e6
            print(
                String(
                    format:
                        "%@: %.0f/s, p50 %.2f ms, p99 %.2f ms, %.0f µs CPU per request (client and "
                        + "server)",
                    phase, m.rate, m.percentile(0.5), m.percentile(0.99), cpu))
            return
        }
        // The phases that are compared run in alternating slices, so that other load on the
        // machine weighs on both sides of each ratio alike.
        let slices = 8
        let slice = options.seconds / Double(slices)
        let ceilingFile = try CeilingFile(folder: folder)
        var health = Measurement()
        var availability = Measurement()
        var computed = Measurement()
        var sequential = Measurement()
        var concurrent = Measurement()
        var commits = Measurement()
        for _ in 0..<slices {
            health.add(
                load(clients: options.readClients, seconds: slice) { _, _ in
                    HTTPClient.Request(url: base + "/health", headers: auth)
                })
            availability.add(
                load(clients: options.readClients, seconds: slice) { _, _ in
                    HTTPClient.Request(url: month, headers: auth)
                })
            computed.add(
                load(clients: options.readClients, seconds: slice) { _, _ in
                    HTTPClient.Request(url: uncachedMonth, headers: auth)
                })
            sequential.add(load(clients: 1, seconds: slice) { client, n in orders.make(client, n) })
            concurrent.add(
                load(clients: options.orderClients, seconds: slice) { client, n in
                    orders.make(100 + client, n)
                })
            commits.add(try ceilingFile.commit(for: slice))
        }
        let rows = [
            Row("GET /health", health),
            Row("GET availability, month of 1 offer", availability),
            Row("  the same, cache off", computed),
            Row("POST /orders, 1 client", sequential),
            Row("POST /orders, \(options.orderClients) clients", concurrent),
            Row("bare durable commits (SQLite)", commits),
        ]
        report(rows, options: options)
    }

    private static func logIn(base: String) throws -> String {
        let client = try HTTPClient()
        let body = try APIJSON.encoder().encode(
            LoginRequest(
                account: Catalogue.account, username: "bench", password: Catalogue.password))
        let response = try client.send(
            HTTPClient.Request(method: "POST", url: base + "/session", body: Array(body)))
        guard response.status == 201 else {
            throw BenchmarkFailure("log-in answered \(response.status)")
        }
        return try APIJSON.decoder().decode(LoginResponse.self, from: Data(response.body)).token
    }

    // MARK: - Load

    /// User and system CPU time of this process so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        return user + system
    }

    struct Measurement: Sendable {
        var requests = 0
        var failures = 0
        var serverErrors = 0
        var seconds = 0.0
        var latencies: [Double] = []

        var rate: Double { seconds > 0 ? Double(requests) / seconds : 0 }

        mutating func add(_ other: Measurement) {
            requests += other.requests
            failures += other.failures
            serverErrors += other.serverErrors
            seconds += other.seconds
            latencies += other.latencies
        }

        func percentile(_ p: Double) -> Double {
            guard !latencies.isEmpty else { return 0 }
            let sorted = latencies.sorted()
            return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
        }
    }

    struct Row {
        let name: String
        let measurement: Measurement
        let clients: Int

        init(_ name: String, _ measurement: Measurement, clients: Int = 0) {
            self.name = name
            self.measurement = measurement
            self.clients = clients
        }
    }

    /// Runs `clients` threads, each with its own libcurl handle, sending requests made by
    /// `make(client, n)` for `seconds`, and collects every latency.
    static func load(
        clients: Int, seconds: Double,
        _ make: @escaping @Sendable (Int, Int) -> HTTPClient.Request
    ) -> Measurement {
        let total = Mutex(Measurement())
        let group = DispatchGroup()
        let start = Date()
        for index in 0..<clients {
            group.enter()
            Thread {
                defer { group.leave() }
                var own = Measurement()
                guard let client = try? HTTPClient() else { return }
                let deadline = Date().addingTimeInterval(seconds)
                var n = 0
                while Date() < deadline {
                    let began = DispatchTime.now().uptimeNanoseconds
                    let status = (try? client.send(make(index, n)))?.status ?? -1
                    own.latencies.append(Double(DispatchTime.now().uptimeNanoseconds - began) / 1e6)
                    own.requests += 1
                    if !(200...299).contains(status) { own.failures += 1 }
                    if status >= 500 || status < 0 { own.serverErrors += 1 }
                    n += 1
                }
                let finished = own
                total.withLock { sum in
                    sum.requests += finished.requests
                    sum.failures += finished.failures
                    sum.serverErrors += finished.serverErrors
                    sum.latencies += finished.latencies
                }
            }.start()
        }
        group.wait()
        return total.withLock { sum in
            var result = sum
            result.seconds = Date().timeIntervalSince(start)
            return result
        }
    }

    /// One-row transactions with `synchronous=FULL` in WAL mode, back to back, on a file
    /// beside the store's: the most durable commits per second this disk allows.
    final class CeilingFile {
        private let db: Database

        init(folder: String) throws {
            db = try Database(path: folder + "/ceiling.sqlite", synchronous: .full)
            try db.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, x INTEGER)")
        }

        func commit(for seconds: Double) throws -> Measurement {
            var measurement = Measurement()
            let start = Date()
            let deadline = start.addingTimeInterval(seconds)
            while Date() < deadline {
                let began = DispatchTime.now().uptimeNanoseconds
                try db.transaction {
                    try db.run("INSERT INTO t (x) VALUES (?)", [measurement.requests])
                }
                let elapsed = DispatchTime.now().uptimeNanoseconds - began
                measurement.latencies.append(Double(elapsed) / 1e6)
                measurement.requests += 1
            }
            measurement.seconds = Date().timeIntervalSince(start)
            return measurement
        }
    }

    // MARK: - Report

    private static func report(_ rows: [Row], options: Options) {
        print("")
        print(
            pad("", 36) + pad("requests", 10, right: true) + pad("per s", 10, right: true)
                + pad("p50 ms", 9, right: true) + pad("p99 ms", 9, right: true)
                + pad("non-2xx", 9, right: true) + pad("5xx", 6, right: true))
        for row in rows {
            let m = row.measurement
            print(
                pad(row.name, 36) + pad("\(m.requests)", 10, right: true)
                    + pad(String(format: "%.0f", m.rate), 10, right: true)
                    + pad(String(format: "%.2f", m.percentile(0.5)), 9, right: true)
                    + pad(String(format: "%.2f", m.percentile(0.99)), 9, right: true)
                    + pad("\(m.failures)", 9, right: true)
                    + pad("\(m.serverErrors)", 6, right: true))
        }
        let health = rows[0].measurement
        let month = rows[1].measurement
        let computed = rows[2].measurement
        let concurrent = rows[4].measurement
        let ceiling = rows[5].measurement
        print("")
        print(
            String(
                format:
                    "availability / health rate: %.0f %% (goal >= 40 %%), availability p99 %.2f ms "
                    + "(goal < 5 ms)",
                100 * month.rate / max(health.rate, 1), month.percentile(0.99)))
        print(
            String(
                format: "  with the month-view cache off: %.0f %%, p99 %.2f ms",
                100 * computed.rate / max(health.rate, 1), computed.percentile(0.99)))
        print(
            String(
                format:
                    "orders with %d clients: %.0f/s (goal >= 1000/s), %.0f %% of bare commits "
                    + "(goal >= 50 %%), %d 5xx (goal 0)",
                options.orderClients, concurrent.rate, 100 * concurrent.rate / max(ceiling.rate, 1),
                concurrent.serverErrors))
        print(
            "(health and availability: \(options.readClients) clients each, the same request "
                + "headers"
                + " (bearer token); every order commits with synchronous=FULL; all six run in"
                + " 8 alternating slices of \(options.seconds / 8) s)")
    }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// The generated account: branches open all day, 500 offers with stock 1 to 10, and
/// 50,000 orders spread over 2031.
struct Catalogue: Sendable {
    static let account = "bench"
    static let password = "bench-password"

    let offers: [Offer]
    let branches: [BranchID]
    let busiestOffer: OfferID
    let seconds: Double

    static func generate(folder: String, offers count: Int, orders: Int) throws -> Catalogue {
        let started = Date()
        let store = try BookingStore(folder: folder)
        defer { store.close() }
        let account = try store.createAccount(
            NewAccount(slug: account, name: "Benchmark Verleih", prepaymentPercent: 30))
        let scope = Scope.account(account.id)
        var branches: [Branch] = []
        for index in 0..<10 {
            branches.append(
                try store.addBranch(
                    Branch(
                        id: BranchID(0), name: "Filiale \(index + 1)",
                        opens: LocalTime(hour: 0, minute: 0)!,
                        closes: LocalTime(hour: 23, minute: 59)!), scope: scope))
        }
        let category = try store.addCategory(
            BookingCore.Category(id: CategoryID(0), name: "Fahrräder", kind: .rental), scope: scope)
        var random = SeededRandom(seed: 42)
        let offers = try store.addOffers(
            (0..<count).map { index in
                Offer(
                    id: OfferID(0), branchID: branches[index % branches.count].id,
                    categoryID: category.id, name: "Rad \(index + 1)",
                    stock: 1 + Int(random.next() % 10),
                    price: PriceRule(
                        unit: .perHour, amount: Money(cents: 300 + Int64(index % 7) * 100)))
            }, scope: scope)
        _ = try store.createUser(
            NewUser(
                username: "bench", name: "Bench", email: "bench@example.com", role: .staff,
                passwordHash: try PasswordHasher().hash(password)), scope: scope)
        try generateOrders(
            orders, offers: offers, categories: [category], store: store, scope: scope,
            random: &random)
        return Catalogue(
            offers: offers, branches: branches.map(\.id), busiestOffer: offers[0].id,
            seconds: Date().timeIntervalSince(started))
    }

    private static func generateOrders(
        _ count: Int, offers: [Offer], categories: [BookingCore.Category], store: BookingStore,
        scope: Scope, random: inout SeededRandom
    ) throws {
        let catalog = BookingCore.Catalog(offers: offers, categories: categories)
        let year2031 = Date(timeIntervalSince1970: 1_924_992_000)  // 2031-01-01T00:00:00Z
        let now = Date()
        var batch: [NewOrder] = []
        for index in 0..<count {
            // Offer 1 gets one order in 50 so that its month view has real work to do.
            let offer =
                index % 50 == 0 ? offers[0] : offers[Int(random.next() % UInt64(offers.count))]
            let start = year2031.addingTimeInterval(Double(random.next() % 365) * 86_400 + 8 * 3600)
            let end = start.addingTimeInterval(Double(1 + random.next() % 4) * 3600)
            let draft = OrderDraft(
                branchID: offer.branchID, start: start, end: end, offers: [OrderItem(offer.id)])
            let quote = try Quote(
                draft: draft, catalog: catalog,
                prepayment: PrepaymentPolicy(percent: 30, dueAfterDays: 5),
                calendar: .berlin, bookedAt: now)
            let priced = PricedOrder(quote, kinds: [offer.id: .rental])
            let clientID = "generated-\(index)"
            let request = CreateOrderRequest(
                clientID: clientID, draft: draft,
                customer: CustomerData(
                    firstName: "Kunde", lastName: "Nummer \(index % 5000)",
                    email: "kunde\(index % 5000)@example.com", termsAccepted: true),
                expectedTotal: priced.total, force: true)
            batch.append(
                try NewOrder(
                    request: request, priced: priced, idempotencyKey: clientID, fingerprint: "",
                    year: 2031))
            if batch.count == 5000 || index == count - 1 {
                _ = try store.createOrders(batch, scope: scope, now: now)
                batch.removeAll(keepingCapacity: true)
            }
        }
    }
}

/// Order requests for the benchmark: distinct client ids, random offers and hours in 2032,
/// each with the server's own total.
final class OrderRequests: Sendable {
    let bodies: [[UInt8]]
    let auth: [String: String]
    let url: String
    private let counter = Atomic<Int>(0)

    init(generated: Catalogue, auth: [String: String], url: String) {
        self.auth = auth
        self.url = url
        var random = SeededRandom(seed: 7)
        let year2032 = Date(timeIntervalSince1970: 1_956_528_000)  // 2032-01-01T00:00:00Z
        let encoder = APIJSON.encoder()
        var bodies: [[UInt8]] = []
        let catalog = BookingCore.Catalog(
            offers: generated.offers,
            categories: [
                BookingCore.Category(id: generated.offers[0].categoryID, name: "", kind: .rental)
            ])
        for index in 0..<60_000 {
            let offer = generated.offers[Int(random.next() % UInt64(generated.offers.count))]
            let start = year2032.addingTimeInterval(Double(index % 8760) * 3600)
            let draft = OrderDraft(
                branchID: offer.branchID, start: start, end: start + 3600,
                offers: [OrderItem(offer.id)])
            let total =
                (try? Quote(
                    draft: draft, catalog: catalog,
                    prepayment: PrepaymentPolicy(percent: 30, dueAfterDays: 5),
                    calendar: .berlin, bookedAt: Date()))?.total ?? Money(cents: 0)
            let request = CreateOrderRequest(
                clientID: "bench-\(index)", draft: draft,
                customer: CustomerData(
                    lastName: "Bench", email: "bench\(index % 100)@example.com", termsAccepted: true
                ),
                expectedTotal: total)
            bodies.append(Array((try? encoder.encode(request)) ?? Data()))
        }
        self.bodies = bodies
    }

    func make(_ client: Int, _ n: Int) -> HTTPClient.Request {
        let index = counter.wrappingAdd(1, ordering: .relaxed).oldValue % bodies.count
        var headers = auth
        headers["Idempotency-Key"] = "bench-\(index)"
        headers["Content-Type"] = APIJSON.contentType
        return HTTPClient.Request(method: "POST", url: url, headers: headers, body: bodies[index])
    }
}

/// A small deterministic generator (SplitMix64), so that every run builds the same data.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
