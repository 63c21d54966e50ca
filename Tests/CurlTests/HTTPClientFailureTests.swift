import Curl
import Foundation
import Testing

/// Transport failures through the real libcurl: each becomes a `CurlError` of its kind.
@Suite struct HTTPClientFailureTests {
    @Test func aRefusedConnectionIsCouldNotConnect() throws {
        let client = try HTTPClient()

        let error = #expect(throws: CurlError.self) {
            try client.send(.init(url: "http://127.0.0.1:1/health"))
        }

        #expect(error?.kind == .couldNotConnect)
        #expect(error?.code == 7)
        #expect(error?.message.isEmpty == false)
    }

    @Test func anUnresolvableHostIsCouldNotResolve() throws {
        let client = try HTTPClient()

        let error = #expect(throws: CurlError.self) {
            try client.send(.init(url: "http://no-such-host.invalid/health"))
        }

        #expect(error?.kind == .couldNotResolve)
        #expect(error?.code == 6)
    }

    @Test func aServerThatNeverAnswersTimesOut() throws {
        let server = try LoopbackServer { $0.waitForClose() }
        let client = try HTTPClient(configuration: .init(requestTimeout: .milliseconds(300)))
        let start = ContinuousClock.now

        let error = #expect(throws: CurlError.self) {
            try client.send(.init(url: "http://127.0.0.1:\(server.port)/health"))
        }

        #expect(error?.kind == .timedOut)
        #expect(error?.message.contains("timed out") == true)
        // Generous bound: it must end by the timeout, not by the test harness.
        #expect(ContinuousClock.now - start < .seconds(5))
        server.stop()
    }

    @Test func aResponseOverTheLimitIsResponseTooLarge() throws {
        let server = try HTTPFixture.start()
        let client = try HTTPClient(configuration: .init(maxResponseBytes: 1000))

        let fits = try client.send(.init(url: "http://127.0.0.1:\(server.port)/bytes/1000"))
        let error = #expect(throws: CurlError.self) {
            try client.send(.init(url: "http://127.0.0.1:\(server.port)/bytes/1001"))
        }

        #expect(fits.body.count == 1000)
        #expect(error?.kind == .responseTooLarge)
    }

    @Test func aStreamedResponseOverTheLimitIsResponseTooLarge() throws {
        // No Content-Length: the limit must hold while the body arrives.
        let server = try LoopbackServer { connection in
            _ = HTTPFixtureRequest(reading: connection)
            connection.write("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n")
            for _ in 0..<64 { connection.write([UInt8](repeating: 98, count: 4096)) }
        }
        let client = try HTTPClient(configuration: .init(maxResponseBytes: 10_000))

        let error = #expect(throws: CurlError.self) {
            try client.send(.init(url: "http://127.0.0.1:\(server.port)/stream"))
        }

        #expect(error?.kind == .responseTooLarge)
    }

    @Test func theClientWorksAgainAfterAFailure() throws {
        let server = try HTTPFixture.start()
        let client = try HTTPClient(configuration: .init(maxResponseBytes: 10))

        #expect(throws: CurlError.self) {
            try client.send(.init(url: "http://127.0.0.1:\(server.port)/bytes/11"))
        }
        #expect(throws: CurlError.self) { try client.send(.init(url: "http://127.0.0.1:1/")) }
        let response = try client.send(.init(url: "http://127.0.0.1:\(server.port)/bytes/2"))

        #expect(response.bodyText == "aa")
    }
}

/// Header names and values that would split the request are refused before anything is sent.
@Suite struct HeaderCheckTests {
    @Test(arguments: [
        ("X Bad", "1"), ("", "1"), ("Grüße", "1"), ("X-Ok", "a\r\nInjected: yes"),
        ("X-Ok", "a\nb"), ("X-Ok", "a\u{0}b"),
    ])
    func refusesHeadersThatWouldSplitTheRequest(name: String, value: String) throws {
        let client = try HTTPClient()

        let error = #expect(throws: CurlError.self) {
            try client.send(.init(url: "http://127.0.0.1:1/", headers: [name: value]))
        }

        #expect(error?.message.contains("not a valid header line") == true)
    }
}
