import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A loopback TCP forwarder between a client and a server, for the network failures the
/// desk must survive: `cut()` ends every connection and answers new ones by closing them
/// (the client sees the server gone), and `dropNextResponse(after:)` forwards a request
/// but loses its response and closes the connection (the server stored the order, the
/// client never hears back). Bytes pass unchanged otherwise.
///
/// A lost response passes its headers, not its body, before the line breaks: libcurl
/// re-sends a request by itself when a reused connection closes before any of the answer
/// arrived, and takes a response without a blank line after its headers as complete,
/// either of which would hide the loss from the client under test.
public final class TestProxy: Sendable {
    public let port: UInt16
    private let listener: Int32
    private let state = Mutex(State())

    private struct State {
        var target: UInt16 = 0
        var isCut = false
        var stopped = false
        /// Bytes that arm the drop: the next request containing them loses its answer.
        var dropMarker: [UInt8]?
        var droppedResponses = 0
        var clients: Set<Int32> = []
    }

    /// Listens on a free loopback port and forwards to `target` on 127.0.0.1.
    public init(to target: UInt16) throws {
        listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw TestFailure("proxy: no socket, errno \(errno)") }
        var address = Self.loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let fd = listener
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(fd, generic, length) == 0 && listen(fd, 64) == 0
                    && getsockname(fd, generic, &length) == 0
            }
        }
        guard bound else {
            close(listener)
            throw TestFailure("proxy: cannot listen on loopback, errno \(errno)")
        }
        port = UInt16(bigEndian: address.sin_port)
        state.withLock { $0.target = target }
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    deinit { stop() }

    /// `http://127.0.0.1:PORT`, for `booking-desk --server`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Ends every connection and refuses (by closing at once) every new one.
    public func cut() {
        let clients = state.withLock { state in
            state.isCut = true
            return state.clients
        }
        for client in clients { shutdown(client, Int32(SHUT_RDWR)) }
    }

    /// Forwards again, to `target` if given (a server restarted on another port).
    public func reconnect(to target: UInt16? = nil) {
        state.withLock { state in
            state.isCut = false
            if let target { state.target = target }
        }
    }

    /// The next request whose bytes contain `marker` (e.g. `"POST /api/v1/orders"`) reaches
    /// the server, but its response is dropped and the client's connection closed.
    public func dropNextResponse(after marker: String) {
        state.withLock { $0.dropMarker = Array(marker.utf8) }
    }

    /// How many responses were dropped so far.
    public var droppedResponses: Int { state.withLock { $0.droppedResponses } }

    public func stop() {
        let first = state.withLock { state in
            defer { state.stopped = true }
            return !state.stopped
        }
        guard first else { return }
        cut()
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    // MARK: - Forwarding

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else {
                if state.withLock({ $0.stopped }) { return }
                continue
            }
            let (cut, target) = state.withLock { ($0.isCut, $0.target) }
            guard !cut, let server = Self.connect(port: target) else {
                close(client)
                continue
            }
            state.withLock { _ = $0.clients.insert(client) }
            Thread.detachNewThread { [self] in pump(client: client, server: server) }
        }
    }

    /// Copies bytes both ways until either side closes, the line is cut, or a dropped
    /// response has arrived.
    private func pump(client: Int32, server: Int32) {
        defer {
            state.withLock { _ = $0.clients.remove(client) }
            close(client)
            close(server)
        }
        var dropping = false
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var fds = [
            pollfd(fd: client, events: Int16(POLLIN), revents: 0),
            pollfd(fd: server, events: Int16(POLLIN), revents: 0),
        ]
        while poll(&fds, 2, 200) >= 0 {
            if state.withLock({ $0.isCut || $0.stopped }) { return }
            if fds[0].revents != 0 {
                let count = read(client, &buffer, buffer.count)
                guard count > 0 else { return }
                if armed(by: buffer[..<count]) { dropping = true }
                guard Self.writeAll(server, buffer[..<count]) else { return }
            }
            if fds[1].revents != 0 {
                let count = read(server, &buffer, buffer.count)
                guard count > 0 else { return }
                if dropping {
                    state.withLock { $0.droppedResponses += 1 }
                    _ = Self.writeAll(client, Self.headers(of: buffer[..<count]))
                    return
                }
                guard Self.writeAll(client, buffer[..<count]) else { return }
            }
        }
    }

    /// Whether these request bytes carry the armed marker; disarms it if so.
    private func armed(by bytes: ArraySlice<UInt8>) -> Bool {
        state.withLock { state in
            guard let marker = state.dropMarker, bytes.count >= marker.count else { return false }
            let found = (0...(bytes.count - marker.count)).contains { offset in
                bytes.dropFirst(offset).prefix(marker.count).elementsEqual(marker)
            }
            if found { state.dropMarker = nil }
            return found
        }
    }

    /// The response's status line and headers up to the blank line, without the body.
    private static func headers(of response: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let blank = Array("\r\n\r\n".utf8)
        guard response.count >= blank.count else { return response }
        for start in response.startIndex...(response.endIndex - blank.count)
        where response[start..<(start + blank.count)].elementsEqual(blank) {
            return response[..<(start + blank.count)]
        }
        return response
    }

    private static func writeAll(_ fd: Int32, _ bytes: ArraySlice<UInt8>) -> Bool {
        var rest = bytes
        while !rest.isEmpty {
            let written = rest.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard written > 0 else { return false }
            rest = rest.dropFirst(written)
        }
        return true
    }

    private static func connect(port: UInt16) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = loopback(port: port)
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                Glibc.connect(fd, generic, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard connected else {
            close(fd)
            return nil
        }
        return fd
    }

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        return address
    }
}
