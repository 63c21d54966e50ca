import BookingAPI
import BookingCore
import BookingStore
import Foundation
import HTTPServer
import Secrets

/// Guides and tours. Guides' records (bank details, tax numbers) are for admins; tours are
/// read at the desk and changed by admins; a guide reads only their released tours.
extension APIServer {
    func listGuides(_ request: APIRequest) throws -> HTTPResponse {
        try Self.json(try store.guides(scope: request.scope))
    }

    func showGuide(_ request: APIRequest) throws -> HTTPResponse {
        guard let guide = try store.guide(request.id(), scope: request.scope) else {
            throw APIFailure.notFound("guide")
        }
        return try Self.json(guide)
    }

    func createGuide(_ request: APIRequest) throws -> HTTPResponse {
        let data = try Self.validated(try request.decode(GuideData.self))
        return try Self.json(
            try store.createGuide(data, scope: request.scope, now: request.now), status: 201)
    }

    func updateGuide(_ request: APIRequest) throws -> HTTPResponse {
        let data = try Self.validated(try request.decode(GuideData.self))
        return try Self.json(
            try store.updateGuide(request.id(), data, scope: request.scope, now: request.now))
    }

    func deleteGuide(_ request: APIRequest) throws -> HTTPResponse {
        try store.deleteGuide(request.id(), scope: request.scope, now: request.now)
        return Self.noContent()
    }

    /// `POST /guides/{id}/access`: the guide's log-in, the password generated and mailed
    /// to the guide's address.
    func createGuideAccess(_ request: APIRequest) throws -> HTTPResponse {
        let body = try request.decode(GuideAccessRequest.self)
        let username = try Validation.username(body.username)
        guard try store.guide(request.id(), scope: request.scope) != nil else {
            throw APIFailure.notFound("guide")
        }
        let password = Secrets.generatePassword()
        let user = try store.createGuideAccess(
            request.id(), username: username, passwordHash: try hash(password),
            scope: request.scope, now: request.now)
        let mail = mailPassword(password, to: user, account: request.caller.account, .newLogin)
        return try Self.json(UserCreated(user: user, passwordMail: mail), status: 201)
    }

    /// Trimmed texts of sane lengths; the IBAN was checked when it was decoded, the BIC's
    /// shape is checked here.
    private static func validated(_ data: GuideData) throws -> GuideData {
        var guide = data
        if let bic = data.bank?.bic, !bic.isEmpty {
            guard let normalized = BIC.normalized(bic) else {
                throw APIFailure.invalidInput("not a BIC", field: "bank.bic")
            }
            guide.bank?.bic = normalized
        }
        guide.contractNumber = try Validation.text(
            data.contractNumber, field: "contractNumber", required: true, limit: 50)
        guide.name = try Validation.text(data.name, field: "name", required: true)
        guide.email = try data.email.flatMap { $0.isEmpty ? nil : $0 }.map {
            try Validation.email($0, field: "email")
        }
        guard data.phones.count <= 5 else {
            throw APIFailure.invalidInput("at most 5 phone numbers", field: "phones")
        }
        guide.phones = try data.phones.map {
            try Validation.text($0, field: "phones", required: true, limit: 40)
        }
        let address = data.address
        let parts = [
            address?.street, address?.houseNumber, address?.postalCode, address?.city,
            address?.country, data.bank?.accountHolder, data.bank?.bic, data.taxNumber,
            data.vatID,
        ]
        for part in parts.compactMap({ $0 }) {
            _ = try Validation.text(part, field: "guide")
        }
        return guide
    }

    // MARK: - Tours

    /// `GET /tours?from=&to=&guide=`.
    func listTours(_ request: APIRequest) throws -> HTTPResponse {
        let query = TourQuery(
            from: try request.optionalInstant("from"), to: try request.optionalInstant("to"),
            guideID: try request.queryID("guide"))
        return try Self.json(try store.tours(query, scope: request.scope))
    }

    func showTour(_ request: APIRequest) throws -> HTTPResponse {
        guard let tour = try store.tour(request.id(), scope: request.scope) else {
            throw APIFailure.notFound("tour")
        }
        return try Self.json(tour)
    }

    func createTour(_ request: APIRequest) throws -> HTTPResponse {
        let body = try Self.validated(try request.decode(TourRequest.self))
        try Self.requireNotOver(body, now: request.now)
        return try Self.json(
            try store.createTour(body, scope: request.scope, now: request.now), status: 201)
    }

    func updateTour(_ request: APIRequest) throws -> HTTPResponse {
        let body = try Self.validated(try request.decode(TourRequest.self))
        let stored = try store.tour(request.id(), scope: request.scope)
        if stored?.start != body.start || stored?.end != body.end {
            try Self.requireNotOver(body, now: request.now)
        }
        return try Self.json(
            try store.updateTour(request.id(), body, scope: request.scope, now: request.now))
    }

    func deleteTour(_ request: APIRequest) throws -> HTTPResponse {
        try store.deleteTour(request.id(), scope: request.scope, now: request.now)
        return Self.noContent()
    }

    /// `GET /guide/tours?from=`: the caller's released tours, as a guide may see them.
    func guideTours(_ request: APIRequest) throws -> HTTPResponse {
        try Self.json(
            try store.guideTours(
                user: request.caller.user.id, from: try request.optionalInstant("from"),
                scope: request.scope))
    }

    /// A tour date that has already ended can be kept as it is, not made anew.
    private static func requireNotOver(_ tour: TourRequest, now: Date) throws {
        guard tour.end > now else {
            throw APIFailure.invalidInput("the tour date is already over", field: "start")
        }
    }

    private static func validated(_ tour: TourRequest) throws -> TourRequest {
        guard tour.end > tour.start else {
            throw APIFailure.invalidInput("end must be after start", field: "end")
        }
        guard (1...10_000).contains(tour.capacity) else {
            throw APIFailure.invalidInput("capacity must be 1 to 10000", field: "capacity")
        }
        return tour
    }
}
