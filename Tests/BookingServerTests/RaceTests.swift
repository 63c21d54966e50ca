import BookingAPI
import BookingCore
import BookingServer
import Curl
import Foundation
import TestSupport
import Testing

/// Many clients at once against the real server: no unit is ever sold twice.
@Suite struct RaceTests {
    static let clients = 32

    /// Statuses of `clients` threads that each send one request built by `request`.
    private func raceStatuses(
        _ server: TestServer, token: String,
        _ send: @escaping @Sendable (APIClient, Int) throws -> Int
    ) -> [Int] {
        let baseURL = server.running.baseURL
        return race(Self.clients) { index in
            do {
                let client = try APIClient(baseURL: baseURL)
                client.token = token
                return try send(client, index)
            } catch {
                return -1
            }
        }
    }

    @Test func thirtyTwoClientsRaceForTheLastUnit() throws {
        let desk = try DemoDesk()
        defer { desk.server.stop() }
        let nord = try desk.branch("Filiale Nord")
        let tandem = try desk.client.offer(named: "Tandem")  // stock 1
        let start = Instant.at("2030-05-01T08:00:00Z")
        let end = Instant.at("2030-05-01T18:00:00Z")
        let draft = OrderDraft(
            branchID: nord.id, start: start, end: end, offers: [OrderItem(tandem.id)])
        let template = try desk.client.orderRequest(draft, clientID: "template")

        let statuses = raceStatuses(desk.server, token: desk.client.token!) { client, index in
            var request = template
            request.clientID = "race-\(index)"
            return try client.send(
                "POST", APIPath.orders, json: request,
                headers: ["Idempotency-Key": request.clientID]
            ).status
        }
        #expect(statuses.filter { $0 == 201 }.count == 1)
        #expect(statuses.filter { $0 == 409 }.count == Self.clients - 1)
        #expect(try desk.client.free(tandem.id, from: start, to: end) == 0)
        #expect(try desk.client.ordersAt(nord).count == 1)
    }

    @Test func overlappingIntervalsShareOneUnit() throws {
        let desk = try DemoDesk()
        defer { desk.server.stop() }
        let nord = try desk.branch("Filiale Nord")
        let tandem = try desk.client.offer(named: "Tandem")
        // Each client asks for another interval; all of them contain 12:00-12:30.
        let base = Instant.at("2030-05-02T12:00:00Z")
        var requests: [CreateOrderRequest] = []
        for index in 0..<Self.clients {
            let start = base.addingTimeInterval(-Double(index + 1) * 600)
            let end = base.addingTimeInterval(1800 + Double(index) * 300)
            let draft = OrderDraft(
                branchID: nord.id, start: start, end: end, offers: [OrderItem(tandem.id)])
            requests.append(try desk.client.orderRequest(draft, clientID: "overlap-\(index)"))
        }
        let prepared = requests
        let statuses = raceStatuses(desk.server, token: desk.client.token!) { client, index in
            try client.send(
                "POST", APIPath.orders, json: prepared[index],
                headers: ["Idempotency-Key": prepared[index].clientID]
            ).status
        }
        #expect(statuses.filter { $0 == 201 }.count == 1)
        #expect(statuses.filter { $0 == 409 }.count == Self.clients - 1)
        #expect(try desk.client.free(tandem.id, from: base, to: base.addingTimeInterval(1800)) == 0)
    }

    @Test func holdsAndOrdersRaceForTheLastUnit() throws {
        let desk = try DemoDesk()
        defer { desk.server.stop() }
        let nord = try desk.branch("Filiale Nord")
        let tandem = try desk.client.offer(named: "Tandem")
        let start = Instant.at("2030-05-03T08:00:00Z")
        let end = Instant.at("2030-05-03T18:00:00Z")
        let draft = OrderDraft(
            branchID: nord.id, start: start, end: end, offers: [OrderItem(tandem.id)])
        let template = try desk.client.orderRequest(draft, clientID: "template")

        let statuses = raceStatuses(desk.server, token: desk.client.token!) { client, index in
            if index % 2 == 0 {
                return try client.send("POST", APIPath.holds, json: HoldRequest(draft: draft))
                    .status
            }
            var request = template
            request.clientID = "hold-race-\(index)"
            return try client.send(
                "POST", APIPath.orders, json: request,
                headers: ["Idempotency-Key": request.clientID]
            ).status
        }
        #expect(statuses.filter { $0 == 201 }.count == 1)
        #expect(statuses.filter { $0 == 409 }.count == Self.clients - 1)
        #expect(try desk.client.free(tandem.id, from: start, to: end) == 0)
    }

    @Test func sameIdempotencyKeyAtTheSameMomentMakesOneOrder() throws {
        let desk = try DemoDesk()
        defer { desk.server.stop() }
        let nord = try desk.branch("Filiale Nord")
        let bike = try desk.client.offer(named: "Fahrrad L")
        let draft = OrderDraft(
            branchID: nord.id, start: Instant.at("2030-05-04T08:00:00Z"),
            end: Instant.at("2030-05-04T18:00:00Z"), offers: [OrderItem(bike.id)])
        let request = try desk.client.orderRequest(draft, clientID: UUID().uuidString)
        let body = Array(try APIJSON.encoder().encode(request))

        let baseURL = desk.server.running.baseURL
        let token = desk.client.token!
        let answers = race(Self.clients) { _ -> (Int, String) in
            guard let client = try? APIClient(baseURL: baseURL) else { return (-1, "") }
            client.token = token
            guard
                let response = try? client.send(
                    "POST", APIPath.orders, body: body,
                    headers: ["Idempotency-Key": request.clientID])
            else { return (-1, "") }
            return (response.status, response.text)
        }
        #expect(answers.allSatisfy { $0.0 == 201 })
        #expect(Set(answers.map(\.1)).count == 1)
        #expect(try desk.client.ordersAt(nord).count == 1)
    }

    @Test func sameKeyTwiceGivesTheSameAnswerAndAnotherBodyIsRefused() throws {
        let desk = try DemoDesk()
        defer { desk.server.stop() }
        let nord = try desk.branch("Filiale Nord")
        let bike = try desk.client.offer(named: "Fahrrad L")
        let draft = OrderDraft(
            branchID: nord.id, start: Instant.at("2030-05-05T08:00:00Z"),
            end: Instant.at("2030-05-05T18:00:00Z"), offers: [OrderItem(bike.id)])
        let request = try desk.client.orderRequest(draft, clientID: UUID().uuidString)
        let headers = ["Idempotency-Key": request.clientID]
        let first = try desk.client.send("POST", APIPath.orders, json: request, headers: headers)
        let second = try desk.client.send("POST", APIPath.orders, json: request, headers: headers)
        #expect(first.status == 201)
        #expect(second.status == 201)
        #expect(first.body == second.body)
        #expect(second.headers["idempotent-replayed"] == "true")

        var changed = request
        changed.draft.offers = [OrderItem(bike.id, quantity: 2)]
        changed.expectedTotal = try desk.client.orderRequest(changed.draft, clientID: "x")
            .expectedTotal
        let refused = try desk.client.send("POST", APIPath.orders, json: changed, headers: headers)
        #expect(refused.status == 409)
        #expect(refused.envelope?.error.code == .idempotencyKeyReused)
        #expect(try desk.client.ordersAt(nord).count == 1)
    }
}

extension APIClient {
    /// The orders of one branch: the demo's tours and their orders are at another.
    func ordersAt(_ branch: Branch) throws -> [OrderInfo] {
        try get(OrderList.self, APIPath.orders + "?branch=\(branch.id)").orders
    }
}
