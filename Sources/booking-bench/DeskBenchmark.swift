import BookingAPI
import BookingCore
import DeskApp
import DeskClient
import Foundation
import TerminalUI

#if canImport(Glibc)
    import Glibc
#endif

/// `booking-bench desk`: how fast the desk answers a key and how much it needs.
///
/// - Key to redraw: the whole `Desk` (keymap, screen state machine, drawing, the same
///   frame diffing the real terminal gets) on an in-memory terminal, for the calendar with
///   500 offers and the Angebot step with 200 offers, at 80×24 and 200×60.
/// - Start-up: the real `booking-desk` (next to this program) on a pseudo-terminal, from
///   spawning it to the log-in screen on its output, linked to an unreachable `--server`
///   so that only the desk is timed; then the same with the embedded server.
/// - Memory: VmRSS of that process a second after the log-in screen is up, and its peak
///   (VmHWM). The embedded server's peak includes libsodium's 64 MiB for an Argon2id hash.
enum DeskBenchmark {
    static let goals = (median: 2.0, p99: 10.0, startup: 300.0, memory: 40.0)

    static func run(_ arguments: [String]) -> Int32 {
        let keys = arguments.first.flatMap(Int.init) ?? 2000
        print("booking-bench desk: \(keys) keys per run, release build recommended")
        var ok = true
        for size in [Size(rows: 24, columns: 80), Size(rows: 60, columns: 200)] {
            let calendar = calendarRun(offers: 500, keys: keys, size: size)
            ok = report("calendar, 500 offers, \(size)", calendar) && ok
            let offers = offersRun(offers: 200, keys: keys, size: size)
            ok = report("Angebot step, 200 offers, \(size)", offers) && ok
        }
        ok = startupRuns() && ok
        return ok ? 0 : 1
    }

    private static func report(_ name: String, _ timings: RedrawTimings) -> Bool {
        let median = milliseconds(timings.median)
        let p99 = milliseconds(timings.percentile(99))
        let met = median < goals.median && p99 < goals.p99
        print(
            "key → redraw, \(name): median \(format(median)) ms, p99 \(format(p99)) ms"
                + "  (goal < \(goals.median) / < \(goals.p99) ms: \(met ? "met" : "MISSED"))")
        return met
    }

    // MARK: - Key to redraw

    private static func calendarRun(offers count: Int, keys: Int, size: Size) -> RedrawTimings {
        let world = BenchWorld(offers: count)
        let driver = BenchDriver(world: world, size: size)
        driver.logIn()
        driver.answerMonths()
        let pattern: [Key] =
            Array(repeating: .right, count: 5) + [.down, .down] + Array(repeating: .left, count: 5)
            + [.up, .up, .pageDown, .pageUp]
        let sequence = (0..<keys).map { pattern[$0 % pattern.count] }
        return driver.measure(sequence) { driver.answerMonths() }
    }

    private static func offersRun(offers count: Int, keys: Int, size: Size) -> RedrawTimings {
        let world = BenchWorld(offers: count)
        let driver = BenchDriver(world: world, size: size)
        driver.logIn()
        driver.answerMonths()
        driver.press(.enter, .enter, .enter)
        driver.answerAvailability()
        let pattern: [Key] =
            Array(repeating: .down, count: 20) + [.character("+"), .character("-")]
            + Array(repeating: .up, count: 20) + [.character("1"), .character("0"), .pageDown]
            + [.pageUp]
        let sequence = (0..<keys).map { pattern[$0 % pattern.count] }
        return driver.measure(sequence) {}
    }

    // MARK: - Start-up and memory

