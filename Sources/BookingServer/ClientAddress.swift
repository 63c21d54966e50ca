import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Client addresses as the server keeps them: shortened, so that logs and rate-limit
/// counters never hold a whole address. IPv4 keeps its /24 (`192.0.2.0`), IPv6 its /48
/// (`2001:db8:1::`); an IPv4 address mapped into IPv6 counts as IPv4.
enum ClientAddress {
    static func shortened(_ text: String) -> String {
        if let v4 = ipv4(text) { return "\(v4[0]).\(v4[1]).\(v4[2]).0" }
        var bytes = in6_addr()
        guard inet_pton(AF_INET6, text, &bytes) == 1 else { return "-" }
        let octets = withUnsafeBytes(of: &bytes) { Array($0) }
        if octets[0..<10].allSatisfy({ $0 == 0 }) && octets[10] == 0xff && octets[11] == 0xff {
            return "\(octets[12]).\(octets[13]).\(octets[14]).0"
        }
        let groups = stride(from: 0, to: 6, by: 2).map {
            String(UInt16(octets[$0]) << 8 | UInt16(octets[$0 + 1]), radix: 16)
        }
        return groups.joined(separator: ":") + "::"
    }

    private static func ipv4(_ text: String) -> [UInt8]? {
        var address = in_addr()
        guard inet_pton(AF_INET, text, &address) == 1 else { return nil }
        return withUnsafeBytes(of: &address) { Array($0) }
    }
}
