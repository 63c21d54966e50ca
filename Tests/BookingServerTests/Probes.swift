import BookingAPI
import BookingCore
import BookingServer
import Foundation
import TestSupport

/// One request per route that succeeds for whoever may call it: `inside` names things
/// inside the restricted principals' scopes, otherwise things outside them. Routes that
/// change what they name get a fresh one each time (made by the admin), so that the order
/// of the principals does not matter.
enum Probes {
    typealias Builder = @Sendable (SecurityWorld, Principal, Bool) throws -> Probe

    static let all: [String: Builder] = session.merging(catalog) { a, _ in a }
        .merging(orders) { a, _ in a }.merging(customers) { a, _ in a }
        .merging(users) { a, _ in a }.merging(guides) { a, _ in a }
        .merging(tours) { a, _ in a }.merging(account) { a, _ in a }
        .merging(changes) { a, _ in a }

    static let session: [String: Builder] = [
        "GET /api/v1/health": { _, _, _ in Probe("GET", APIPath.health) },
        "GET /api/v1/openapi.json": { _, _, _ in Probe("GET", APIPath.openAPI) },
        "POST /api/v1/session": { world, principal, _ in
            // Anyone without a log-in tries the admin's name with a wrong password.
            let login = world.logins[principal] ?? DemoData.admin
            let password = principal == .anonymous ? "wrong" : login.password
            return try Probe(
                "POST", APIPath.session,
                json: LoginRequest(
                    account: login.account, username: login.username, password: password))
        },
        "GET /api/v1/session": { _, _, _ in Probe("GET", APIPath.session) },
        "DELETE /api/v1/session": { world, principal, _ in
            // Logs out of a session of its own, so that the principal's token lives on.
            let token = try world.freshToken(principal)
            return Probe(
                "DELETE", APIPath.session,
                headers: ["Authorization": token.map { "Bearer " + $0 } ?? ""])
        },
    ]

    static let catalog: [String: Builder] = [
        "GET /api/v1/branches": { _, _, _ in Probe("GET", APIPath.branches) },
        "GET /api/v1/categories": { _, _, _ in Probe("GET", APIPath.categories) },
        "GET /api/v1/offers": { world, _, inside in
            Probe("GET", APIPath.offers + (inside ? "" : "?branch=\(world.hafenBranch.id)"))
        },
        "GET /api/v1/offers/{id}": { world, _, inside in
            Probe("GET", APIPath.offer(inside ? world.bike.id : world.scooter.id))
        },
        "GET /api/v1/options": { world, _, inside in
            Probe("GET", APIPath.options + (inside ? "" : "?branch=\(world.hafenBranch.id)"))
        },
        "GET /api/v1/availability/month": { world, _, inside in
            let offer = inside ? world.bike.id : world.scooter.id
            return Probe("GET", APIPath.monthAvailability + "?month=2031-02&offer=\(offer)")
        },
        "GET /api/v1/availability/interval": { world, _, inside in
            let offer = inside ? world.bike.id : world.scooter.id
            return Probe(
                "GET",
                APIPath.intervalAvailability
                    + "?offer=\(offer)&start=2031-02-01T09:00:00Z&end=2031-02-01T12:00:00Z")
        },
    ]

    static let orders: [String: Builder] = [
        "POST /api/v1/quotes": { world, _, inside in
            try Probe("POST", APIPath.quotes, json: try world.draft(inside: inside))
        },
        "POST /api/v1/holds": { world, _, inside in
            try Probe(
                "POST", APIPath.holds, json: HoldRequest(draft: try world.draft(inside: inside)))
        },
        "DELETE /api/v1/holds/{id}": { world, _, inside in
            Probe("DELETE", APIPath.hold(try world.hold(inside: inside).id))
        },
        "POST /api/v1/orders": { world, _, inside in
            // Priced by the admin, who may see both; the caller sends it.
            let clientID = UUID().uuidString
            let request = try world.client(.admin).orderRequest(
                try world.draft(inside: inside), clientID: clientID)
            return try Probe(
                "POST", APIPath.orders, json: request,
                headers: [APIPath.idempotencyKeyHeader: clientID])
        },
        "GET /api/v1/orders": { world, _, inside in
            Probe("GET", APIPath.orders + (inside ? "" : "?branch=\(world.hafenBranch.id)"))
        },
        "GET /api/v1/orders/{id}": { world, _, inside in
            Probe("GET", APIPath.order(inside ? world.insideOrder.id : world.outsideOrder.id))
        },
        "POST /api/v1/orders/{id}/cancel": { world, _, inside in
            Probe("POST", APIPath.cancelOrder(try world.placeOrder(inside: inside).id))
        },
        "POST /api/v1/orders/{id}/pickup": { world, _, inside in
            Probe("POST", APIPath.pickUpOrder(try world.placeOrder(inside: inside).id))
        },
        "POST /api/v1/orders/{id}/return": { world, _, inside in
            Probe("POST", APIPath.returnOrder(try world.pickedUpOrder(inside: inside).id))
        },
    ]

