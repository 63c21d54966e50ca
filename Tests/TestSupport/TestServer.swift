// TestSupport: a real booking server in a temporary folder on a loopback port, and a client
// that talks to it through the Curl module.

import BookingServer
import Foundation
import Logging
import Secrets

/// A real booking server on 127.0.0.1 with a free port, over its own temporary data folder
/// (removed on `stop()`). Demo data is loaded unless asked otherwise; passwords are hashed
/// with libsodium's minimal limits so that tests stay fast.
public final class TestServer: Sendable {
    public let folder: String
    public let running: RunningServer

    public init(demoData: Bool = true, logLevel: LogLevel? = nil, folder: String? = nil) throws {
        let folder = folder ?? Self.makeFolder()
        self.folder = folder
        let logger =
            logLevel.map {
                (try? Logger(label: "test-server", level: $0, path: folder + "-server.log"))
                    ?? .silent
            } ?? .silent
        running = try BookingServer.start(
            BookingServer.Configuration(
                dataFolder: folder, logger: logger, passwordStrength: .minimal,
                loadDemoData: demoData))
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
