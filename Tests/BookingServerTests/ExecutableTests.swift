import BookingAPI
import BookingCore
import BookingServer
import BookingStore
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
        let client = try Self.adminClient(whenListening: log)
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

    /// Runs the program to its end; its exit status and standard output.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try program())
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func createAccountMakesAnOwnerWhosePasswordArrivesByMail() throws {
        let folder = TestServer.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let created = try Self.run([
            "create-account", "--data", folder, "--slug", "kiosk", "--name", "Kiosk am Strand",
            "--owner-username", "clara", "--owner-email", "clara@example.com", "--owner-name",
            "Clara Chefin", "--time-zone", "Europe/Vienna",
        ])
        #expect(created.status == 0)
        #expect(try Self.run(["load-demo", "--data", folder]).status == 0)  // not empty: no-op

        let server = try TestServer(demoData: false, folder: folder)
        defer { server.stop() }
        let password = try server.mailedPassword(to: "clara@example.com")
        #expect(password.count >= 16)
        let owner = try server.client(
            loggedInAs: DemoLogin(account: "kiosk", username: "clara", password: password))
        let me = try owner.get(SessionInfo.self, APIPath.session)
        #expect(me.user.role == .admin && me.user.isOwner && me.user.name == "Clara Chefin")
        #expect(me.account.timeZone == "Europe/Vienna" && me.account.name == "Kiosk am Strand")
        #expect(try owner.send("DELETE", APIPath.user(me.user.id)).status == 409)
        let trail = try owner.get(AuditEventList.self, APIPath.auditEvents).events.map(\.action)
        #expect(trail.contains("account.created") && trail.contains("user.created"))
    }

    @Test func badAccountsAndSuperusersAreRefusedWithoutChangingAnything() throws {
        let folder = TestServer.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let owner = ["--owner-username", "o", "--owner-email", "o@example.com"]
        let refused: [[String]] = [
            ["create-account", "--data", folder, "--slug", "Kiosk!", "--name", "K"] + owner,
            ["create-account", "--data", folder, "--slug", "kiosk", "--name", ""] + owner,
            [
                "create-account", "--data", folder, "--slug", "kiosk", "--name", "K",
                "--owner-username", "o", "--owner-email", "keine-adresse",
            ],
            [
                "create-account", "--data", folder, "--slug", "kiosk", "--name", "K",
                "--time-zone", "Mars/Olympus",
            ] + owner,
            [
                "create-superuser", "--data", folder, "--username", "a b", "--email",
                "a@example.com",
            ],
        ]
        for arguments in refused {
            #expect(try Self.run(arguments).status == 1, "\(arguments)")
        }
        let misused: [[String]] = [
            ["create-account", "--data", folder, "--slug", "kiosk"],
            ["create-superuser", "--data", folder, "--username", "a"],
            ["restore", "--data", folder],
            ["backup", "--data", folder, "--slug", "x"],
        ]
        for arguments in misused {
            #expect(try Self.run(arguments).status == 2, "\(arguments)")
        }
        let store = try BookingStore(folder: folder)
        defer { store.close() }
        #expect(try store.isEmpty())
        #expect(!FileManager.default.fileExists(atPath: folder + "/mail"))
    }

    @Test func backupRestoreAnonymiseAndExportRunFromTheCommandLine() throws {
        let folder = TestServer.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try Self.run(["load-demo", "--data", folder]).status == 0)
        let backup = folder + "/copy.sqlite"
        #expect(try Self.run(["backup", "--data", folder, "--out", backup]).status == 0)
        let anonymised = folder + "/anonymised.sqlite"
        let anonymise = ["anonymise", "--data", folder, "--account", "demo", "--out", anonymised]
        #expect(try Self.run(anonymise).status == 0)
        #expect(FileManager.default.fileExists(atPath: anonymised))
        let export = try Self.run([
            "export-person", "--data", folder, "--account", "demo", "--username", "nord",
        ])
        #expect(export.status == 0)
        let person = try APIJSON.decoder().decode(PersonExport.self, from: Data(export.output.utf8))
        #expect(person.user?.branchIDs?.count == 1)
        #expect(try Self.run(["restore", "--data", folder, "--from", backup]).status == 0)
        #expect(try Self.run(["restore", "--data", folder, "--from", folder + "/nix"]).status == 1)
    }

    /// A client logged in as the demo admin, once the server logging to `log` listens.
    static func adminClient(whenListening log: String) throws -> APIClient {
        let port = try waitForPort(in: log)
        let client = try APIClient(baseURL: "http://127.0.0.1:\(port)")
        try client.logIn(DemoData.admin)
        return client
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
