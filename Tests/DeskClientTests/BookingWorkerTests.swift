import BookingAPI
import BookingServer
import DeskClient
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The worker runs calls off the caller's thread and hands results back through the inbox
/// and the wake-up pipe, as the desk's UI loop uses it.
@Suite struct BookingWorkerTests {
    @Test func deliversAResultAndWakesThePipe() throws {
        let server = try DemoServer()
        let worker = try BookingWorker(configuration: server.configuration)

        let ticket = worker.submit(.health)
        #expect(waitForWake(worker))
        let finished = worker.takeFinished()

        #expect(finished.map(\.ticket) == [ticket])
        #expect(finished.first?.call == .health)
        guard case .success(.health(let health)) = finished.first?.result else {
            Issue.record("expected health, got \(String(describing: finished.first?.result))")
            return
        }
        #expect(health.status == "ok")
        #expect(!isReadable(worker.wakeDescriptor), "takeFinished empties the pipe")
        #expect(worker.outstanding == 0)
    }

    @Test func keepsTheSessionAcrossCallsInTheOrderSubmitted() throws {
        let server = try DemoServer()
        let worker = try BookingWorker(configuration: server.configuration)
        let login = DemoData.staff

        let tickets = [
            worker.submit(
                .logIn(
                    .init(
                        account: login.account, username: login.username, password: login.password))
            ),
            worker.submit(.me),
            worker.submit(.logOut),
            worker.submit(.me),
        ]
        let finished = try collect(tickets.count, from: worker)

        #expect(finished.map(\.ticket) == tickets)
        guard case .success(.session(let me)) = finished[1].result else {
            Issue.record("expected the session, got \(finished[1].result)")
            return
        }
        #expect(me.user.username == "staff")
        #expect(finished[2].result == .success(.done))
        #expect(finished[3].result == .failure(.sessionEnded))
    }

    @Test func submitReturnsAtOnceWhileTheServerIsSilent() throws {
        let silent = try SilentListener()
        let worker = try BookingWorker(
            configuration: .init(baseURL: silent.baseURL, requestTimeout: .milliseconds(400)))

        let ticket = worker.submit(.health)
        let early = worker.takeFinished()
        let outstanding = worker.outstanding
        #expect(waitForWake(worker))
        let finished = worker.takeFinished()

        #expect(early.isEmpty)
        #expect(outstanding == 1)
        #expect(finished.map(\.ticket) == [ticket])
        guard case .failure(let error) = finished.first?.result else {
            Issue.record("expected a timeout")
            return
        }
        #expect(error.messageKey == "error.timeout")
        #expect(error.isUnreachable)
    }

    @Test func aRefusedConnectionIsOffline() throws {
        let worker = try BookingWorker(configuration: .init(baseURL: "http://127.0.0.1:1"))

        worker.submit(.branches)
        #expect(waitForWake(worker))
        let finished = worker.takeFinished()

        guard case .failure(let error) = finished.first?.result else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.messageKey == "error.offline")
        #expect(error.isUnreachable)
    }

    @Test func dropsTheResultsOfCancelledTickets() throws {
        let silent = try SilentListener()
        let worker = try BookingWorker(
            configuration: .init(baseURL: silent.baseURL, requestTimeout: .milliseconds(300)))

        let running = worker.submit(.health)
        let queued = worker.submit(.branches)
        let wanted = worker.submit(.categories)
        worker.cancel(running)
        worker.cancel(queued)
        let finished = try collect(1, from: worker)

        #expect(finished.map(\.ticket) == [wanted])
        #expect(finished.first?.call == .categories)
        #expect(worker.outstanding == 0)
        #expect(running < queued && queued < wanted)
    }

    @Test func deliversNothingAfterStop() throws {
        let silent = try SilentListener()
        let worker = try BookingWorker(
            configuration: .init(baseURL: silent.baseURL, requestTimeout: .milliseconds(200)))

        worker.submit(.health)
        worker.submit(.branches)
        worker.stop()
        worker.submit(.categories)
        // Longer than the running call's timeout: its result would be in by now.
        Thread.sleep(forTimeInterval: 0.6)

        #expect(!isReadable(worker.wakeDescriptor))
        #expect(worker.takeFinished().isEmpty)
        #expect(worker.outstanding == 0)
    }
}

/// Waits, as the desk's UI loop does, until the worker's pipe is readable (at most 15 s).
func waitForWake(_ worker: BookingWorker) -> Bool {
    var descriptor = pollfd(fd: worker.wakeDescriptor, events: Int16(POLLIN), revents: 0)
    return poll(&descriptor, 1, 15_000) == 1
}

func isReadable(_ fd: Int32) -> Bool {
    var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    return poll(&descriptor, 1, 0) == 1
}

/// Takes finished calls until `count` have arrived.
func collect(_ count: Int, from worker: BookingWorker) throws -> [BookingWorker.Completion] {
    var finished: [BookingWorker.Completion] = []
    while finished.count < count {
        try #require(waitForWake(worker), "only \(finished.count) of \(count) calls finished")
        finished += worker.takeFinished()
    }
    return finished
}

/// A loopback port that accepts connections (the kernel completes them) and never answers.
final class SilentListener {
    let port: Int
    private let fd: Int32

    init() throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let fd = fd
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(fd, generic, length) == 0 && listen(fd, 16) == 0
                    && getsockname(fd, generic, &length) == 0
            }
        }
        try #require(bound, "cannot listen on loopback")
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(fd) }

    var baseURL: String { "http://127.0.0.1:\(port)" }
}
