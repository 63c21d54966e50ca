import BookingAPI
import BookingCore
import BookingServer
import Foundation
import TestSupport
import Testing

/// Admins manage users over HTTP: create (password generated and mailed), admin flag,
/// restrictions, deactivate, delete, new password; the owner keeps everything.
@Suite struct UserAdministrationTests {
    struct Desk {
        let server: TestServer
        let admin: APIClient

        init() throws {
            server = try TestServer()
            admin = try server.client(loggedInAs: DemoData.admin)
        }

        func create(_ username: String) throws -> (UserCreated, DemoLogin) {
            let response = try admin.send(
                "POST", APIPath.users,
                json: NewUserRequest(
                    username: username, name: "Neue Kraft", email: username + "@example.com"))
            guard response.status == 201 else {
                throw TestFailure("create answered \(response.status): \(response.text)")
            }
            let login = DemoLogin(
                account: "demo", username: username,
                password: try server.mailedPassword(to: username + "@example.com"))
            return (try response.decode(UserCreated.self), login)
        }

        func owner() throws -> UserRecord {
            try #require(try admin.get([UserRecord].self, APIPath.users).first { $0.isOwner })
        }
    }

    @Test func aNewStaffUserGetsAGeneratedPasswordByMailAndCanLogIn() throws {
        let desk = try Desk()
        defer { desk.server.stop() }
        let (created, login) = try desk.create("lena")
        #expect(created.user.role == .staff)
        #expect(created.user.isActive && !created.user.isOwner)
        #expect(created.passwordMail == .spooled)
        #expect(login.password.count >= 16)
        let client = try desk.server.client(loggedInAs: login)
        #expect(try client.get(SessionInfo.self, APIPath.session).user.username == "lena")

        // The password is in the mail and nowhere else the server writes.
        let listed = try desk.admin.send("GET", APIPath.users)
        #expect(!listed.text.contains(login.password))
        #expect(!listed.text.contains("argon2"))
        #expect(try !desk.server.accessLogLines().joined().contains(login.password))
        let users = try desk.admin.get([UserRecord].self, APIPath.users)
        #expect(users.map(\.username).contains("lena"))
        #expect(!users.contains { $0.role == .customer })
    }

