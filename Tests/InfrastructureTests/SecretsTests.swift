import Secrets
import Testing

@Suite struct SecretsTests {
    @Test func argon2idHashVerifiesOnlyTheRightPassword() throws {
        try Secrets.initialize()
        let hasher = PasswordHasher(strength: .minimal)
        let hash = try hasher.hash("Fahrrad-Größe-M")
        #expect(hash.hasPrefix("$argon2id$"))
        #expect(hasher.verify("Fahrrad-Größe-M", against: hash))
        #expect(!hasher.verify("fahrrad-größe-m", against: hash))
        #expect(!hasher.verify("Fahrrad-Größe-M", against: "not a hash"))
        #expect(try hasher.hash("same") != (try hasher.hash("same")))  // fresh salt each time
    }

    @Test func tokensAre256BitURLSafeAndDistinct() throws {
        try Secrets.initialize()
        let a = Secrets.randomToken()
        let b = Secrets.randomToken()
        #expect(a.count == 43)
        #expect(a != b)
        #expect(a.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    }

    @Test func sha256MatchesTheKnownVector() {
        #expect(
            Secrets.sha256Hex("abc")
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Secrets.constantTimeEqual([1, 2], [1, 2]))
        #expect(!Secrets.constantTimeEqual([1, 2], [1, 3]))
        #expect(!Secrets.constantTimeEqual([1], [1, 2]))
    }

    @Test func randomNumbersStayBelowTheBound() {
        for _ in 0..<1000 {
            #expect(Secrets.randomNumber(below: 7) < 7)
        }
    }
}