    private static func startupRuns() -> Bool {
        guard let desk = siblingExecutable("booking-desk") else {
            print(
                "start-up: booking-desk not found next to booking-bench; run `swift build -c "
                    + "release` first"
            )
            return false
        }
        var ok = true
        for (name, arguments) in [
            ("desk alone (--server unreachable)", ["--server", "http://127.0.0.1:9"]),
            ("embedded default (own server)", []),
        ] {
            var times: [Double] = []
            var memory: (rss: Double, peak: Double) = (0, 0)
            for run in 0..<7 {
                guard let result = StartupProbe.run(desk, arguments: arguments) else {
                    print("start-up, \(name): the log-in screen did not appear")
                    return false
                }
                // The first embedded start loads the demo data; the later ones are the
                // everyday case.
                if run > 0 || !arguments.isEmpty { times.append(result.milliseconds) }
                memory = (result.rssMiB, result.peakMiB)
            }
            times.sort()
            let median = times[times.count / 2]
            let met = median < goals.startup
            let memoryMet = memory.rss < goals.memory
            print(
                "start-up to the log-in screen, \(name): median \(format(median)) ms of"
                    + " \(times.count)  (goal < \(goals.startup) ms: \(met ? "met" : "MISSED"))")
            print(
                "resident memory 1 s after the log-in screen, \(name): VmRSS"
                    + " \(format(memory.rss)) MiB  (goal < \(goals.memory) MiB:"
                    + " \(memoryMet ? "met" : "MISSED")), peak VmHWM \(format(memory.peak)) MiB")
            ok = ok && met && memoryMet
        }
        return ok
    }

    private static func siblingExecutable(_ name: String) -> String? {
        let own = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let path = own.deletingLastPathComponent().appendingPathComponent(name).path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }

    static func format(_ value: Double) -> String {
        String(format: "%.3f", value)
    }
}

/// A made-up account for the benchmark: one branch with `offers` bikes and a few options.
struct BenchWorld {
    let branch = Branch(
        id: BranchID(1), name: "Filiale Nord", opens: LocalTime(hour: 8, minute: 0)!,
        closes: LocalTime(hour: 18, minute: 0)!)
    let categories = [
        Category(id: CategoryID(1), name: "Fahrräder", kind: .rental),
        Category(id: CategoryID(2), name: "Zusatzoptionen", kind: .option),
    ]
    let offers: [Offer]
    let options: [Offer]
    let now = AccountCalendar.berlin.instant(
        LocalDate(year: 2016, month: 3, day: 5)!, LocalTime(hour: 10, minute: 0)!)

    init(offers count: Int) {
        offers = (1...count).map { index in
            Offer(
                id: OfferID(Int64(index)), branchID: BranchID(1), categoryID: CategoryID(1),
                name: "Fahrrad Modell \(index) Größe \(["S", "M", "L"][index % 3])",
                stock: 1 + index % 9,
                price: PriceRule(unit: .perDay, amount: Money(cents: Int64(500 + index * 10))))
        }
        options = (1...5).map { index in
            Offer(
                id: OfferID(Int64(10_000 + index)), branchID: BranchID(1),
                categoryID: CategoryID(2), name: "Zubehör \(index)", stock: index == 1 ? nil : 4,
                price: PriceRule(unit: .perBooking, amount: Money(cents: 300)))
        }
    }

    var login: LoginResponse {
        LoginResponse(
            token: "bench", expiresAt: now + 3600,
            session: SessionInfo(
                user: UserInfo(
                    id: UserID(1), username: "staff", name: "Stefan Staff",
                    email: "staff@example.com", role: .staff),
                account: AccountInfo(
                    id: AccountID(1), slug: "demo", name: "Radhaus am See",
                    timeZone: "Europe/Berlin", currency: .eur, prepaymentPercent: 50,
                    prepaymentDueDays: 5, holdMinutes: 10),
                branchIDs: [branch.id], categoryIDs: categories.map(\.id)))
    }
}

/// Drives a `Desk` like the program does, answering its calls from `BenchWorld`.
final class BenchDriver {
    let world: BenchWorld
    let desk: Desk
    let renderer: Renderer
    /// Calls the desk sent that have no answer yet.
    private(set) var sent: [BookingCall] = []

    init(world: BenchWorld, size: Size) {
        self.world = world
        let keymap = ConfigFiles(userFolder: nil, shippedFolders: []).keymap(named: "default").value
        desk = Desk(
            text: MessageCatalog(.german), keymap: keymap, serverLabel: "bench",
            shownLogins: [])
        renderer = Renderer(terminal: MemoryTerminal(size: size))
    }

    func handle(_ event: DeskEvent) {
        for case .send(let call) in desk.handle(event, now: world.now) { sent.append(call) }
    }

    func press(_ keys: Key...) {
        for key in keys { handle(.key(key)) }
    }