    static let customers: [String: Builder] = [
        "GET /api/v1/customers": { _, _, inside in
            Probe("GET", APIPath.customers + (inside ? "" : "?q=outside"))
        },
        "GET /api/v1/customers/{id}": { world, _, inside in
            let order = inside ? world.insideOrder! : world.outsideOrder!
            return Probe("GET", APIPath.customer(order.customerID))
        },
        "GET /api/v1/customers/{id}/export": { world, _, _ in
            Probe("GET", APIPath.customerExport(world.insideOrder.customerID))
        },
    ]

    static let users: [String: Builder] = [
        "GET /api/v1/users": { _, _, _ in Probe("GET", APIPath.users) },
        "POST /api/v1/users": { world, _, _ in
            let name = "new\(world.next())"
            return try Probe(
                "POST", APIPath.users,
                json: NewUserRequest(username: name, name: name, email: name + "@example.com"))
        },
        "GET /api/v1/users/{id}": { world, _, _ in Probe("GET", APIPath.user(world.staffUser.id)) },
        "DELETE /api/v1/users/{id}": { world, _, _ in
            Probe("DELETE", APIPath.user(try world.createUser().user.id))
        },
        "PUT /api/v1/users/{id}/admin": { world, _, _ in
            try Probe(
                "PUT", APIPath.userAdminFlag(try world.createUser().user.id),
                json: AdminFlagRequest(isAdmin: true))
        },
        "PUT /api/v1/users/{id}/restrictions": { world, _, _ in
            try Probe(
                "PUT", APIPath.userRestrictions(try world.createUser().user.id),
                json: RestrictionsRequest(branchIDs: [world.nordBranch.id]))
        },
        "DELETE /api/v1/users/{id}/restrictions": { world, _, _ in
            Probe("DELETE", APIPath.userRestrictions(try world.createUser().user.id))
        },
        "POST /api/v1/users/{id}/deactivate": { world, _, _ in
            Probe("POST", APIPath.deactivateUser(try world.createUser().user.id))
        },
        "POST /api/v1/users/{id}/activate": { world, _, _ in
            Probe("POST", APIPath.activateUser(try world.createUser().user.id))
        },
        "POST /api/v1/users/{id}/password": { world, _, _ in
            Probe("POST", APIPath.userPassword(try world.createUser().user.id))
        },
        "GET /api/v1/users/{id}/export": { world, _, _ in
            Probe("GET", APIPath.userExport(world.staffUser.id))
        },
    ]

    static let guides: [String: Builder] = [
        "GET /api/v1/guides": { _, _, _ in Probe("GET", APIPath.guides) },
        "POST /api/v1/guides": { world, _, _ in
            try Probe("POST", APIPath.guides, json: world.guideData())
        },
        "GET /api/v1/guides/{id}": { world, _, _ in Probe("GET", APIPath.guide(world.demoGuide.id))
        },
        "PUT /api/v1/guides/{id}": { world, _, _ in
            try Probe("PUT", APIPath.guide(try world.createGuide().id), json: world.guideData())
        },
        "DELETE /api/v1/guides/{id}": { world, _, _ in
            Probe("DELETE", APIPath.guide(try world.createGuide().id))
        },
        "POST /api/v1/guides/{id}/access": { world, _, _ in
            try Probe(
                "POST", APIPath.guideAccess(try world.createGuide().id),
                json: GuideAccessRequest(username: "g\(world.next())"))
        },
    ]

    static let tours: [String: Builder] = [
        "GET /api/v1/tours": { _, _, _ in Probe("GET", APIPath.tours) },
        "GET /api/v1/tours/{id}": { world, _, inside in
            Probe("GET", APIPath.tour(inside ? world.insideTour.id : world.outsideTour.id))
        },
        "POST /api/v1/tours": { world, _, inside in
            try Probe("POST", APIPath.tours, json: world.tourRequest(inside: inside))
        },
        "PUT /api/v1/tours/{id}": { world, _, inside in
            try Probe(
                "PUT", APIPath.tour(try world.createTour(inside: inside).id),
                json: world.tourRequest(inside: true))
        },
        "DELETE /api/v1/tours/{id}": { world, _, _ in
            Probe("DELETE", APIPath.tour(try world.createTour(inside: true).id))
        },
        "GET /api/v1/guide/tours": { _, _, _ in Probe("GET", APIPath.guideTours) },
    ]

    static let account: [String: Builder] = [
        "GET /api/v1/audit-events": { _, _, _ in Probe("GET", APIPath.auditEvents) },
        "GET /api/v1/account/settings": { _, _, _ in Probe("GET", APIPath.accountSettings) },
        "PUT /api/v1/account/settings": { _, _, _ in
            // The customers' log-ins stay on, as the world made them.
            try Probe(
                "PUT", APIPath.accountSettings, json: AccountSettings(customerPasswords: true))
        },
    ]
}
