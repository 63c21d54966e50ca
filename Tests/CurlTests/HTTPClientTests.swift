import Curl
import Foundation
import Synchronization
import TestFiles
import Testing

@Suite struct HTTPClientTests {
    @Test func getsAFileFromAnIndependentServer() throws {
        let folder = TemporaryFolder(prefix: "curl-tests")
        let text = "Fahrradanhänger – Größe L\n"
        try Data(text.utf8).write(to: folder.url.appendingPathComponent("offer.txt"))
        let server = try StaticFileServer(serving: folder.url)

        let client = try HTTPClient()
        let response = try client.send(.init(url: "http://127.0.0.1:\(server.port)/offer.txt"))

        #expect(response.status == 200)
        #expect(response.bodyText == text)
        #expect(response.headers["content-length"] == "\(Array(text.utf8).count)")
    }

    @Test func reusesOneClientForManyRequests() throws {
        let folder = TemporaryFolder(prefix: "curl-tests")
        try Data("eins".utf8).write(to: folder.url.appendingPathComponent("a.txt"))
        let server = try StaticFileServer(serving: folder.url)
        let client = try HTTPClient()

        let found = try client.send(.init(url: "http://127.0.0.1:\(server.port)/a.txt"))
        let missing = try client.send(.init(url: "http://127.0.0.1:\(server.port)/b.txt"))
        let again = try client.send(.init(url: "http://127.0.0.1:\(server.port)/a.txt"))

        #expect(found.status == 200 && found.bodyText == "eins")
        #expect(missing.status == 404)
        #expect(again.status == 200 && again.bodyText == "eins")
    }

    @Test func keepsTheConnectionBetweenRequests() throws {
        let connections = Mutex(0)
        let server = try LoopbackServer { connection in
            connections.withLock { $0 += 1 }
            while let request = HTTPFixtureRequest(reading: connection) {
                connection.write(HTTPFixture.respond(to: request))
            }
        }
        let client = try HTTPClient()

        for _ in 0..<3 {
            _ = try client.send(.init(url: "http://127.0.0.1:\(server.port)/bytes/1"))
        }

        #expect(connections.withLock { $0 } == 1)
    }

    @Test func postsUmlautsAndGetsThemBack() throws {
        let server = try HTTPFixture.start()
        let client = try HTTPClient()
        let text = #"{"name":"Jürgen Müller","note":"Straße 5, Größe XL – 1.234,50 €"}"#

        let response = try client.send(
            .init(
                method: "POST", url: "http://127.0.0.1:\(server.port)/echo",
                headers: ["Content-Type": "application/json; charset=utf-8"], body: Array(text.utf8)
            ))

        #expect(response.status == 200)
        #expect(response.bodyText == text)
        #expect(response.headers["x-method"] == "POST")
    }

    @Test(arguments: ["PUT", "PATCH", "DELETE"])
    func sendsOtherMethodsWithTheirBody(method: String) throws {
        let server = try HTTPFixture.start()
        let client = try HTTPClient()

        let response = try client.send(
            .init(
                method: method, url: "http://127.0.0.1:\(server.port)/echo", body: Array("x".utf8)))

        #expect(response.headers["x-method"] == method)
        #expect(response.bodyText == "x")
    }

    @Test func postsAnEmptyBodyWithoutReadingStandardInput() throws {
        let server = try HTTPFixture.start()
        let client = try HTTPClient(configuration: .init(requestTimeout: .seconds(5)))

        let response = try client.send(
            .init(method: "POST", url: "http://127.0.0.1:\(server.port)/echo"))

        #expect(response.status == 200)
        #expect(response.body.isEmpty)
        #expect(response.headers["x-method"] == "POST")
    }

    @Test func roundTripsA900KilobyteBody() throws {
        let server = try HTTPFixture.start()
        let client = try HTTPClient()
        let body = (0..<900 * 1024).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }

        let response = try client.send(
            .init(method: "POST", url: "http://127.0.0.1:\(server.port)/echo", body: body))

        #expect(response.status == 200)
        #expect(response.body.count == body.count)
        #expect(response.body == body)
    }

    @Test func lowerCasesResponseHeaderNames() throws {
        let server = try HTTPFixture.start()
        let client = try HTTPClient()

        let response = try client.send(.init(url: "http://127.0.0.1:\(server.port)/bytes/3"))

        #expect(response.headers["x-mixed-case-header"] == "Yes")
        #expect(response.headers["content-type"] == "text/plain; charset=utf-8")
        #expect(response.headers.keys.allSatisfy { $0 == $0.lowercased() })
    }

    @Test func sendsRequestHeadersAndTheUserAgent() throws {
        let server = try HTTPFixture.start()
        let client = try HTTPClient(configuration: .init(userAgent: "BookingDesk-Test/1"))

        let response = try client.send(
            .init(
                url: "http://127.0.0.1:\(server.port)/headers",
                headers: ["Authorization": "Bearer abc", "Idempotency-Key": "k-1", "X-Empty": ""]))

        let lines = response.bodyText.split(separator: "\n").map(String.init)
        #expect(lines.contains("Authorization: Bearer abc"))
        #expect(lines.contains("Idempotency-Key: k-1"))
        #expect(lines.contains("X-Empty:"))
        #expect(lines.contains("User-Agent: BookingDesk-Test/1"))
        #expect(!lines.contains { $0.lowercased().hasPrefix("expect:") })
    }

    @Test func answersErrorStatusesAsResponses() throws {
        let server = try HTTPFixture.start()
        let client = try HTTPClient()

        let response = try client.send(.init(url: "http://127.0.0.1:\(server.port)/status/409"))

        #expect(response.status == 409)
        #expect(response.bodyText.contains(#""code":"fixture""#))
    }

    @Test(arguments: ["X-Bad\r\nInjected: 1", "X Space", ""])
    func refusesAHeaderNameThatWouldSplitTheRequest(name: String) throws {
        let client = try HTTPClient()

        let error = #expect(throws: CurlError.self) {
            try client.send(.init(url: "http://127.0.0.1:1/", headers: [name: "v"]))
        }

        #expect(error?.kind == .other)
    }

    @Test func refusesAHeaderValueWithALineBreak() throws {
        let client = try HTTPClient()

        let error = #expect(throws: CurlError.self) {
            try client.send(
                .init(url: "http://127.0.0.1:1/", headers: ["X-Note": "a\r\nHost: evil"]))
        }

        #expect(error?.kind == .other)
        #expect(error?.code == 43)
    }

    @Test func refusesAURLWithANulByte() throws {
        let client = try HTTPClient()

        let error = #expect(throws: CurlError.self) {
            try client.send(.init(url: "http://127.0.0.1:1/\u{0}x"))
        }

        #expect(error?.kind == .other)
    }

    @Test func refusesOtherSchemes() throws {
        let client = try HTTPClient()

        let error = #expect(throws: CurlError.self) {
            try client.send(.init(url: "file:///etc/passwd"))
        }

        #expect(error?.code == 1)  // CURLE_UNSUPPORTED_PROTOCOL
    }
}
