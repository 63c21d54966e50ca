import Curl
import Foundation
import TestFiles
import Testing

/// HTTPS against a Python server whose certificate comes from a private CA made for the
/// test: verification is always on, and `caFile` is how a private CA is trusted.
@Suite struct TLSTests {
    @Test func trustsAServerSignedByTheConfiguredCA() throws {
        let server = try TLSServer()

        let client = try HTTPClient(configuration: .init(caFile: server.caFile))
        let response = try client.send(.init(url: "https://127.0.0.1:\(server.port)/hello.txt"))

        #expect(response.status == 200)
        #expect(response.bodyText == "grüß dich")
    }

    @Test func refusesTheSameServerWithoutTheCA() throws {
        let server = try TLSServer()

        let client = try HTTPClient()
        let error = #expect(throws: CurlError.self) {
            try client.send(.init(url: "https://127.0.0.1:\(server.port)/hello.txt"))
        }

        #expect(error?.kind == .tls)
    }

    @Test func refusesAHostNameTheCertificateDoesNotName() throws {
        let server = try TLSServer()

        // The certificate names 127.0.0.1 only; "localhost" reaches the same server.
        let client = try HTTPClient(configuration: .init(caFile: server.caFile))
        let error = #expect(throws: CurlError.self) {
            try client.send(.init(url: "https://localhost:\(server.port)/hello.txt"))
        }

        #expect(error?.kind == .tls)
    }

    @Test func aMissingCAFileIsATLSError() throws {
        let server = try TLSServer()

        let client = try HTTPClient(configuration: .init(caFile: "/nonexistent/ca.pem"))
        let error = #expect(throws: CurlError.self) {
            try client.send(.init(url: "https://127.0.0.1:\(server.port)/hello.txt"))
        }

        #expect(error?.kind == .tls)
    }
}

/// A self-signed certificate for 127.0.0.1 (made with the `openssl` command) served by
/// Python's `http.server` wrapped in `ssl`.
final class TLSServer {
    let port: Int
    let caFile: String
    private let folder: TemporaryFolder
    private let process: Process

    init() throws {
        folder = TemporaryFolder(prefix: "curl-tests")
        caFile = folder.url.appendingPathComponent("cert.pem").path
        let keyFile = folder.url.appendingPathComponent("key.pem").path
        try Self.run(
            "/usr/bin/env", "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
            "-keyout", keyFile, "-out", caFile, "-days", "1", "-subj", "/CN=BookingDesk test",
            "-addext", "subjectAltName=IP:127.0.0.1")
        try Data("grüß dich".utf8).write(to: folder.url.appendingPathComponent("hello.txt"))

        let script = """
            import http.server, ssl
            handler = http.server.SimpleHTTPRequestHandler
            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain("\(caFile)", "\(keyFile)")
            server.socket = context.wrap_socket(server.socket, server_side=True)
            print("port", server.server_address[1], flush=True)
            server.serve_forever()
            """
        (process, port) = try PythonServer.start(
            arguments: ["-u", "-c", script], portPattern: "port ", folder: folder.url)
    }

    deinit { PythonServer.stop(process) }

    private static func run(_ arguments: String...) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw FixtureError("\(arguments[1]) failed with status \(process.terminationStatus)")
        }
    }
}
