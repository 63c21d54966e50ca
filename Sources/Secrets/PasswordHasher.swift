import CSodium

/// Argon2id password hashes in libsodium's self-describing string form
/// (`$argon2id$v=19$m=65536,t=2,p=1$…`), which carries its own salt and limits.
public struct PasswordHasher: Sendable {
    /// How much work one hash costs.
    public enum Strength: Sendable {
        /// libsodium's interactive limits: about 0.14 s and 64 MiB per hash. For real passwords.
        case interactive
        /// The smallest limits libsodium allows: for tests and demo data only.
        case minimal
    }

    public let strength: Strength

    public init(strength: Strength = .interactive) {
        self.strength = strength
    }

    private var limits: (operations: UInt64, memory: Int) {
        switch strength {
        case .interactive:
            return (
                UInt64(crypto_pwhash_OPSLIMIT_INTERACTIVE), Int(crypto_pwhash_MEMLIMIT_INTERACTIVE)
            )
        case .minimal:
            return (UInt64(crypto_pwhash_OPSLIMIT_MIN), Int(crypto_pwhash_MEMLIMIT_MIN))
        }
    }

    /// Hashes `password` with a fresh random salt.
    public func hash(_ password: String) throws(SecretsError) -> String {
        var output = [CChar](repeating: 0, count: Int(crypto_pwhash_STRBYTES))
        let (operations, memory) = limits
        let rc = password.withCString { text in
            crypto_pwhash_str(&output, text, UInt64(password.utf8.count), operations, memory)
        }
        guard rc == 0 else { throw SecretsError("Argon2id hashing failed (out of memory?)") }
        return output.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// Whether `password` matches `hash`. A malformed hash never matches.
    public func verify(_ password: String, against hash: String) -> Bool {
        hash.withCString { stored in
            password.withCString { text in
                crypto_pwhash_str_verify(stored, text, UInt64(password.utf8.count)) == 0
            }
        }
    }
}