    func reply(_ call: BookingCall, _ reply: BookingReply) {
        sent.removeAll { $0 == call }
        handle(.reply(DeskReply(request: call, result: .success(reply))))
    }

    /// Forgets a call the bench does not answer.
    func drop(_ call: BookingCall) {
        sent.removeAll { $0 == call }
    }

    /// Logs in as `username` (staff unless `login` says otherwise) and answers the
    /// catalogue the desk asks for next.
    func logIn(as username: String = "staff", _ login: LoginResponse? = nil) {
        for scalar in "demo".unicodeScalars { handle(.key(.character(scalar))) }
        press(.tab)
        for scalar in username.unicodeScalars { handle(.key(.character(scalar))) }
        press(.tab, .character("x"), .enter)
        for call in sent {
            switch call {
            case .logIn: reply(call, .loggedIn(login ?? world.login))
            default: break
            }
        }
        reply(.branches, .branches([world.branch]))
        reply(.categories, .categories(world.categories))
        reply(.offers(OfferSearch()), .offers(world.offers))
        reply(.options(branch: nil), .offers(world.options))
    }

    /// Answers every month asked for with free units for every offer.
    func answerMonths() {
        for call in sent {
            guard case .monthAvailability(let month, _) = call else { continue }
            let days = LocalDate.days(ofMonth: month.month, year: month.year)
            let rows = world.offers.map { offer in
                MonthAvailability.OfferDays(
                    offerID: offer.id,
                    free: days.map { ($0.day + offer.id.rawValue.hashValue) % 4 },
                    closed: days.map { $0.isoWeekday == 7 })
            }
            reply(
                call, .monthAvailability(MonthAvailability(month: month, days: days, offers: rows)))
        }
    }

    func answerAvailability() {
        for call in sent {
            guard case .intervalAvailability(let start, let end, _) = call else { continue }
            let rows = (world.offers + world.options).map {
                IntervalAvailability.OfferFree(offerID: $0.id, free: $0.stock)
            }
            reply(
                call,
                .intervalAvailability(IntervalAvailability(start: start, end: end, offers: rows)))
        }
    }

    /// Times each key from handling to the finished redraw; `between` runs untimed after
    /// each key (answering what the key asked for, as the network would later).
    func measure(_ keys: [Key], between: () -> Void) -> RedrawTimings {
        let desk = desk
        let now = world.now
        renderer.render { desk.draw(in: $0, now: now) }
        let clock = ContinuousClock()
        var samples: [Duration] = []
        samples.reserveCapacity(keys.count)
        for key in keys {
            let start = clock.now
            handle(.key(key))
            renderer.render { desk.draw(in: $0, now: now) }
            samples.append(start.duration(to: clock.now))
            between()
        }
        return RedrawTimings(samples: samples)
    }
}

/// Starts `booking-desk` on a pseudo-terminal of 80×24 with a fresh home folder and waits
/// for the log-in screen in its output.
enum StartupProbe {
    struct Result {
        var milliseconds: Double
        var rssMiB: Double
        var peakMiB: Double
    }

    private static let home = NSTemporaryDirectory() + "booking-bench-desk-" + UUID().uuidString

    static func run(_ desk: String, arguments: [String]) -> Result? {
        guard let pty = try? PtyDesk(desk, arguments: arguments, home: home) else { return nil }
        let elapsed = try? pty.waitFor("Passwort")
        // Settled: the embedded server has started (its decoy password hash included).
        pty.drain(for: .seconds(1))
        let memory = memoryMiB(of: pty.processIdentifier)
        pty.stop()
        guard let elapsed else { return nil }
        let (seconds, attoseconds) = elapsed.components
        return Result(
            milliseconds: Double(seconds) * 1000 + Double(attoseconds) / 1e15,
            rssMiB: memory.rss, peakMiB: memory.peak)
    }

    /// VmRSS and VmHWM of a process, in MiB.
    private static func memoryMiB(of pid: Int32) -> (rss: Double, peak: Double) {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        else { return (0, 0) }
        func field(_ name: String) -> Double {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) })
            else { return 0 }
            let kibibytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kibibytes / 1024
        }
        return (field("VmRSS:"), field("VmHWM:"))
    }
}
