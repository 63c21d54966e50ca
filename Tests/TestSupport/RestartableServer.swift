import BookingServer
import Foundation
import Logging
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A real booking server that a test can stop and start again on the same data folder and
/// the same loopback port, as when a branch's server is restarted or its network comes
/// back: a client configured with its address finds it again without being told.
public final class RestartableServer: Sendable {
    public let folder: String
    public let port: UInt16
    private let running = Mutex<RunningServer?>(nil)

    /// Starts on a free port with the demo data in a new temporary folder.
    public init() throws {
        folder = TestServer.makeFolder()
        let first = try Self.start(folder: folder, port: 0)
        port = first.port
        running.withLock { $0 = first }
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// `http://127.0.0.1:PORT`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    public var isRunning: Bool { running.withLock { $0 != nil } }

    /// Stops the server; its data stays for `start()`.
    public func stop() {
        let server = running.withLock { server in
            defer { server = nil }
            return server
        }
        server?.stop()
    }

    /// Starts the server again on its folder and port. The port was ours a moment ago; a
    /// few tries cover the kernel's short delay in handing it back.
    public func start() throws {
        guard !isRunning else { return }
        var lastError: (any Error)?
        for _ in 0..<20 {
            do {
                let server = try Self.start(folder: folder, port: port)
                running.withLock { $0 = server }
                return
            } catch {
                lastError = error
                usleep(100_000)
            }
        }
        throw TestFailure(
            "cannot restart the server on port \(port): \(String(describing: lastError))")
    }

    /// A new client for this server.
    public func client() throws -> APIClient {
        try APIClient(baseURL: baseURL)
    }

    private static func start(folder: String, port: UInt16) throws -> RunningServer {
        try BookingServer.start(
            BookingServer.Configuration(
                dataFolder: folder, port: port, passwordStrength: .minimal, loadDemoData: true))
    }
}
