// TestSupport: a real booking server in a temporary folder on a loopback port, and a client
// that talks to it through the Curl module.

import BookingAPI
import BookingServer
import Foundation
import Logging
import Secrets
import Synchronization

/// A real booking server on 127.0.0.1 with a free port, over its own temporary data folder
/// (removed on `stop()`). Demo data is loaded unless asked otherwise; passwords are hashed
/// with libsodium's minimal limits so that tests stay fast.
public final class TestServer: Sendable {
    public let folder: String
    public let running: RunningServer

    public init(
        demoData: Bool = true, logLevel: LogLevel? = nil, folder: String? = nil,
        clock: TestClock? = nil, configure: (inout BookingServer.Configuration) -> Void = { _ in }
    ) throws {
        let folder = folder ?? Self.makeFolder()
        self.folder = folder
        let logger =
            logLevel.map {
                (try? Logger(label: "test-server", level: $0, path: folder + "-server.log"))
                    ?? .silent
            } ?? .silent
        // Backups only where a test asks for them: each would copy the store at start.
        var configuration = BookingServer.Configuration(
            dataFolder: folder, logger: logger, passwordStrength: .minimal,
            loadDemoData: demoData, clock: Self.clock(clock), backupInterval: nil)
        configure(&configuration)
        running = try BookingServer.start(configuration)
    }

    private static func clock(_ clock: TestClock?) -> @Sendable () -> Date {
        guard let clock else { return { Date() } }
        return { clock.now }
    }

    /// A new unique folder name under the temporary directory (not yet created).
    public static func makeFolder() -> String {
        NSTemporaryDirectory() + "booking-test-" + UUID().uuidString
    }

    public var port: UInt16 { running.port }

    /// `http://127.0.0.1:PORT/api/v1`.
    public var apiURL: String { running.baseURL + "/api/v1" }

    /// Stops the server; the folder is kept (for a restart test) unless `removingData`.
    public func stop(removingData: Bool = true) {
        running.stop()
        if removingData {
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    /// A new client for this server (one per thread).
    public func client() throws -> APIClient {
        try APIClient(baseURL: running.baseURL)
    }
}

/// A clock a test moves by hand, to see holds and sessions expire.
public final class TestClock: Sendable {
    private let current: Mutex<Date>

    public init(_ start: Date = Date()) {
        current = Mutex(start)
    }

    public var now: Date { current.withLock { $0 } }

    public func advance(by seconds: TimeInterval) {
        current.withLock { $0 += seconds }
    }
}

extension TestServer {
    /// The password in the newest mail to `address` in the server's spool folder: how a
    /// test learns a generated password, like a person reading the mail.
    public func mailedPassword(to address: String) throws -> String {
        guard let mail = try mails(to: address).last else {
            throw TestFailure("no mail to \(address) in \(running.mailSpool)")
        }
        let marker = "Passwort / password: "
        guard let line = mail.split(separator: "\n").first(where: { $0.hasPrefix(marker) })
        else { throw TestFailure("the mail to \(address) holds no password") }
        return String(line.dropFirst(marker.count))
    }

    /// The spooled mails to `address`, oldest first.
    public func mails(to address: String) throws -> [String] {
        let folder = running.mailSpool
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return try names.sorted().compactMap { name in
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            let to = text.split(separator: "\n").first { $0.hasPrefix("To: ") } ?? ""
            return to.hasSuffix("<\(address)>") || to == "To: \(address)" ? text : nil
        }
    }

    /// The lines of the access log in the data folder.
    public func accessLogLines() throws -> [String] {
        let text = try String(contentsOfFile: folder + "/logs/access.log", encoding: .utf8)
        return text.split(separator: "\n").map(String.init)
    }

    /// A client logged in with `login`.
    public func client(loggedInAs login: DemoLogin) throws -> APIClient {
        let client = try client()
        try client.logIn(login)
        return client
    }

    /// Creates a superuser with the `create-superuser` command's code on this server's
    /// folder and returns their log-in (the password read from the mail).
    public func createSuperuser(_ username: String = "support") throws -> DemoLogin {
        let email = username + "@vendor.example"
        _ = try Administration.createSuperuser(
            username: username, email: email, dataFolder: folder,
            mail: MailSettings(spoolFolder: running.mailSpool), passwordStrength: .minimal)
        return DemoLogin(
            account: LoginRequest.supportAccount, username: username,
            password: try mailedPassword(to: email))
    }
}
