import BookingAPI
import BookingCore
import BookingServer
import Foundation
import TestSupport
import Testing

/// Guides' records, their log-ins, tours and what a guide sees of them.
@Suite struct GuideTourTests {
    struct Desk {
        let server: TestServer
        let admin: APIClient

        init() throws {
            server = try TestServer()
            admin = try server.client(loggedInAs: DemoData.admin)
        }

        func guideData(_ number: String, email: String? = nil) throws -> GuideData {
            GuideData(
                contractNumber: number, name: "Hannes Hafen", email: email,
                address: PostalAddress(street: "Kai", houseNumber: "3", city: "Kiel"),
                phones: ["+49 431 1234", "0171 555"],
                bank: BankDetails(
                    accountHolder: "Hannes Hafen",
                    iban: try #require(IBAN("DE89370400440532013000"))),
                taxNumber: "11/222/33333", vatID: "DE999999999")
        }

        func tourOffer(_ name: String) throws -> Offer {
            try admin.offer(named: name)
        }
    }

    @Test func guideRecordsKeepTheirDetailsAndRefuseABadIBAN() throws {
        let desk = try Desk()
        defer { desk.server.stop() }
        let data = try desk.guideData("K-1", email: "hannes@example.com")
        let created = try desk.admin.send("POST", APIPath.guides, json: data)
        #expect(created.status == 201)
        let guide = try created.decode(GuideRecord.self)
        #expect(guide.data == data && guide.userID == nil)
        #expect(try desk.admin.get(GuideRecord.self, APIPath.guide(guide.id)) == guide)

        var json =
            try JSONSerialization.jsonObject(with: try APIJSON.encoder().encode(data))
            as! [String: Any]
        var bank = json["bank"] as! [String: Any]
        bank["iban"] = "DE89 3704 0044 0532 0130 01"
        json["bank"] = bank
        json["contractNumber"] = "K-2"
        let refused = try desk.admin.send(
            "POST", APIPath.guides, body: Array(try JSONSerialization.data(withJSONObject: json)))
        #expect(refused.status == 400)
        #expect(refused.envelope?.error.field == "bank.iban")
        var badBIC = data
        badBIC.contractNumber = "K-2"
        badBIC.bank?.bic = "XXXX"
        let noBIC = try desk.admin.send("POST", APIPath.guides, json: badBIC)
        #expect(noBIC.status == 400)
        #expect(noBIC.envelope?.error.field == "bank.bic")
        let duplicate = try desk.admin.send("POST", APIPath.guides, json: data)
        #expect(duplicate.status == 409)
        var noName = data
        noName.contractNumber = "K-3"
        noName.name = " "
        #expect(try desk.admin.send("POST", APIPath.guides, json: noName).status == 400)

        var changed = data
        changed.phones = ["040 1"]
        changed.bank = nil
        let updated = try desk.admin.send("PUT", APIPath.guide(guide.id), json: changed)
        #expect(try updated.decode(GuideRecord.self).data == changed)
        #expect(try desk.admin.get([GuideRecord].self, APIPath.guides).count == 2)  // with Greta
    }

    @Test func createAccessMakesAGuideLogInWithAMailedPassword() throws {
        let desk = try Desk()
        defer { desk.server.stop() }
        let guide = try desk.admin.send(
            "POST", APIPath.guides, json: try desk.guideData("K-9", email: "hannes@example.com")
        ).decode(GuideRecord.self)
        let answer = try desk.admin.send(
            "POST", APIPath.guideAccess(guide.id), json: GuideAccessRequest(username: "hannes"))
        #expect(answer.status == 201)
        let created = try answer.decode(UserCreated.self)
        #expect(created.user.role == .guide && created.user.guideID == guide.id)
        #expect(created.passwordMail == .spooled)
        let again = try desk.admin.send(
            "POST", APIPath.guideAccess(guide.id), json: GuideAccessRequest(username: "hannes2"))
        #expect(again.status == 409)

        let password = try desk.server.mailedPassword(to: "hannes@example.com")
        let client = try desk.server.client(
            loggedInAs: DemoLogin(account: "demo", username: "hannes", password: password))
        let me = try client.get(SessionInfo.self, APIPath.session)
        #expect(me.user.role == .guide && me.branchIDs.isEmpty && me.categoryIDs.isEmpty)
        #expect(try client.get([GuideTour].self, APIPath.guideTours).isEmpty)

        // Without an e-mail address there is nowhere to send the password.
        let silent = try desk.admin.send(
            "POST", APIPath.guides, json: try desk.guideData("K-10")
        ).decode(GuideRecord.self)
        let refused = try desk.admin.send(
            "POST", APIPath.guideAccess(silent.id), json: GuideAccessRequest(username: "stumm"))
        #expect(refused.status == 409)
    }

