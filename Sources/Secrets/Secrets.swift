// Secrets: the one Swift module over libsodium (Argon2id, random tokens, hashes).

import CSodium

/// A libsodium call that failed.
public struct SecretsError: Error, CustomStringConvertible, Sendable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// Random values, hashes and password hashing, all from libsodium.
public enum Secrets {
    /// Initialises libsodium; safe to call many times and from many threads.
    public static func initialize() throws(SecretsError) {
        guard sodium_init() >= 0 else { throw SecretsError("libsodium could not be initialised") }
    }

    /// `count` bytes from the operating system's random source.
    public static func randomBytes(_ count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        guard count > 0 else { return bytes }
        bytes.withUnsafeMutableBytes { randombytes_buf($0.baseAddress!, count) }
        return bytes
    }

    /// A uniformly random number in `0..<upperBound`, without modulo bias.
    public static func randomNumber(below upperBound: UInt32) -> UInt32 {
        randombytes_uniform(upperBound)
    }

    /// A random token of `byteCount` bytes (256 bits by default) as URL-safe base64 without
    /// padding: 43 characters for 32 bytes.
    public static func randomToken(byteCount: Int = 32) -> String {
        base64URL(randomBytes(byteCount))
    }

    /// The characters of generated passwords: letters and digits without the ones people
    /// confuse when they read a password from a mail (0/O, 1/l/I).
    static let passwordAlphabet = Array(
        "abcdefghijkmnopqrstuvwxyz" + "ABCDEFGHJKLMNPQRSTUVWXYZ" + "23456789")

    /// A password of `length` characters (at least 16) drawn uniformly from
    /// `passwordAlphabet` with the operating system's random source: 20 characters carry
    /// about 116 bits.
    public static func generatePassword(length: Int = 20) -> String {
        let count = max(16, length)
        let alphabet = passwordAlphabet
        var characters: [Character] = []
        characters.reserveCapacity(count)
        for _ in 0..<count {
            characters.append(alphabet[Int(randomNumber(below: UInt32(alphabet.count)))])
        }
        return String(characters)
    }

    /// URL-safe base64 without padding.
    public static func base64URL(_ bytes: [UInt8]) -> String {
        let variant = Int32(sodium_base64_VARIANT_URLSAFE_NO_PADDING)
        let length = sodium_base64_encoded_len(bytes.count, variant)
        var output = [CChar](repeating: 0, count: length)
        bytes.withUnsafeBufferPointer { input in
            _ = sodium_bin2base64(&output, length, input.baseAddress, input.count, variant)
        }
        return output.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// SHA-256 of `bytes`.
    public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(crypto_hash_sha256_BYTES))
        bytes.withUnsafeBufferPointer { input in
            _ = crypto_hash_sha256(&digest, input.baseAddress, UInt64(input.count))
        }
        return digest
    }

    /// SHA-256 of the UTF-8 bytes of `text`, as 64 lower-case hex digits.
    public static func sha256Hex(_ text: String) -> String {
        hex(sha256(Array(text.utf8)))
    }

    /// Lower-case hex digits of `bytes`.
    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Compares two byte strings in time independent of where they differ.
    public static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                sodium_memcmp(x.baseAddress, y.baseAddress, a.count) == 0
            }
        }
    }
}
