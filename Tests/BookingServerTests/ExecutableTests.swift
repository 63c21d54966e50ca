import BookingAPI
import BookingCore
import BookingServer
import Foundation
import TestSupport
import Testing

/// The `booking-server` program itself: load-demo, serve on a free port, stop on SIGTERM.
@Suite struct ExecutableTests {
    /// The path of the built program, wherever the test bundle runs from.
    static func program() throws -> String {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0])
        for _ in 0..<4 {
            folder.deleteLastPathComponent()
            let candidate = folder.appendingPathComponent("booking-server").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw TestFailure("booking-server not found next to \(CommandLine.arguments[0])")
    }

    @Test func servesTheDemoDataAndStopsOnSIGTERM() throws {
        let folder = TestServer.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let load = Process()
        load.executableURL = URL(fileURLWithPath: try Self.program())
        load.arguments = ["load-demo", "--data", folder]
        load.standardError = FileHandle.nullDevice
        try load.run()
        load.waitUntilExit()
        #expect(load.terminationStatus == 0)

        let log = folder + "-server.log"
        defer { try? FileManager.default.removeItem(atPath: log) }
        let serve = Process()
        serve.executableURL = URL(fileURLWithPath: try Self.program())
        serve.arguments = ["serve", "--data", folder, "--listen", "127.0.0.1:0", "--log-file", log]
        try serve.run()
        let port = try Self.waitForPort(in: log)
        let client = try APIClient(baseURL: "http://127.0.0.1:\(port)")
        try client.logIn(DemoData.admin)
        #expect(try client.get([Offer].self, APIPath.offers).count >= 20)

        serve.terminate()  // SIGTERM
        serve.waitUntilExit()
        #expect(serve.terminationStatus == 0)
        let lines = try String(contentsOfFile: log, encoding: .utf8)
        #expect(lines.contains("method=POST path=/api/v1/session status=201"))
        #expect(lines.hasSuffix("stopped\n"))
        #expect(!lines.contains("demo-admin"))  // no password in the log
    }

    @Test func refusesBadArguments() throws {
        for arguments in [
            ["serve"], ["serve", "--data"], ["fly"],
            ["serve", "--data", "x", "--listen", "nowhere"],
        ] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try Self.program())
            process.arguments = arguments
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 2, "\(arguments)")
        }
    }

    private static func waitForPort(in log: String) throws -> String {
        for _ in 0..<200 {
            if let text = try? String(contentsOfFile: log, encoding: .utf8),
                let range = text.range(of: "listening host=127.0.0.1 port=")
            {
                let digits = text[range.upperBound...].prefix { $0.isNumber }
                if !digits.isEmpty { return String(digits) }
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TestFailure("the server did not log its port")
    }
}