    @Test func aGuideSeesOnlyTheirReleasedToursAndNothingElse() throws {
        let desk = try Desk()
        defer { desk.server.stop() }
        let guide = try desk.server.client(loggedInAs: DemoData.guide)
        let seen = try guide.send("GET", APIPath.guideTours)
        let tours = try seen.decode([GuideTour].self)
        // The demo: three released tours (one past) and one not released.
        #expect(tours.count == 3)
        #expect(tours.map(\.participants) == [6, 5, 4])
        #expect(tours.map(\.name).contains("Radtour zum Leuchtturm"))
        #expect(!tours.map(\.name).contains("Weinbergtour mit Verkostung"))
        // Name, date and time, participants: nothing about customers, prices or orders.
        let fields = try JSONSerialization.jsonObject(with: Data(seen.body)) as! [[String: Any]]
        #expect(Set(fields.flatMap(\.keys)) == ["id", "name", "start", "end", "participants"])
        for path in [APIPath.orders, APIPath.tours, APIPath.customers, APIPath.offers] {
            #expect(try guide.send("GET", path).status == 403, "\(path)")
        }

        // Releasing the fourth tour shows it to her.
        let all = try desk.admin.get([TourRecord].self, APIPath.tours)
        var hidden = try #require(all.first { !$0.released })
        hidden.released = true
        let request = TourRequest(
            offerID: hidden.offerID, start: hidden.start, end: hidden.end,
            capacity: hidden.capacity, guideID: hidden.guideID, released: true)
        #expect(try desk.admin.send("PUT", APIPath.tour(hidden.id), json: request).status == 200)
        #expect(try guide.get([GuideTour].self, APIPath.guideTours).count == 4)
        let upcoming = try guide.get(
            [GuideTour].self, APIPath.guideTours + "?from=" + Instant.text(Date()))
        #expect(upcoming.count == 3)
    }

    @Test func participantsAreCountedFromTheOrders() throws {
        let desk = try Desk()
        defer { desk.server.stop() }
        let offer = try desk.tourOffer("Sonnenuntergangstour")
        let start = Instant.at("2031-07-01T18:00:00Z")
        let created = try desk.admin.send(
            "POST", APIPath.tours,
            json: TourRequest(
                offerID: offer.id, start: start, end: start + 7200, capacity: 8, released: true))
        #expect(created.status == 201)
        let tour = try created.decode(TourRecord.self)
        #expect(tour.participants == 0 && tour.guideID == nil)
        let draft = OrderDraft(
            branchID: offer.branchID, start: start, end: start + 7200,
            offers: [OrderItem(offer.id, quantity: 3)])
        let order = try #require(try desk.admin.placeOrder(draft).order)
        _ = try desk.admin.placeOrder(draft)
        #expect(try desk.admin.get(TourRecord.self, APIPath.tour(tour.id)).participants == 6)
        _ = try desk.admin.send("POST", APIPath.cancelOrder(order.id))
        #expect(try desk.admin.get(TourRecord.self, APIPath.tour(tour.id)).participants == 3)
    }

    @Test func badToursAreRefused() throws {
        let desk = try Desk()
        defer { desk.server.stop() }
        let tour = try desk.tourOffer("Sonnenuntergangstour")
        let bike = try desk.tourOffer("Fahrrad M")
        let start = Instant.at("2031-07-01T18:00:00Z")
        let cases: [(TourRequest, Int)] = [
            (TourRequest(offerID: bike.id, start: start, end: start + 60, capacity: 5), 409),
            (TourRequest(offerID: tour.id, start: start, end: start, capacity: 5), 400),
            (TourRequest(offerID: tour.id, start: start, end: start + 60, capacity: 0), 400),
            (
                TourRequest(
                    offerID: tour.id, start: Instant.at("2020-01-01T10:00:00Z"),
                    end: Instant.at("2020-01-01T12:00:00Z"), capacity: 5), 400
            ),
            (
                TourRequest(offerID: OfferID(99_999), start: start, end: start + 60, capacity: 5),
                404
            ),
            (
                TourRequest(
                    offerID: tour.id, start: start, end: start + 60, capacity: 5,
                    guideID: GuideID(99_999)), 404
            ),
        ]
        let before = try desk.admin.get([TourRecord].self, APIPath.tours)
        for (request, status) in cases {
            let response = try desk.admin.send("POST", APIPath.tours, json: request)
            #expect(response.status == status, "\(request): \(response.text)")
        }
        #expect(try desk.admin.get([TourRecord].self, APIPath.tours) == before)
        let badQuery = try desk.admin.send("GET", APIPath.tours + "?from=tomorrow")
        #expect(badQuery.status == 400)
    }

    @Test func deletingAGuideEndsTheirSessionAndFreesTheirTours() throws {
        let desk = try Desk()
        defer { desk.server.stop() }
        let guide = try desk.server.client(loggedInAs: DemoData.guide)
        let record = try #require(try desk.admin.get([GuideRecord].self, APIPath.guides).first)
        #expect(try desk.admin.send("DELETE", APIPath.guide(record.id)).status == 204)
        #expect(try guide.send("GET", APIPath.guideTours).status == 401)
        let tours = try desk.admin.get([TourRecord].self, APIPath.tours)
        #expect(tours.count == 4 && tours.allSatisfy { $0.guideID == nil })
        #expect(try desk.admin.send("GET", APIPath.guide(record.id)).status == 404)
    }
}
