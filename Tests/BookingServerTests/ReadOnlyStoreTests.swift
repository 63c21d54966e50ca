import BookingServer
import Foundation
import TestSupport
import Testing

/// A database file the server's user may only read, as a copy restored with mode 0400 is.
@Suite struct ReadOnlyStoreTests {
    /// Root may write any file, so as root the program runs as nobody, who owns the folder.
    static let nobody: UInt32 = 65534

    /// `booking-server` with `arguments`, as nobody when the test runs as root.
    ///
    /// Nobody may not reach the build folder (a checkout under /root, say), so as root the
    /// program runs from a copy beside the data folder.
    static func program(_ arguments: [String], copyIn folder: String) throws -> Process {
        let process = Process()
        let built = try ExecutableTests.program()
        guard getuid() == 0 else {
            process.executableURL = URL(fileURLWithPath: built)
            process.arguments = arguments
            return process
        }
        let copy = folder + "-program/booking-server"
        if !FileManager.default.fileExists(atPath: copy) {
            try FileManager.default.createDirectory(
                atPath: folder + "-program", withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o755])
            try FileManager.default.copyItem(atPath: built, toPath: copy)
        }
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments =
            ["--reuid=\(nobody)", "--regid=\(nobody)", "--clear-groups", copy] + arguments
        return process
    }

    /// A data folder with the demo data and its database file alone, as a restore leaves it,
    /// owned by the user the program runs as.
    static func makeDataFolder() throws -> String {
        let folder = TestServer.makeFolder()
        #expect(try ExecutableTests.run(["load-demo", "--data", folder]).status == 0)
        for suffix in ["-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: folder + "/booking.sqlite" + suffix)
        }
        guard getuid() == 0 else { return folder }
        let owner: [FileAttributeKey: Any] = [
            .ownerAccountID: nobody, .groupOwnerAccountID: nobody,
        ]
        try FileManager.default.setAttributes(owner, ofItemAtPath: folder)
        for item in try FileManager.default.subpathsOfDirectory(atPath: folder) {
            try FileManager.default.setAttributes(owner, ofItemAtPath: folder + "/" + item)
        }
        return folder
    }

    /// Without the check SQLite opened the file read-only without a word: the server said it
    /// was listening, answered every write with 500, and left a -shm file no writer could use.
    @Test(.timeLimit(.minutes(1)))
    func theServerRefusesToStartOnAFileItMayOnlyRead() throws {
        let folder = try Self.makeDataFolder()
        defer {
            try? FileManager.default.removeItem(atPath: folder)
            try? FileManager.default.removeItem(atPath: folder + "-program")
        }
        let database = folder + "/booking.sqlite"
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: database)

        let refused = try Self.program(
            ["serve", "--data", folder, "--listen", "127.0.0.1:0"], copyIn: folder)
        let errors = Pipe()
        refused.standardError = errors
        try refused.run()
        let deadline = Date() + 10
        while refused.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if refused.isRunning { refused.terminate() }
        refused.waitUntilExit()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: output, as: UTF8.self)
        #expect(refused.terminationStatus == 1)
        #expect(message.contains("read-only") && message.contains(database))
        #expect(!FileManager.default.fileExists(atPath: database + "-shm"))

        // Once the file may be written again the server starts and writes.
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: database)
        let log = folder + "/server.log"
        let serve = try Self.program(
            ["serve", "--data", folder, "--listen", "127.0.0.1:0", "--log-file", log],
            copyIn: folder)
        try serve.run()
        defer {
            serve.terminate()
            serve.waitUntilExit()
        }
        _ = try ExecutableTests.adminClient(whenListening: log)
    }
}
