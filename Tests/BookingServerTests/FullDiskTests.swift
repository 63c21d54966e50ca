import BookingAPI
import BookingCore
import BookingServer
import Foundation
import TestSupport
import Testing

/// The program on a disk that fills: a limit on the size of every file it writes stands in
/// for the disk, so that the limit lasts and the test needs no file system of its own.
@Suite struct FullDiskTests {
    /// Bytes any one file may grow to: room for the WAL of about 60 orders and for the
    /// database file with all of `orderCount`.
    static let fileSizeLimit = 2_000_000
    static let orderCount = 400

    /// Starts `booking-server serve` on `folder` under the file size limit, logging to `log`.
    /// Writes past the limit then fail (EFBIG) as on a full disk, instead of killing it.
    static func serveWithLimit(folder: String, log: String) throws -> Process {
        let serve = Process()
        serve.executableURL = URL(fileURLWithPath: "/bin/sh")
        serve.arguments = [
            "-c", "trap '' XFSZ; exec prlimit --fsize=\(fileSizeLimit) -- \"$@\"", "sh",
            try ExecutableTests.program(), "serve", "--data", folder, "--listen", "127.0.0.1:0",
            "--log-file", log, "--access-log", "off",
        ]
        try serve.run()
        return serve
    }

    /// The `index`th order: one bicycle for an hour, six a day, from a month ahead.
    static func draft(_ index: Int, offer: OfferID) -> OrderDraft {
        let today = (Date().timeIntervalSince1970 / 86400).rounded(.down)
        let start = Date(timeIntervalSince1970: (today + 30 + Double(index / 6)) * 86400 + 32400)
        return OrderDraft(
            branchID: BranchID(1), start: start, end: start + 3600,
            offers: [OrderItem(offer, quantity: 1)])
    }

    /// A commit that finds no room to grow the WAL fails; the server must then start the WAL
    /// over, which needs no more room, and not fail every order after it.
    @Test(.timeLimit(.minutes(2)))
    func ordersGoOnWhenTheWALFindsNoRoomToGrow() throws {
        let folder = TestServer.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try ExecutableTests.run(["load-demo", "--data", folder]).status == 0)
        let log = folder + "-server.log"
        defer { try? FileManager.default.removeItem(atPath: log) }
        let serve = try Self.serveWithLimit(folder: folder, log: log)
        defer {
            serve.terminate()
            serve.waitUntilExit()
        }

        let client = try ExecutableTests.adminClient(whenListening: log)
        let bicycle = try client.offer(named: "Fahrrad M").id
        var failedOnce = 0
        for index in 0..<Self.orderCount {
            let draft = Self.draft(index, offer: bicycle)
            let clientID = UUID().uuidString
            guard try client.placeOrder(draft, clientID: clientID).status != 201 else { continue }
            failedOnce += 1
            let again = try client.placeOrder(draft, clientID: clientID)
            try #require(again.status == 201, "order \(index) failed twice")
        }

        #expect(failedOnce > 0, "the WAL never reached the limit")
        #expect(failedOnce < Self.orderCount / 20)
    }
}
