import BookingAPI
import BookingCore
import BookingServer
import BookingStore
import DeskApp
import DeskClient
import Foundation
import Logging
import OfflineCache
import Secrets
import TerminalUI

#if canImport(Glibc)
    import Glibc
#endif

/// `booking-bench sync`: the offline desk's figures.
///
/// - Queue: an outbox of 1,000 orders taken offline (reservations, one hour each), sent by
///   the real desk: its `Desk` state machine drawing on an in-memory terminal, its
///   `ServerLink` workers recording every answer in the real SQLite files, a real server
///   on loopback. Clock from the first order sent to the outbox empty. Goal ≥ 200/s.
/// - Refresh: a branch with 500 offers; the catalogue through the delta-sync feed (whole,
///   then the delta after it) and the next 8 weeks of availability as the desk fetches
///   them (three months), each stored in the cache; then a month answered from the cache.
/// - Start-up from the cache: the real `booking-desk` on a pseudo-terminal with the server
///   down, from spawning it to a calendar showing cached figures after the offline unlock.
enum SyncBenchmark {
    static let goal = 200.0

    static func run(_ arguments: [String]) -> Int32 {
        let count = arguments.first.flatMap(Int.init) ?? 1000
        print("booking-bench sync: \(count) queued orders, release build recommended")
        do {
            let met = try QueueRun(count: count).run()
            try RefreshRun(offers: 500).run()
            try CacheStartRun(offers: 500).run()
            return met ? 0 : 1
        } catch {
            print("booking-bench sync failed: \(error)")
            return 1
        }
    }

    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }

    static func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    static func temporaryFolder(_ name: String) -> String {
        NSTemporaryDirectory() + "booking-bench-" + name + "-" + UUID().uuidString
    }

    static let berlin = AccountCalendar.berlin
}

// MARK: - Queue

/// 1,000 orders in the outbox, sent by the desk's own sync loop.
private struct QueueRun {
    let count: Int

    func run() throws -> Bool {
        let folder = SyncBenchmark.temporaryFolder("queue")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try BookingServer.start(
            .init(
                dataFolder: folder + "/server", passwordStrength: .minimal,
                loadDemoData: true))
        defer { server.stop() }
        let store = try OfflineStore(folder: folder + "/desk", unlockStrength: .minimal)
        try fillOutbox(store, server: server)

        let link = try ServerLink(url: server.baseURL, logger: .silent, store: store)
        defer { link.stop() }
        let loop = DeskDriverLoop(store: store, link: link, account: DemoData.staff)
        let elapsed = try loop.sendQueue()
        let sent = try store.outbox.entries(in: [.sent]).count
        let refused = try store.outbox.conflicts().count
        let rate = Double(sent) / (SyncBenchmark.milliseconds(elapsed) / 1000)
        let met = sent == count && refused == 0 && rate >= SyncBenchmark.goal
        print(
            "outbox of \(count) orders sent by the desk: \(SyncBenchmark.format(rate)) orders/s"
                + " (\(sent) sent, \(refused) refused, "
                + "\(SyncBenchmark.format(SyncBenchmark.milliseconds(elapsed))) ms)"
                + "  (goal ≥ \(Int(SyncBenchmark.goal))/s: \(met ? "met" : "MISSED"))")
        try floor(server: server)
        try OrderFeedFigures(url: server.baseURL).print()
        return met
    }

    /// The same kind of orders sent one after another by a bare client on one thread: what
    /// the server and the network allow, against which the desk's own share shows.
    private func floor(server: RunningServer) throws {
        let store = try OfflineStore(
            folder: SyncBenchmark.temporaryFolder("floor"), unlockStrength: .minimal)
        defer { try? FileManager.default.removeItem(atPath: store.folder) }
        try fillOutbox(store, server: server, firstDay: count / 10 + 2)
        let requests = try store.outbox.unsent().map(\.request)
        let client = try BookingClient(configuration: .init(baseURL: server.baseURL))
        let login = DemoData.staff
        _ = try client.logIn(
            LoginRequest(account: login.account, username: login.username, password: login.password)
        )
        let time = try ContinuousClock().measure {
            for request in requests { _ = try client.createOrder(request) }
        }
        let rate = Double(requests.count) / (SyncBenchmark.milliseconds(time) / 1000)
        print(
            "the same \(requests.count) orders sent one by one by a bare client (no desk):"
                + " \(SyncBenchmark.format(rate)) orders/s")
    }

