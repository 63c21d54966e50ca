import Curl
import Dispatch
import Foundation
import Glibc
import HTTPServer
import Testing

/// libmicrohttpd behind HTTPServer: whole bodies, early refusals, keep-alive, both models.
@Suite struct HTTPServerTests {
    static func echo(_ threading: HTTPServer.Threading = .threadPerConnection) throws -> HTTPServer
    {
        try HTTPServer(
            configuration: HTTPServer.Configuration(threading: threading, maxTargetBytes: 1000),
            handler: { request in
                let summary =
                    "\(request.method) \(request.path) q=\(request.queryValue("q") ?? "-")"
                    + " body=\(request.body.count) auth=\(request.header("authorization") ?? "-")"
                return HTTPResponse(
                    status: 200, headers: ["X-Test": "yes"], body: Array(summary.utf8))
            },
            refusal: { refusal, _ in
                switch refusal {
                case .bodyTooLarge: return HTTPResponse(status: 413, body: Array("too large".utf8))
                case .targetTooLong: return HTTPResponse(status: 414, body: Array("too long".utf8))
                }
            })
    }

    @Test(arguments: [HTTPServer.Threading.threadPerConnection, .threadPool(2)])
    func echoesMethodPathQueryHeadersAndWholeBodies(_ threading: HTTPServer.Threading) throws {
        let server = try Self.echo(threading)
        defer { server.stop() }
        #expect(server.port > 0)
        let client = try HTTPClient()
        let body = [UInt8](repeating: 65, count: 900_000)
        let response = try client.send(
            HTTPClient.Request(
                method: "POST", url: "http://127.0.0.1:\(server.port)/a%20b?q=Gr%C3%B6%C3%9Fe",
                headers: ["Authorization": "Bearer t"], body: body))
        #expect(response.status == 200)
        #expect(response.headers["x-test"] == "yes")
        #expect(
            String(decoding: response.body, as: UTF8.self)
                == "POST /a b q=Größe body=900000 auth=Bearer t")
    }

    @Test func refusesAnOversizedBodyBeforeReadingItWhenTheClientWaits() throws {
        let server = try Self.echo()
        defer { server.stop() }
        // Announce 2 MiB and wait to be told to continue: the answer must come at once.
        let waiting = try RawHTTP.exchange(
            port: server.port,
            "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 2097152\r\n"
                + "Expect: 100-continue\r\n\r\n")
        #expect(waiting.hasPrefix("HTTP/1.1 413"))
        #expect(waiting.contains("too large"))
        // Announce far more than would ever be read: refused at once too.
        let huge = try RawHTTP.exchange(
            port: server.port,
            "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 1073741824\r\n\r\n")
        #expect(huge.hasPrefix("HTTP/1.1 413"))
    }

    /// A client that sends its too large body at once reads the refusal after it, never a
    /// reset connection.
    @Test func refusesAnOversizedBodyThatIsSentAtOnceAfterReadingIt() throws {
        let server = try Self.echo()
        defer { server.stop() }
        let client = try HTTPClient()
        for size in [(1 << 20) + 1, 4 << 20] {
            let response = try client.send(
                HTTPClient.Request(
                    method: "POST", url: "http://127.0.0.1:\(server.port)/x",
                    body: [UInt8](repeating: 67, count: size)))
            #expect(response.status == 413)
        }
    }

    @Test func refusesAChunkedBodyThatGrowsTooLarge() throws {
        let server = try Self.echo()
        defer { server.stop() }
        let client = try HTTPClient()
        let response = try client.send(
            HTTPClient.Request(
                method: "POST", url: "http://127.0.0.1:\(server.port)/x",
                headers: ["Transfer-Encoding": "chunked"],
                body: [UInt8](repeating: 66, count: (1 << 20) + 10)))
        #expect(response.status == 413)
    }

    @Test func refusesALongTarget() throws {
        let server = try Self.echo()
        defer { server.stop() }
        let client = try HTTPClient()
        let url = "http://127.0.0.1:\(server.port)/?q=" + String(repeating: "x", count: 2000)
        let response = try client.send(HTTPClient.Request(url: url))
        #expect(response.status == 414)
        #expect(String(decoding: response.body, as: UTF8.self) == "too long")
    }

    @Test func keepsTheConnectionAliveBetweenRequests() throws {
        let server = try Self.echo()
        defer { server.stop() }
        let answer = try RawHTTP.exchange(
            port: server.port,
            "GET /one HTTP/1.1\r\nHost: a\r\n\r\nGET /two HTTP/1.1\r\nHost: a\r\nConnection: "
                + "close\r\n\r\n"
        )
        #expect(answer.components(separatedBy: "HTTP/1.1 200").count == 3)
        #expect(answer.contains("GET /one"))
        #expect(answer.contains("GET /two"))
    }

    /// A server whose handler signals `entered` and then waits for `release`.
    static func holding(entered: DispatchSemaphore, release: DispatchSemaphore) throws
        -> HTTPServer
    {
        try HTTPServer(
            configuration: HTTPServer.Configuration(),
            handler: { _ in
                entered.signal()
                release.wait()
                return HTTPResponse(status: 201, body: Array("stored".utf8))
            },
            refusal: { _, _ in HTTPResponse(status: 400) })
    }

    /// A request already in its handler when the server stops still gets its whole answer,
    /// and the stop waits for it.
    @Test(.timeLimit(.minutes(1)))
    func stoppingLetsARunningRequestAnswer() throws {
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let server = try Self.holding(entered: entered, release: release)
        let port = server.port
        let answer = Mutex<Result<HTTPClient.Response, Error>?>(nil)
        let answered = DispatchSemaphore(value: 0)
        Thread {
            let result = Result {
                try HTTPClient().send(
                    HTTPClient.Request(method: "POST", url: "http://127.0.0.1:\(port)/orders"))
            }
            answer.withLock { $0 = result }
            answered.signal()
        }.start()
        entered.wait()

        let stopped = DispatchSemaphore(value: 0)
        Thread {
            server.stop()
            stopped.signal()
        }.start()
        #expect(stopped.wait(timeout: .now() + 0.2) == .timedOut)
        release.signal()
        answered.wait()
        stopped.wait()

        let response = try #require(try answer.withLock { $0 }?.get())
        #expect(response.status == 201)
        #expect(response.body == Array("stored".utf8))
        #expect(response.headers["connection"] == "close")
    }

    @Test func stopsTwiceAndRefusesABadHost() throws {
        let server = try Self.echo()
        server.stop()
        server.stop()
        #expect(throws: HTTPServerError.self) {
            _ = try HTTPServer(
                configuration: HTTPServer.Configuration(host: "not an address"),
                handler: { _ in HTTPResponse(status: 200) },
                refusal: { _, _ in HTTPResponse(status: 400) })
        }
    }
}

/// Sends raw bytes on a fresh TCP connection and reads until the server closes it.
enum RawHTTP {
    struct Failure: Error {}

    static func exchange(port: UInt16, _ text: String) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure() }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw Failure() }
        let bytes = Array(text.utf8)
        guard send(fd, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else {
            throw Failure()
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            guard n > 0 else { break }
            received += buffer[0..<n]
        }
        return String(decoding: received, as: UTF8.self)
    }
}
