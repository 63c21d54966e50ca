import BookingAPI
import BookingCore
import DeskApp
import DeskClient
import Foundation
import TerminalUI

/// `booking-bench users`: how fast the admin's users list answers a key with 2,000 users.
///
/// The whole `Desk` (keymap, the users screen, drawing, the renderer's frame diffing) on an
/// in-memory terminal, at 80×24 and 200×60: moving line by line and page by page, to the
/// ends, and toggling the admin flag (the row shows the change on its way; the server's
/// answer comes between keys, untimed, as the network would bring it later).
enum UsersBenchmark {
    static let goals = (median: 2.0, p99: 10.0)

    static func run(_ arguments: [String]) -> Int32 {
        let keys = arguments.first.flatMap(Int.init) ?? 2000
        let users = arguments.dropFirst().first.flatMap(Int.init) ?? 2000
        print(
            "booking-bench users: \(users) users, \(keys) keys per run, release build recommended")
        var ok = true
        for size in [Size(rows: 24, columns: 80), Size(rows: 60, columns: 200)] {
            let timings = UsersBench(users: users, size: size).run(keys: keys)
            ok = report("users list, \(users) users, \(size)", timings) && ok
        }
        return ok ? 0 : 1
    }

    private static func report(_ name: String, _ timings: RedrawTimings) -> Bool {
        let median = milliseconds(timings.median)
        let p99 = milliseconds(timings.percentile(99))
        let met = median < goals.median && p99 < goals.p99
        print(
            "key → redraw, \(name): median \(DeskBenchmark.format(median)) ms, p99"
                + " \(DeskBenchmark.format(p99)) ms  (goal < \(goals.median) / < \(goals.p99)"
                + " ms: \(met ? "met" : "MISSED"))")
        return met
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}

/// An admin's desk on the users tab with `users` made-up users, answering its calls.
final class UsersBench {
    private let driver: BenchDriver
    private var users: [UserRecord]

    init(users count: Int, size: Size) {
        driver = BenchDriver(world: BenchWorld(offers: 20), size: size)
        users = (1...count).map(Self.user)
    }

    /// Owner first, then staff with and without restrictions, some guides, some locked.
    private static func user(_ index: Int) -> UserRecord {
        let first = ["Anna", "Jürgen", "Nora", "Özlem", "Sven", "Greta", "Lars", "Maëlle"]
        let last = ["Weiß", "Nord", "Öztürk", "Hansen", "Gerber", "Löffler", "Müller", "Groß"]
        let name = first[index % first.count] + " " + last[(index / 8) % last.count]
        let role: BookingCore.Role = index == 1 ? .admin : index % 50 == 0 ? .guide : .staff
        return UserRecord(
            id: UserID(Int64(index)), username: "user\(index)", name: name,
            email: "user\(index)@example.com", role: role, isOwner: index == 1,
            isActive: index % 37 != 0,
            branchIDs: index % 3 == 0 ? [BranchID(1)] : nil,
            categoryIDs: index % 5 == 0 ? [CategoryID(1)] : nil, guideID: nil,
            createdAt: Date(timeIntervalSince1970: 1_450_000_000),
            lastLogInAt: index % 4 == 0 ? nil : Date(timeIntervalSince1970: 1_457_000_000))
    }

    /// Logs in as the owner and opens the users tab with the list loaded.
    private func openUsers() {
        var login = driver.world.login
        login.session.user = UserInfo(
            id: UserID(1), username: "admin", name: "Anna Weiß", email: "admin@example.com",
            role: .admin, isOwner: true)
        driver.logIn(as: "admin", login)
        for _ in 0..<3 { driver.press(.function(6)) }
        driver.reply(.account(.users), .users(users))
    }

    /// Answers what a key asked for, as the server would: the admin flag toggled.
    private func answer() {
        for call in driver.sent {
            guard case .account(.setAdmin(let id, let isAdmin)) = call,
                let index = users.firstIndex(where: { $0.id == id })
            else {
                driver.drop(call)
                continue
            }
            users[index].role = isAdmin ? .admin : .staff
            driver.reply(call, .user(users[index]))
        }
    }

    func run(keys: Int) -> RedrawTimings {
        openUsers()
        let pattern: [Key] =
            Array(repeating: .down, count: 20) + [.character("a"), .pageDown, .pageDown]
            + Array(repeating: .up, count: 20) + [.character("a"), .pageUp, .end, .home]
        let sequence = (0..<keys).map { pattern[$0 % pattern.count] }
        return driver.measure(sequence, between: answer)
    }
}