    /// Reservations of Fahrrad M at Filiale Nord, one hour each, ten a day from tomorrow,
    /// taken offline: what a day without the network leaves behind, many times over.
    private func fillOutbox(_ store: OfflineStore, server: RunningServer, firstDay: Int = 1)
        throws
    {
        let catalogue = try server.store.account(slug: DemoData.staff.account).map {
            try server.store.offers(scope: .account($0.id), filter: OfferFilter(text: "Fahrrad M"))
        }
        guard let bike = catalogue?.first(where: { $0.offer.name == "Fahrrad M" })?.offer else {
            throw BenchFailure("the demo data has no Fahrrad M")
        }
        let tomorrow = SyncBenchmark.berlin.date(of: Date()).advanced(by: firstDay)
        for index in 0..<count {
            let day = tomorrow.advanced(by: index / 10)
            let start = SyncBenchmark.berlin.instant(
                day, LocalTime(hour: 8 + index % 10, minute: 0)!)
            let request = CreateOrderRequest(
                clientID: Outbox.newClientID(),
                draft: OrderDraft(
                    branchID: bike.branchID, start: start, end: start + 3600,
                    offers: [OrderItem(bike.id)]),
                customer: CustomerData(
                    lastName: "Kunde \(index)", email: "kunde\(index)@example.org",
                    termsAccepted: true),
                expectedTotal: bike.price.amount)
            try store.outbox.enqueue(request, kind: .reservation, takenOffline: true, now: Date())
        }
    }
}

/// The desk as `booking-desk` runs it, minus the real terminal: keys and answers go to
/// the `Desk`, its calls to the `ServerLink`, a frame is drawn after each round.
private final class DeskDriverLoop {
    let store: OfflineStore
    let link: ServerLink
    let desk: Desk
    let renderer = Renderer(terminal: MemoryTerminal(size: Size(rows: 24, columns: 80)))
    private var firstOrder: ContinuousClock.Instant?
    private var lastTick = Date.distantPast

    init(store: OfflineStore, link: ServerLink, account: DemoLogin) {
        self.store = store
        self.link = link
        let keymap = ConfigFiles(userFolder: nil, shippedFolders: []).keymap(named: "default")
        desk = Desk(
            text: MessageCatalog(.german), keymap: keymap.value, serverLabel: "bench",
            shownLogins: [
                ShownLogin(
                    account: account.account, username: account.username,
                    password: account.password, role: .staff)
            ], store: store)
        for scalar in account.username.unicodeScalars { perform(.key(.character(scalar))) }
        perform(.key(.tab))
        for scalar in account.password.unicodeScalars { perform(.key(.character(scalar))) }
        perform(.key(.enter))
    }

    /// Runs the loop until the outbox is empty; the time from its first order sent.
    func sendQueue() throws -> Duration {
        let deadline = ContinuousClock.now + .seconds(300)
        while try store.outbox.unsentCount() > 0 {
            guard ContinuousClock.now < deadline else { throw BenchFailure("the outbox stayed") }
            round()
        }
        guard let firstOrder else { throw BenchFailure("no order was sent") }
        return ContinuousClock.now - firstOrder
    }

    private func round() {
        for reply in link.finished() { perform(.reply(reply)) }
        let now = Date()
        if now.timeIntervalSince(lastTick) >= 0.5 {
            lastTick = now
            perform(.tick)
        }
        renderer.render { desk.draw(in: $0, now: Date()) }
        var fds = link.wakeDescriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        _ = poll(&fds, nfds_t(fds.count), 50)
    }

    private func perform(_ event: DeskEvent) {
        for case .send(let call) in desk.handle(event, now: Date()) {
            if case .createOrder = call, firstOrder == nil { firstOrder = ContinuousClock.now }
            link.submit(call)
        }
    }
}

/// The orders feed after the queue went out: everything once, then only what changed.
private struct OrderFeedFigures {
    let url: String

    func print() throws {
        let client = try BookingClient(configuration: .init(baseURL: url))
        let login = DemoData.staff
        _ = try client.logIn(
            LoginRequest(account: login.account, username: login.username, password: login.password)
        )
        let clock = ContinuousClock()
        var cursor: String?
        var orders = 0
        var requests = 0
        let full = try clock.measure {
            var page: ChangedOrders
            repeat {
                page = try client.orderChanges(since: cursor, from: nil, limit: 500)
                orders += page.orders.count
                requests += 1
                cursor = page.cursor
            } while page.more
        }
        var changed = 0
        let delta = try clock.measure {
            changed = try client.orderChanges(since: cursor, from: nil, limit: 500).orders.count
        }
        Swift.print(
            "orders feed: whole \(orders) orders in "
                + "\(SyncBenchmark.format(SyncBenchmark.milliseconds(full))) ms"
                + " (\(requests) requests); the delta after it: \(changed) orders in"
                + " \(SyncBenchmark.format(SyncBenchmark.milliseconds(delta))) ms (1 request)")
    }
}

