import Foundation

/// A small HTTP/1.1 server for tests, on a `LoopbackServer`: it answers
/// - `/echo` with the request body, and `X-Method` set to the request method;
/// - `/headers` with the request's header lines as the body;
/// - `/bytes/N` with N bytes of "a";
/// - `/status/N` with status N and an error envelope;
/// - anything else with 404.
/// Connections are kept alive, as libcurl expects.
enum HTTPFixture {
    static func start() throws -> LoopbackServer {
        try LoopbackServer { connection in
            while let request = HTTPFixtureRequest(reading: connection) {
                connection.write(respond(to: request))
            }
        }
    }

    static func respond(to request: HTTPFixtureRequest) -> [UInt8] {
        let path = request.path
        if path == "/echo" {
            return response(200, body: request.body, extra: ["X-Method: \(request.method)"])
        }
        if path == "/headers" {
            return response(200, body: Array(request.headerLines.joined(separator: "\n").utf8))
        }
        if path.hasPrefix("/bytes/"), let count = Int(path.dropFirst(7)) {
            return response(200, body: [UInt8](repeating: UInt8(ascii: "a"), count: count))
        }
        if path.hasPrefix("/status/"), let status = Int(path.dropFirst(8)) {
            let envelope = #"{"error":{"code":"fixture","message":"Status \#(status)"}}"#
            return response(status, body: Array(envelope.utf8))
        }
        return response(404, body: Array("not found".utf8))
    }

    private static func response(_ status: Int, body: [UInt8], extra: [String] = []) -> [UInt8] {
        let head =
            [
                "HTTP/1.1 \(status) Fixture", "Content-Length: \(body.count)",
                "Content-Type: text/plain; charset=utf-8", "X-Mixed-Case-Header: Yes",
            ] + extra
        return Array((head.joined(separator: "\r\n") + "\r\n\r\n").utf8) + body
    }
}

/// A request as the fixture read it: request line, header lines, body by Content-Length.
struct HTTPFixtureRequest {
    let method: String
    let path: String
    let headerLines: [String]
    let body: [UInt8]

    init?(reading connection: PeerConnection) {
        guard let requestLine = connection.readLine(), !requestLine.isEmpty else { return nil }
        let parts = requestLine.split(separator: " ")
        guard parts.count == 3 else { return nil }

        var lines: [String] = []
        while let line = connection.readLine(), !line.isEmpty { lines.append(line) }
        let length =
            lines.lazy.compactMap { line -> Int? in
                guard line.lowercased().hasPrefix("content-length:") else { return nil }
                return Int(line.dropFirst(15).trimmingCharacters(in: .whitespaces))
            }.first ?? 0
        guard let body = connection.read(count: length) else { return nil }

        method = String(parts[0])
        path = String(parts[1])
        headerLines = lines
        self.body = body
    }
}

/// `python3 -m http.server` serving a folder on a free loopback port: an HTTP server
/// written by someone else, so the client is not only tested against our own fixture.
final class StaticFileServer {
    let port: Int
    private let process: Process

    init(serving folder: URL) throws {
        (process, port) = try PythonServer.start(
            arguments: [
                "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", folder.path,
            ],
            portPattern: "port ")
    }

    deinit { PythonServer.stop(process) }
}

/// Starting a Python server process and reading the port it chose from its first line.
enum PythonServer {
    static func start(arguments: [String], portPattern: String, folder: URL? = nil) throws
        -> (Process, Int)
    {
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        if let folder { process.currentDirectoryURL = folder }
        try process.run()

        // The first line names the port, e.g. "Serving HTTP on 127.0.0.1 port 41234 (...)".
        var line: [UInt8] = []
        while let byte = try output.fileHandleForReading.read(upToCount: 1)?.first, byte != 10 {
            line.append(byte)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: portPattern),
            let port = Int(text[range.upperBound...].prefix(while: \.isNumber))
        else {
            stop(process)
            throw FixtureError("python3 server did not report its port: \(text)")
        }
        return (process, port)
    }

    /// SIGKILL, because the child inherits the test thread's blocked signals and would
    /// ignore SIGTERM (`Process.terminate`) and keep `waitUntilExit` waiting forever.
    static func stop(_ process: Process) {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
