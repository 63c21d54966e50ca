import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A TCP listener on 127.0.0.1 and a free port, running `handle` on its own thread for
/// each connection. A test fixture that lets a test play any server, well-behaved or not.
/// It stops when it goes away (or on `stop()`).
final class LoopbackServer: Sendable {
    let port: Int
    private let connections: Connections

    init(handle: @escaping @Sendable (PeerConnection) -> Void) throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw FixtureError("socket: errno \(errno)") }

        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(listener, generic, length) == 0 && listen(listener, 16) == 0
                    && getsockname(listener, generic, &length) == 0
            }
        }
        guard bound else {
            close(listener)
            throw FixtureError("bind/listen: errno \(errno)")
        }
        port = Int(UInt16(bigEndian: address.sin_port))

        // The threads hold `connections`, never `self`, so that deinit can stop them.
        let connections = Connections(listener: listener)
        self.connections = connections
        Thread.detachNewThread { connections.acceptLoop(handle: handle) }
    }

    deinit { stop() }

    /// Stops accepting and shuts every connection still open, waking their threads.
    func stop() {
        connections.stop()
    }
}

/// The listener and the open connections. A descriptor is closed under the lock only, so
/// `stop` never shuts down a number the system has handed out again.
private final class Connections: Sendable {
    private let listener: Int32
    private let state = Mutex<(open: Set<Int32>, stopped: Bool)>(([], false))

    init(listener: Int32) {
        self.listener = listener
    }

    func stop() {
        state.withLock { state in
            guard !state.stopped else { return }
            state.stopped = true
            shutdown(listener, Int32(SHUT_RDWR))
            for fd in state.open { shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    func acceptLoop(handle: @escaping @Sendable (PeerConnection) -> Void) {
        while true {
            let fd = accept(listener, nil, nil)
            guard admit(fd) else { return }
            Thread.detachNewThread { [self] in
                handle(PeerConnection(fd: fd))
                state.withLock { state in
                    state.open.remove(fd)
                    close(fd)
                }
            }
        }
    }

    /// Registers a new connection; after `stop` (or a failed accept) closes it and the
    /// listener instead.
    private func admit(_ fd: Int32) -> Bool {
        state.withLock { state in
            guard fd >= 0, !state.stopped else {
                if fd >= 0 { close(fd) }
                close(listener)
                return false
            }
            state.open.insert(fd)
            return true
        }
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// One accepted connection with a read buffer: line- and count-based reads, plain writes.
final class PeerConnection {
    let fd: Int32
    private var buffer: [UInt8] = []

    init(fd: Int32) {
        self.fd = fd
    }

    /// The next line without its CRLF, or nil when the peer closed.
    func readLine() -> String? {
        while true {
            if let end = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(buffer[..<end])
                buffer.removeFirst(end + 1)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            guard fill() else { return nil }
        }
    }

    /// Exactly `count` bytes, or nil when the peer closed first.
    func read(count: Int) -> [UInt8]? {
        while buffer.count < count {
            guard fill() else { return nil }
        }
        defer { buffer.removeFirst(count) }
        return Array(buffer[..<count])
    }

    /// Blocks until the peer closes the connection (or the server stops).
    func waitForClose() {
        while fill() { buffer.removeAll() }
    }

    func write(_ text: String) {
        write(Array(text.utf8))
    }

    func write(_ bytes: [UInt8]) {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes {
                send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard n > 0 else { return }
            sent += n
        }
    }

    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return false }
        buffer += chunk[..<n]
        return true
    }
}
