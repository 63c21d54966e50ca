import BookingAPI
import BookingCore
import BookingServer
import Foundation
import TestSupport
import Testing

/// The expected status of one route for each principal. `restricted` is what `nord` and
/// `rad` get for things inside their restrictions, `outside` for things outside them (nil
/// where the route names nothing that could be outside).
struct AccessRule: Sendable {
    var anonymous: Int
    var admin: Int
    var staff: Int
    var restricted: Int
    var outside: Int?
    var guide: Int
    var customer: Int
    var superuser: Int

    func status(_ principal: Principal, outside isOutside: Bool) -> Int? {
        switch principal {
        case .anonymous: return anonymous
        case .admin: return admin
        case .staff: return staff
        case .nord, .rad: return isOutside ? outside : restricted
        case .guide: return guide
        case .customer: return customer
        case .superuser: return superuser
        }
    }

    /// No log-in needed; a token, if sent, changes nothing.
    static func open(_ ok: Int) -> AccessRule {
        AccessRule(
            anonymous: ok, admin: ok, staff: ok, restricted: ok, outside: nil, guide: ok,
            customer: ok, superuser: ok)
    }

    /// The caller's own session: every role but customers.
    static func ownSession(_ ok: Int) -> AccessRule {
        AccessRule(
            anonymous: 401, admin: ok, staff: ok, restricted: ok, outside: nil, guide: ok,
            customer: 403, superuser: ok)
    }

    /// The desk: admins, staff, superusers; restricted staff get `outside` for what lies
    /// outside their restrictions.
    static func desk(_ ok: Int, outside: Int?) -> AccessRule {
        AccessRule(
            anonymous: 401, admin: ok, staff: ok, restricted: ok, outside: outside, guide: 403,
            customer: 403, superuser: ok)
    }

    /// Admins and superusers.
    static func admin(_ ok: Int) -> AccessRule {
        AccessRule(
            anonymous: 401, admin: ok, staff: 403, restricted: 403, outside: nil, guide: 403,
            customer: 403, superuser: ok)
    }

    /// Guides only.
    static let guideOnly = AccessRule(
        anonymous: 401, admin: 403, staff: 403, restricted: 403, outside: nil, guide: 200,
        customer: 403, superuser: 403)
}