    @Test func badNewUsersAreRefusedAndChangeNothing() throws {
        let desk = try Desk()
        defer { desk.server.stop() }
        let before = try desk.admin.get([UserRecord].self, APIPath.users)
        let cases: [(NewUserRequest, Int)] = [
            (NewUserRequest(username: "", name: "N", email: "n@example.com"), 400),
            (NewUserRequest(username: "two words", name: "N", email: "n@example.com"), 400),
            (NewUserRequest(username: "*", name: "N", email: "n@example.com"), 400),
            (NewUserRequest(username: "n", name: "", email: "n@example.com"), 400),
            (NewUserRequest(username: "n", name: "N", email: "not-an-address"), 400),
            (NewUserRequest(username: "n", name: "N", email: "Jörg <j@example.com>"), 400),
            (NewUserRequest(username: "staff", name: "N", email: "n@example.com"), 409),
        ]
        for (request, status) in cases {
            let response = try desk.admin.send("POST", APIPath.users, json: request)
            #expect(response.status == status, "\(request): \(response.text)")
            #expect(response.envelope != nil)
        }
        let missing = try desk.admin.send("POST", APIPath.users, body: Array(#"{"name":"x"}"#.utf8))
        #expect(missing.status == 400)
        #expect(try desk.admin.get([UserRecord].self, APIPath.users) == before)
        #expect(try desk.server.mails(to: "n@example.com").isEmpty)
    }

    @Test func theAdminFlagOpensAndClosesTheAdminRoutesAtOnce() throws {
        let desk = try Desk()
        defer { desk.server.stop() }
        let (created, login) = try desk.create("chef")
        let client = try desk.server.client(loggedInAs: login)
        #expect(try client.send("GET", APIPath.users).status == 403)

        let granted = try desk.admin.send(
            "PUT", APIPath.userAdminFlag(created.user.id), json: AdminFlagRequest(isAdmin: true))
        #expect(try granted.decode(UserRecord.self).role == .admin)
        #expect(try client.send("GET", APIPath.users).status == 200)

        _ = try desk.admin.send(
            "PUT", APIPath.userAdminFlag(created.user.id), json: AdminFlagRequest(isAdmin: false))
        #expect(try client.send("GET", APIPath.users).status == 403)
    }

    @Test func theOwnerCanNeverBeDeletedDeactivatedOrLoseTheAdminFlag() throws {
        let desk = try Desk()
        defer { desk.server.stop() }
        let owner = try desk.owner()
        // Not by another admin either.
        let (other, login) = try desk.create("zweite")
        _ = try desk.admin.send(
            "PUT", APIPath.userAdminFlag(other.user.id), json: AdminFlagRequest(isAdmin: true))
        let second = try desk.server.client(loggedInAs: login)
        for client in [desk.admin, second] {
            let attempts = [
                try client.send(
                    "PUT", APIPath.userAdminFlag(owner.id), json: AdminFlagRequest(isAdmin: false)),
                try client.send("POST", APIPath.deactivateUser(owner.id)),
                try client.send("DELETE", APIPath.user(owner.id)),
            ]
            for response in attempts {
                #expect(response.status == 409, "\(response.text)")
                #expect(response.envelope?.error.code == .conflict)
            }
        }
        #expect(try desk.admin.get(UserRecord.self, APIPath.user(owner.id)) == owner)
        #expect(try desk.admin.get(SessionInfo.self, APIPath.session).user.role == .admin)
    }

    @Test func restrictionsLimitWhatTheUserSeesUntilTheyAreLifted() throws {
        let desk = try Desk()
        defer { desk.server.stop() }
        let (created, login) = try desk.create("hafen")
        let branches = try desk.admin.get([Branch].self, APIPath.branches)
        let hafen = try #require(branches.first { $0.name == "Filiale Hafen" })
        let restricted = try desk.admin.send(
            "PUT", APIPath.userRestrictions(created.user.id),
            json: RestrictionsRequest(branchIDs: [hafen.id]))
        #expect(try restricted.decode(UserRecord.self).branchIDs == [hafen.id])

        let client = try desk.server.client(loggedInAs: login)
        #expect(try client.get([Branch].self, APIPath.branches).map(\.id) == [hafen.id])
        #expect(try client.get([Offer].self, APIPath.offers).allSatisfy { $0.branchID == hafen.id })
        #expect(try client.get(SessionInfo.self, APIPath.session).branchIDs == [hafen.id])

        let lifted = try desk.admin.send("DELETE", APIPath.userRestrictions(created.user.id))
        #expect(try lifted.decode(UserRecord.self).branchIDs == nil)
        #expect(try client.get([Branch].self, APIPath.branches).count == branches.count)
    }

    @Test func badRestrictionsAreRefused() throws {
        let desk = try Desk()
        defer { desk.server.stop() }
        let (created, _) = try desk.create("falsch")
        let guide = try #require(
            try desk.admin.get([UserRecord].self, APIPath.users).first { $0.role == .guide })
        let cases: [(UserID, RestrictionsRequest, Int)] = [
            (created.user.id, RestrictionsRequest(branchIDs: []), 400),
            (created.user.id, RestrictionsRequest(categoryIDs: []), 400),
            (created.user.id, RestrictionsRequest(branchIDs: [BranchID(99_999)]), 404),
            (created.user.id, RestrictionsRequest(categoryIDs: [CategoryID(99_999)]), 404),
            (guide.id, RestrictionsRequest(branchIDs: [BranchID(1)]), 409),
            (UserID(99_999), RestrictionsRequest(branchIDs: [BranchID(1)]), 404),
        ]
        for (user, request, status) in cases {
            let response = try desk.admin.send("PUT", APIPath.userRestrictions(user), json: request)
            #expect(response.status == status, "\(request): \(response.text)")
        }
        let unchanged = try desk.admin.get(UserRecord.self, APIPath.user(created.user.id))
        #expect(unchanged.branchIDs == nil && unchanged.categoryIDs == nil)
        let flagged = try desk.admin.send(
            "PUT", APIPath.userAdminFlag(guide.id), json: AdminFlagRequest(isAdmin: true))
        #expect(flagged.status == 409)
    }

    @Test func deactivatingEndsTheSessionsAtOnceAndActivatingLetsTheUserBackIn() throws {
        let desk = try Desk()
        defer { desk.server.stop() }
        let (created, login) = try desk.create("pause")
        let client = try desk.server.client(loggedInAs: login)
        let deactivated = try desk.admin.send("POST", APIPath.deactivateUser(created.user.id))
        #expect(try deactivated.decode(UserRecord.self).isActive == false)
        #expect(try client.send("GET", APIPath.session).status == 401)
        #expect(throws: TestFailure.self) { try desk.server.client(loggedInAs: login) }

        _ = try desk.admin.send("POST", APIPath.activateUser(created.user.id))
        let again = try desk.server.client(loggedInAs: login)
        #expect(try again.send("GET", APIPath.session).status == 200)
        // The old token stays dead.
        #expect(try client.send("GET", APIPath.session).status == 401)
    }

    @Test func deletingEndsTheSessionsAtOnceAndForgetsThePerson() throws {
        let desk = try Desk()
        defer { desk.server.stop() }
        let (created, login) = try desk.create("weg")
        let client = try desk.server.client(loggedInAs: login)
        #expect(try desk.admin.send("DELETE", APIPath.user(created.user.id)).status == 204)
        #expect(try client.send("GET", APIPath.orders).status == 401)
        #expect(try desk.admin.send("GET", APIPath.user(created.user.id)).status == 404)
        #expect(try desk.admin.send("DELETE", APIPath.user(created.user.id)).status == 404)
        #expect(throws: TestFailure.self) { try desk.server.client(loggedInAs: login) }
        let users = try desk.admin.send("GET", APIPath.users).text
        #expect(!users.contains("weg@example.com"))
        // The name is free again.
        #expect(try desk.create("weg").0.user.username == "weg")
    }

    @Test func aNewPasswordReplacesTheOldOneAndEndsTheSessions() throws {
        let desk = try Desk()
        defer { desk.server.stop() }
        let (created, login) = try desk.create("vergesslich")
        let client = try desk.server.client(loggedInAs: login)
        let answer = try desk.admin.send("POST", APIPath.userPassword(created.user.id))
        #expect(try answer.decode(PasswordMailed.self).passwordMail == .spooled)
        #expect(try client.send("GET", APIPath.session).status == 401)
        #expect(throws: TestFailure.self) { try desk.server.client(loggedInAs: login) }
        let fresh = try desk.server.mailedPassword(to: "vergesslich@example.com")
        #expect(fresh != login.password && fresh.count >= 16)
        let renewed = DemoLogin(account: "demo", username: "vergesslich", password: fresh)
        #expect(try desk.server.client(loggedInAs: renewed).token != nil)
    }
}
