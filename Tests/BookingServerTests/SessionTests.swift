import BookingAPI
import BookingServer
import Foundation
import TestSupport
import Testing

@Suite struct SessionTests {
    @Test func healthAndOpenAPIAreOpenToAnyone() throws {
        let server = try TestServer(demoData: false)
        defer { server.stop() }
        let client = try server.client()
        let health = try client.get(Health.self, APIPath.health)
        #expect(health.status == "ok")
        let document = try client.send("GET", APIPath.openAPI)
        #expect(document.status == 200)
        #expect(document.text.contains("\"openapi\""))
    }

    @Test func logInShowsTheUserAndLogOutEndsTheToken() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try server.client()
        let login = try client.logIn(DemoData.staff)
        #expect(login.token.count == 43)
        #expect(login.session.user.username == "staff")
        #expect(login.session.account.slug == "demo")
        #expect(login.session.branchIDs.count == 3)

        let me = try client.get(SessionInfo.self, APIPath.session)
        #expect(me.user.role == .staff)

        #expect(try client.send("DELETE", APIPath.session).status == 204)
        let after = try client.send("GET", APIPath.session)
        #expect(after.status == 401)
        #expect(after.envelope?.error.code == .unauthorized)
    }

    @Test func wrongPasswordUnknownUserAndUnknownAccountAllLookAlike() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try server.client()
        let attempts = [
            LoginRequest(account: "demo", username: "staff", password: "wrong"),
            LoginRequest(account: "demo", username: "nobody", password: "demo-staff"),
            LoginRequest(account: "nowhere", username: "staff", password: "demo-staff"),
            // The other account's admin password does not open this account's admin.
            LoginRequest(account: "nordsee", username: "staff", password: "demo-staff"),
        ]
        for attempt in attempts {
            let response = try client.send("POST", APIPath.session, json: attempt)
            #expect(response.status == 401)
            #expect(response.envelope?.error.code == .invalidCredentials)
        }
    }

    @Test func missingMalformedAndForgedTokensAreRefused() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try server.client()
        let real = try client.logIn(DemoData.admin).token
        let headers = [
            [:],
            ["Authorization": "Basic YWRtaW46ZGVtbw=="],
            ["Authorization": "Bearer "],
            ["Authorization": "Bearer " + String(real.reversed())],
            ["Authorization": "Bearer " + String(repeating: "A", count: 43)],
            ["Authorization": "Bearer " + String(repeating: "A", count: 5000)],
        ]
        client.token = nil
        for header in headers {
            let response = try client.send("GET", APIPath.orders, headers: header)
            #expect(response.status == 401, "\(header)")
            #expect(response.envelope?.error.code == .unauthorized)
        }
    }

    @Test func sessionsSurviveARestartOfTheServer() throws {
        let first = try TestServer()
        let token = try first.client().logIn(DemoData.staff).token
        first.stop(removingData: false)
        let second = try TestServer(demoData: true, folder: first.folder)
        defer { second.stop() }
        let client = try second.client()
        client.token = token
        #expect(try client.get(SessionInfo.self, APIPath.session).user.username == "staff")
    }
}
