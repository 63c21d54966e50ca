import BookingAPI
import BookingServer
import Foundation
import Synchronization
import Testing

@testable import DeskClient

/// Several workers for one desk: they share one session, and each lets an observer see a
/// finished call on its own thread before the UI does.
@Suite struct SharedSessionTests {
    private static var staffLogin: BookingCall {
        let login = DemoData.staff
        return .logIn(
            LoginRequest(account: login.account, username: login.username, password: login.password)
        )
    }

    @Test func aLogInOnOneWorkerServesTheOthersUntilTheLogOut() throws {
        let server = try DemoServer()
        let session = SessionToken()
        let screens = try BookingWorker(configuration: server.configuration, session: session)
        let sync = try BookingWorker(configuration: server.configuration, session: session)

        screens.submit(Self.staffLogin)
        _ = try collect(1, from: screens)
        #expect(session.current != nil)
        sync.submit(.me)
        guard case .success(.session(let me)) = try collect(1, from: sync).first?.result else {
            Issue.record("the second worker did not use the session")
            return
        }
        #expect(me.user.username == "staff")

        screens.submit(.logOut)
        _ = try collect(1, from: screens)
        #expect(session.current == nil)
        sync.submit(.me)
        #expect(try collect(1, from: sync).first?.result == .failure(.sessionEnded))
    }

    @Test func anOldSessionEndingDoesNotClearANewerOne() {
        let session = SessionToken("stale")
        // A call that ran with "stale" lost it; meanwhile a newer log-in set its token.
        session.set("newer")
        session.replace("stale", with: nil)
        #expect(session.current == "newer")
        session.replace("newer", with: nil)
        #expect(session.current == nil)
    }

    @Test func theObserverSeesEachCallOnTheWorkerBeforeItIsDelivered() throws {
        let server = try DemoServer()
        let seen = Mutex<[(BookingCall, Date)]>([])
        let worker = try BookingWorker(
            configuration: server.configuration, session: SessionToken()
        ) { completion in
            seen.withLock { $0.append((completion.call, completion.startedAt)) }
        }
        let before = Date()
        worker.submit(.health)
        worker.submit(Self.staffLogin)
        let finished = try collect(2, from: worker)

        // Observed before delivery: by the time the UI has them, the observer has run.
        let observed = seen.withLock { $0 }
        #expect(observed.map(\.0) == finished.map(\.call))
        #expect(finished.allSatisfy { $0.startedAt >= before && $0.startedAt <= Date() })
        #expect(finished.map(\.startedAt) == observed.map(\.1))
    }

    @Test func theObserverSeesACallWhoseTicketWasCancelledWhileItRan() throws {
        let silent = try SilentListener()
        let seen = Mutex<[BookingCall]>([])
        let worker = try BookingWorker(
            configuration: .init(baseURL: silent.baseURL, requestTimeout: .milliseconds(300)),
            session: SessionToken()
        ) { completion in seen.withLock { $0.append(completion.call) } }
        let running = worker.submit(.health)
        usleep(50_000)
        worker.cancel(running)
        worker.submit(.branches)
        let finished = try collect(1, from: worker)
        #expect(finished.map(\.call) == [.branches])
        #expect(seen.withLock { $0 } == [.health, .branches])
    }

    @Test func theDeltaSyncCallsReachTheFeed() throws {
        let server = try DemoServer()
        let client = try server.staffClient()
        let catalogue = try client.catalogueChanges(since: nil)
        #expect(catalogue.replacesAll)
        #expect(catalogue.offers.contains { $0.name == "Fahrradanhänger" })
        #expect(try client.catalogueChanges(since: catalogue.cursor).offers.isEmpty)
        let orders = try client.orderChanges(since: nil, from: Date(), limit: 1000)
        #expect(orders.replacesAll && !orders.more)
        #expect(try client.orderChanges(since: orders.cursor, from: nil, limit: 10).orders.isEmpty)
        #expect(throws: DeskClientError.self) {
            try client.orderChanges(since: "not-a-cursor", from: nil, limit: nil)
        }
    }

    @Test func aGuideGetsTheirReleasedTours() throws {
        let server = try DemoServer()
        let client = try BookingClient(configuration: server.configuration)
        let guide = DemoData.guide
        _ = try client.logIn(
            LoginRequest(account: guide.account, username: guide.username, password: guide.password)
        )
        let tours = try client.guideTours()
        #expect(!tours.isEmpty)
        #expect(tours.allSatisfy { $0.end > $0.start && $0.participants >= 0 })
        let staff = try server.staffClient()
        do {
            _ = try staff.guideTours()
            Issue.record("staff got a guide's tours")
        } catch {
            guard case .forbidden = error else {
                Issue.record("expected 403, got \(error)")
                return
            }
        }
    }
}