// MARK: - Refresh

/// A branch with 500 offers, its catalogue and 8 weeks of availability fetched and cached.
private struct RefreshRun {
    let offers: Int

    func run() throws {
        let folder = SyncBenchmark.temporaryFolder("refresh")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try BookingServer.start(
            .init(dataFolder: folder + "/server", passwordStrength: .minimal))
        defer { server.stop() }
        let world = try BenchAccount.create(in: server.store, offers: offers)
        let store = try OfflineStore(folder: folder + "/desk", unlockStrength: .minimal)
        let link = try ServerLink(url: server.baseURL, logger: .silent, store: store)
        defer { link.stop() }
        _ = try answers(to: [.logIn(world.login)], on: link)

        let (_, wholeTime) = try timed([.catalogueChanges(since: nil)], on: link)
        let cursor = try store.cache.cursor(.catalogue)
        let (_, deltaTime) = try timed([.catalogueChanges(since: cursor)], on: link)
        let months = world.months(from: SyncBenchmark.berlin.date(of: Date()))
        let calls = months.map {
            BookingCall.monthAvailability(month: $0, AvailabilityFilter(branch: world.branch))
        }
        let (_, monthsTime) = try timed(calls, on: link)
        let offline = try ContinuousClock().measure {
            _ = try store.monthAvailability(
                of: try store.cache.offers().map(\.id),
                days: LocalDate.days(ofMonth: months[1].month, year: months[1].year))
        }
        let catalogueSize = (try? store.cache.offers().count) ?? 0
        print(
            "catalogue of \(catalogueSize) offers and options: whole in"
                + " \(ms(wholeTime)) ms, the delta after it in \(ms(deltaTime)) ms (1 request each)"
        )
        print(
            "availability, \(offers) offers × 8 weeks (\(calls.count) months): fetched and cached"
                + " in \(ms(monthsTime)) ms (\(calls.count) requests)")
        print("a month of \(offers) offers from the cache, less the outbox: \(ms(offline)) ms")
    }

    private func ms(_ duration: Duration) -> String {
        SyncBenchmark.format(SyncBenchmark.milliseconds(duration))
    }

    private func timed(_ calls: [BookingCall], on link: ServerLink) throws
        -> ([DeskReply], Duration)
    {
        var replies: [DeskReply] = []
        let time = try ContinuousClock().measure { replies = try answers(to: calls, on: link) }
        return (replies, time)
    }

    /// Submits the calls and waits until each is answered (and so recorded).
    private func answers(to calls: [BookingCall], on link: ServerLink) throws -> [DeskReply] {
        for call in calls { link.submit(call) }
        var replies: [DeskReply] = []
        let deadline = ContinuousClock.now + .seconds(60)
        while replies.count < calls.count {
            guard ContinuousClock.now < deadline else { throw BenchFailure("no answer") }
            var fds = link.wakeDescriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            _ = poll(&fds, nfds_t(fds.count), 100)
            replies += link.finished()
        }
        for case .failure(let error) in replies.map(\.result) {
            throw BenchFailure("a call failed: \(error.logDescription)")
        }
        return replies
    }
}

/// An account with one branch of `offers` bikes and a few options, and a staff user.
private struct BenchAccount {
    let branch: BranchID
    let login: LoginRequest
    let session: SessionInfo
    let catalogue: CatalogueChanges

    static let password = "bench-pass"

    static func create(in store: BookingStore, offers count: Int) throws -> BenchAccount {
        let account = try store.createAccount(NewAccount(slug: "bench", name: "Bench-Verleih"))
        let scope = Scope.account(account.id)
        let branch = try store.addBranch(
            Branch(
                id: BranchID(0), name: "Filiale Nord", opens: LocalTime(hour: 8, minute: 0)!,
                closes: LocalTime(hour: 18, minute: 0)!), scope: scope)
        let bikes = try store.addCategory(
            Category(id: CategoryID(0), name: "Fahrräder", kind: .rental), scope: scope)
        let extras = try store.addCategory(
            Category(id: CategoryID(0), name: "Zusatzoptionen", kind: .option), scope: scope)
        let offers = try store.addOffers(
            made(count, branch: branch.id, bikes: bikes.id, extras: extras.id), scope: scope)
        let user = try store.createUser(
            NewUser(
                username: "staff", name: "Stefan Staff", email: "staff@example.com", role: .staff,
                passwordHash: try PasswordHasher(strength: .minimal).hash(password)), scope: scope)
        return BenchAccount(
            branch: branch.id,
            login: LoginRequest(account: "bench", username: "staff", password: password),
            session: SessionInfo(
                user: user, account: account, branchIDs: [branch.id],
                categoryIDs: [bikes.id, extras.id]),
            catalogue: CatalogueChanges(
                branches: [branch], categories: [bikes, extras], offers: offers, cursor: "1",
                replacesAll: true))
    }

