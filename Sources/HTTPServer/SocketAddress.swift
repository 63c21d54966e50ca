import Glibc

/// Turns a host text into a socket address for libmicrohttpd's `MHD_OPTION_SOCK_ADDR`.
enum SocketAddress {
    /// Calls `body` with the address (nil when `host` is not an IP address or `localhost`)
    /// and whether it is IPv6. The pointer is valid only inside `body`.
    static func withAddress<T>(
        host: String, port: UInt16, _ body: (UnsafeMutableRawPointer?, Bool) -> T
    ) -> T {
        let name = host == "localhost" ? "127.0.0.1" : host
        var v4 = sockaddr_in()
        v4.sin_family = sa_family_t(AF_INET)
        v4.sin_port = port.bigEndian
        if inet_pton(AF_INET, name, &v4.sin_addr) == 1 {
            return withUnsafeMutablePointer(to: &v4) { body(UnsafeMutableRawPointer($0), false) }
        }
        var v6 = sockaddr_in6()
        v6.sin6_family = sa_family_t(AF_INET6)
        v6.sin6_port = port.bigEndian
        let bare =
            name.hasPrefix("[") && name.hasSuffix("]") ? String(name.dropFirst().dropLast()) : name
        if inet_pton(AF_INET6, bare, &v6.sin6_addr) == 1 {
            return withUnsafeMutablePointer(to: &v6) { body(UnsafeMutableRawPointer($0), true) }
        }
        return body(nil, false)
    }
}