/// Every route of the server's table × every principal, inside and outside restrictions,
/// over HTTP against the real server. A route without an entry in `expected` and `probes`
/// fails the test until someone decides what each principal gets.
@Suite(.serialized) struct AccessTableTests {
    static let expected: [String: AccessRule] = [
        "GET /api/v1/health": .open(200),
        "GET /api/v1/openapi.json": .open(200),
        "POST /api/v1/session": AccessRule(
            anonymous: 401, admin: 201, staff: 201, restricted: 201, outside: nil, guide: 201,
            customer: 403, superuser: 201),
        "GET /api/v1/session": .ownSession(200),
        "DELETE /api/v1/session": .ownSession(204),
        "GET /api/v1/branches": .desk(200, outside: nil),
        "GET /api/v1/categories": .desk(200, outside: nil),
        "GET /api/v1/offers": .desk(200, outside: 200),
        "GET /api/v1/offers/{id}": .desk(200, outside: 404),
        "GET /api/v1/options": .desk(200, outside: 200),
        "GET /api/v1/availability/month": .desk(200, outside: 404),
        "GET /api/v1/availability/interval": .desk(200, outside: 404),
        "POST /api/v1/quotes": .desk(200, outside: 404),
        "POST /api/v1/holds": .desk(201, outside: 404),
        "DELETE /api/v1/holds/{id}": .desk(204, outside: 404),
        "POST /api/v1/orders": .desk(201, outside: 404),
        "GET /api/v1/orders": .desk(200, outside: 200),
        "GET /api/v1/orders/{id}": .desk(200, outside: 404),
        "POST /api/v1/orders/{id}/cancel": .desk(200, outside: 404),
        "POST /api/v1/orders/{id}/pickup": .desk(200, outside: 404),
        "POST /api/v1/orders/{id}/return": .desk(200, outside: 404),
        "GET /api/v1/changes/catalogue": .desk(200, outside: 200),
        "GET /api/v1/changes/orders": .desk(200, outside: 200),
        "GET /api/v1/customers": .desk(200, outside: 200),
        "GET /api/v1/customers/{id}": .desk(200, outside: 404),
        "GET /api/v1/customers/{id}/export": .admin(200),
        "GET /api/v1/users": .admin(200),
        "POST /api/v1/users": .admin(201),
        "GET /api/v1/users/{id}": .admin(200),
        "DELETE /api/v1/users/{id}": .admin(204),
        "PUT /api/v1/users/{id}/admin": .admin(200),
        "PUT /api/v1/users/{id}/restrictions": .admin(200),
        "DELETE /api/v1/users/{id}/restrictions": .admin(200),
        "POST /api/v1/users/{id}/deactivate": .admin(200),
        "POST /api/v1/users/{id}/activate": .admin(200),
        "POST /api/v1/users/{id}/password": .admin(200),
        "GET /api/v1/users/{id}/export": .admin(200),
        "GET /api/v1/guides": .desk(200, outside: nil),
        "POST /api/v1/guides": .desk(201, outside: nil),
        "GET /api/v1/guides/{id}": .desk(200, outside: nil),
        "PUT /api/v1/guides/{id}": .desk(200, outside: nil),
        "DELETE /api/v1/guides/{id}": .admin(204),
        "POST /api/v1/guides/{id}/access": .desk(201, outside: nil),
        "GET /api/v1/tours": .desk(200, outside: 200),
        "GET /api/v1/tours/{id}": .desk(200, outside: 404),
        "POST /api/v1/tours": .desk(201, outside: 404),
        "PUT /api/v1/tours/{id}": .desk(200, outside: 404),
        "DELETE /api/v1/tours/{id}": .admin(204),
        "GET /api/v1/guide/tours": .guideOnly,
        "GET /api/v1/audit-events": .admin(200),
        "GET /api/v1/account/settings": .admin(200),
        "PUT /api/v1/account/settings": .admin(200),
    ]

    static var serverRoutes: [String] {
        BookingServer.routes.map { $0.method + " " + $0.template }
    }

    @Test func everyRouteHasARuleAndAProbeAndNoneIsLeftOver() {
        let routes = Set(Self.serverRoutes)
        for route in Self.serverRoutes {
            #expect(Self.expected[route] != nil, "decide the expected statuses of \(route)")
            #expect(Probes.all[route] != nil, "write a probe for \(route)")
        }
        #expect(Set(Self.expected.keys).subtracting(routes).isEmpty)
        #expect(Set(Probes.all.keys).subtracting(routes).isEmpty)
    }

    @Test func everyPrincipalGetsTheExpectedStatusOnEveryRoute() throws {
        let world = try SecurityWorld()
        for route in Self.serverRoutes {
            guard let rule = Self.expected[route], let probe = Probes.all[route] else { continue }
            for principal in Principal.allCases {
                try check(route, rule, probe, principal, outside: false, world)
                if principal.isRestricted, rule.outside != nil {
                    try check(route, rule, probe, principal, outside: true, world)
                }
            }
        }
    }

    /// Sends one probe and checks its status; a restricted principal's answer must not
    /// name anything outside its restrictions, whatever the status.
    private func check(
        _ route: String, _ rule: AccessRule, _ probe: Probes.Builder, _ principal: Principal,
        outside: Bool, _ world: SecurityWorld
    ) throws {
        let request = try probe(world, principal, !outside)
        let response = try world.client(principal).send(
            request.method, request.path, body: request.body, headers: request.headers)
        let expected = rule.status(principal, outside: outside)
        let place = outside ? "outside" : "inside"
        #expect(
            response.status == expected,
            "\(route) as \(principal) (\(place)): \(response.status) \(response.text.prefix(200))")
        if response.status >= 400 {
            #expect(response.envelope != nil, "\(route) as \(principal): no error envelope")
        }
        for marker in world.outsideMarkers(principal) where route != "GET /api/v1/openapi.json" {
            #expect(
                !response.text.contains(marker),
                "\(route) as \(principal) (\(place)) shows \(marker)")
        }
    }
}