    private static func made(
        _ count: Int, branch: BranchID, bikes: CategoryID, extras: CategoryID
    ) -> [Offer] {
        let sizes = ["S", "M", "L"]
        let bikeOffers = (1...count).map { index in
            Offer(
                id: OfferID(0), branchID: branch, categoryID: bikes,
                name: "Fahrrad Modell \(index) Größe \(sizes[index % 3])", stock: 1 + index % 9,
                price: PriceRule(unit: .perDay, amount: Money(cents: Int64(500 + index * 10))))
        }
        let options = (1...5).map { index in
            Offer(
                id: OfferID(0), branchID: branch, categoryID: extras, name: "Zubehör \(index)",
                stock: index == 1 ? nil : 4,
                price: PriceRule(unit: .perBooking, amount: Money(cents: 300)))
        }
        return bikeOffers + options
    }

    /// The first days of the months that hold the next 8 weeks.
    func months(from today: LocalDate) -> [LocalDate] {
        var month = today.firstOfMonth
        var months: [LocalDate] = []
        while months.isEmpty || month <= today.advanced(by: 56) {
            months.append(month)
            month = month.advanced(by: LocalDate.daysIn(month: month.month, year: month.year))
        }
        return months
    }
}

// MARK: - Start-up from the cache

/// The real `booking-desk` started with the server down on a desk whose cache holds a
/// 500-offer branch and 8 weeks of availability: from spawning it to the calendar with
/// figures, through the offline unlock (a real Argon2id check).
private struct CacheStartRun {
    let offers: Int
    static let unreachable = "http://127.0.0.1:9"

    func run() throws {
        guard let desk = siblingExecutable("booking-desk") else {
            print("start-up from the cache: booking-desk not found next to booking-bench")
            return
        }
        let home = SyncBenchmark.temporaryFolder("home")
        defer { try? FileManager.default.removeItem(atPath: home) }
        try prepare(home: home)
        var total: [Double] = []
        var unlocked: [Double] = []
        for _ in 0..<5 {
            let run = try PtyDesk(desk, arguments: ["--server", Self.unreachable], home: home)
            defer { run.stop() }
            // The log-in screen offers the unlock with account and user filled in.
            let loginScreen = try run.waitFor("Server nicht erreichbar")
            run.type(BenchAccount.password + "\r")
            let calendar = try run.waitFor("frei")
            total.append(SyncBenchmark.milliseconds(calendar))
            unlocked.append(SyncBenchmark.milliseconds(calendar - loginScreen))
        }
        total.sort()
        unlocked.sort()
        print(
            "start-up from the cache, server down: calendar with figures after"
                + " \(SyncBenchmark.format(total[total.count / 2])) ms (median of \(total.count));"
                + " from the unlock offered to the calendar"
                + " \(SyncBenchmark.format(unlocked[unlocked.count / 2])) ms, Argon2id check "
                + "included"
        )
    }

    /// A desk's data folder as a day's work leaves it: the session, the catalogue, 8
    /// weeks of availability and the unlock hash of the last user.
    private func prepare(home: String) throws {
        let folder = DeskPaths(environment: ["HOME": home]).offlineFolder(server: Self.unreachable)
        let store = try OfflineStore(folder: folder)
        defer { store.close() }
        // The account made on a scratch store, for ids as the server would give them.
        let scratch = try BookingStore(folder: home + "/scratch")
        defer { scratch.close() }
        let world = try BenchAccount.create(in: scratch, offers: offers)
        try store.cache.storeSession(world.session, now: Date())
        try store.cache.applyCatalogueChanges(world.catalogue, now: Date())
        let ids = world.catalogue.offers.map(\.id)
        for first in world.months(from: SyncBenchmark.berlin.date(of: Date())) {
            let days = LocalDate.days(ofMonth: first.month, year: first.year)
            let month = MonthAvailability(
                month: first, days: days,
                offers: ids.map { id in
                    .init(
                        offerID: id, free: days.map { _ in 2 }, closed: days.map { _ in false })
                })
            try store.cache.storeMonthAvailability(month, fetchedAt: Date())
        }
        try store.unlock.remember(
            account: "bench", username: "staff", password: BenchAccount.password, now: Date())
    }

    private func siblingExecutable(_ name: String) -> String? {
        let own = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let path = own.deletingLastPathComponent().appendingPathComponent(name).path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }
}
