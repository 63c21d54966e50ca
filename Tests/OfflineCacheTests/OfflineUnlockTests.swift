import Foundation
import OfflineCache
import SQLite
import TestFiles
import Testing

@Suite struct OfflineUnlockTests {
    @Test func theLastUsersPasswordUnlocksAndOthersDoNot() throws {
        let folder = TemporaryFolder()
        let store = try folder.openStore()
        #expect(
            try store.unlock.unlock(account: "demo", username: "staff", password: "x")
                == .notSetUp)

        try store.unlock.remember(
            account: "demo", username: "staff", password: "Größe-geheim", now: Demo.now)

        #expect(try store.unlock.lastUser() == .init(account: "demo", username: "staff"))
        #expect(
            try store.unlock.unlock(account: "demo", username: "staff", password: "Größe-geheim")
                == .unlocked)
        #expect(
            try store.unlock.unlock(account: "demo", username: "staff", password: "groesse")
                == .wrongPassword(triesLeft: 4))
        #expect(
            try store.unlock.unlock(account: "demo", username: "admin", password: "Größe-geheim")
                == .otherUser)
        #expect(
            try store.unlock.unlock(account: "other", username: "staff", password: "Größe-geheim")
                == .otherUser)
    }

    @Test func onlyTheHashIsStored() throws {
        let folder = TemporaryFolder()
        let store = try folder.openStore()

        try store.unlock.remember(
            account: "demo", username: "staff", password: "Größe-geheim", now: Demo.now)

        let db = try Database(path: folder.file("outbox.sqlite"))
        let hash = try #require(try db.queryOne("SELECT hash FROM unlock")?.text(0))
        #expect(hash.hasPrefix("$argon2id$"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: folder.file("outbox.sqlite-wal")))
        #expect(bytes.range(of: Data("Größe-geheim".utf8)) == nil)
    }

    @Test func fiveWrongPasswordsLockTheDeskEvenAcrossRestarts() throws {
        let folder = TemporaryFolder()
        do {
            let store = try folder.openStore()
            try store.unlock.remember(
                account: "demo", username: "staff", password: "pw", now: Demo.now)
            var answers: [OfflineUnlock.Result] = []
            for _ in 0..<3 {
                answers.append(
                    try store.unlock.unlock(account: "demo", username: "staff", password: "no"))
            }
            #expect(answers == [4, 3, 2].map { .wrongPassword(triesLeft: $0) })
        }

        let store = try folder.openStore()
        let fourth = try store.unlock.unlock(account: "demo", username: "staff", password: "no")
        let fifth = try store.unlock.unlock(account: "demo", username: "staff", password: "no")
        let right = try store.unlock.unlock(account: "demo", username: "staff", password: "pw")

        #expect(fourth == .wrongPassword(triesLeft: 1) && fifth == .wrongPassword(triesLeft: 0))
        #expect(right == .lockedOut)
    }

    @Test func anOnlineLogInLiftsTheLockAndASuccessResetsTheCount() throws {
        let folder = TemporaryFolder()
        let store = try folder.openStore()
        try store.unlock.remember(account: "demo", username: "staff", password: "pw", now: Demo.now)
        for _ in 0..<OfflineUnlock.maximumFailures {
            _ = try store.unlock.unlock(account: "demo", username: "staff", password: "no")
        }
        #expect(
            try store.unlock.unlock(account: "demo", username: "staff", password: "pw")
                == .lockedOut)

        try store.unlock.remember(
            account: "demo", username: "staff", password: "pw2", now: Demo.now)
        _ = try store.unlock.unlock(account: "demo", username: "staff", password: "no")
        #expect(
            try store.unlock.unlock(account: "demo", username: "staff", password: "pw2")
                == .unlocked)

        #expect(
            try store.unlock.unlock(account: "demo", username: "staff", password: "no")
                == .wrongPassword(triesLeft: 4))
    }

    @Test func theHashSurvivesARebuiltCache() throws {
        let folder = TemporaryFolder()
        do {
            let store = try folder.openStore()
            try store.unlock.remember(
                account: "demo", username: "staff", password: "pw", now: Demo.now)
        }
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: folder.file("cache.sqlite")))

        let store = try folder.openStore()

        #expect(store.takeEvents().count == 1)
        #expect(
            try store.unlock.unlock(account: "demo", username: "staff", password: "pw") == .unlocked
        )
    }
}
