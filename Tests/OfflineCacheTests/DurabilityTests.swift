import BookingAPI
import BookingCore
import Foundation
import OfflineCache
import TestFiles
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `kill -9` at any moment loses no order whose `enqueue` returned. A child process (this
/// test binary, running only `enqueueUntilKilled`) takes orders as fast as it can and notes
/// each returned client id in a side file; the parent kills it with SIGKILL in mid-stream
/// and opens the outbox it left behind.
@Suite struct DurabilityTests {
    static let childFolder = "OFFLINE_CACHE_KILL_TEST_FOLDER"

    /// The child's part of `enqueuedOrdersSurviveKill9`, skipped unless that test starts it.
    @Test(.enabled(if: ProcessInfo.processInfo.environment[childFolder] != nil))
    func enqueueUntilKilled() throws {
        let folder = try #require(ProcessInfo.processInfo.environment[Self.childFolder])
        let store = try OfflineStore(folder: folder, unlockStrength: .minimal)
        let report = open(folder + "/returned", O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        defer { close(report) }
        for index in 0..<100_000 {
            let request = Demo.request([OrderItem(Demo.bikeM.id)], lastName: "Kunde \(index)")
            try store.outbox.enqueue(request, kind: .walkIn, takenOffline: true, now: Date())
            let line = Array((request.clientID + "\n").utf8)
            #expect(write(report, line, line.count) == line.count)
        }
    }

    @Test func enqueuedOrdersSurviveKill9() throws {
        let folder = TemporaryFolder()
        let child = try startChild(folder: folder.path)

        let deadline = Date().addingTimeInterval(60)
        while returned(in: folder).count < 25, child.isRunning, Date() < deadline {
            usleep(5_000)
        }
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()

        #expect(child.terminationReason == .uncaughtSignal)
        #expect(child.terminationStatus == SIGKILL)
        let returned = returned(in: folder)
        #expect(returned.count >= 25)
        let store = try folder.openStore()
        #expect(store.takeEvents().isEmpty)
        let stored = try store.outbox.unsent()
        // Every returned order is there, in order; at most one more committed unreported.
        #expect(Array(stored.prefix(returned.count).map(\.clientID)) == returned)
        #expect(stored.count <= returned.count + 1)
        let numbers = stored.map { Int($0.provisionalNumber.suffix(4))! }
        #expect(numbers == Array(1...stored.count))
    }

    private func startChild(folder: String) throws -> Process {
        let binary = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let child = Process()
        child.executableURL = URL(fileURLWithPath: binary)
        child.arguments = [
            "--testing-library", "swift-testing", "--filter", "DurabilityTests/enqueueUntilKilled",
        ]
        var environment = ProcessInfo.processInfo.environment
        environment[Self.childFolder] = folder
        child.environment = environment
        child.standardInput = FileHandle.nullDevice
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        return child
    }

    /// The client ids the child saw `enqueue` return for, in order; whole lines only.
    private func returned(in folder: TemporaryFolder) -> [String] {
        guard let data = FileManager.default.contents(atPath: folder.file("returned")) else {
            return []
        }
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.dropLast().map(String.init)
    }
}
