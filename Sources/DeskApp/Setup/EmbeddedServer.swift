import BookingServer
import Foundation
import Logging
import Synchronization

/// The desk's embedded default: a booking server in the same process, on a free loopback
/// port, over a data folder under the XDG data home, with the demo data loaded on the first
/// start. It starts on a thread of its own, so the log-in screen is up before the store is
/// open (the first start hashes the demo passwords, which takes a moment).
final class EmbeddedServer: Sendable {
    /// How the start went: nil while starting.
    private let outcome = Mutex<Result<RunningServer, EmbeddedServerError>?>(nil)

    /// Starts the server in the background.
    init(folder: String, logger: Logger) {
        Thread.detachNewThread { [self] in
            let result: Result<RunningServer, EmbeddedServerError>
            do {
                try FileManager.default.createDirectory(
                    atPath: (folder as NSString).deletingLastPathComponent,
                    withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                let server = try BookingServer.start(
                    .init(dataFolder: folder, logger: logger, loadDemoData: true))
                result = .success(server)
            } catch {
                result = .failure(EmbeddedServerError(description: String(describing: error)))
            }
            self.outcome.withLock { $0 = result }
        }
    }

    /// The server once started, the error if it could not, nil while starting.
    var state: Result<RunningServer, EmbeddedServerError>? {
        outcome.withLock { $0 }
    }

    /// Stops the server if it runs; waits for a start still going on first.
    func stop() {
        while state == nil { usleep(10_000) }
        if case .success(let server) = state { server.stop() }
    }

    /// The demo logins the log-in screen shows.
    static let shownLogins = [
        ShownLogin(
            account: DemoData.staff.account, username: DemoData.staff.username,
            password: DemoData.staff.password, role: .staff),
        ShownLogin(
            account: DemoData.admin.account, username: DemoData.admin.username,
            password: DemoData.admin.password, role: .admin),
        // Staff who see Filiale Nord only, and a tour guide: the other two desks of issue 6.
        ShownLogin(
            account: DemoData.nord.account, username: DemoData.nord.username,
            password: DemoData.nord.password, role: .staff),
        ShownLogin(
            account: DemoData.guide.account, username: DemoData.guide.username,
            password: DemoData.guide.password, role: .guide),
    ]
}

/// Why the embedded server did not start, for the screen and the log.
struct EmbeddedServerError: Error, Sendable {
    var description: String
}
