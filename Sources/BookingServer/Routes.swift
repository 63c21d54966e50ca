import BookingAPI
import HTTPServer

extension APIServer {
    /// Every route of the API with its access rule. The OpenAPI test checks this table
    /// against `openapi.json` both ways, and the security tests build their tables from
    /// it: add a route here, to the document and to those tables together.
    static let table: [Route] =
        sessionRoutes + catalogRoutes + orderRoutes + customerRoutes
        + userRoutes + guideRoutes + tourRoutes + accountRoutes

    private static let sessionRoutes = [
        Route("GET", APIPath.health, .anyone) { server, _ in try server.health() },
        Route("GET", APIPath.openAPI, .anyone) { server, _ in server.openAPIResponse() },
        Route("POST", APIPath.session, .anyone) { server, request in try server.logIn(request) },
        Route("GET", APIPath.session, .ownSession) { server, request in try server.me(request) },
        Route("DELETE", APIPath.session, .ownSession) { server, request in
            try server.logOut(request)
        },
    ]

    private static let catalogRoutes = [
        Route("GET", APIPath.branches, .desk) { server, request in try server.branches(request) },
        Route("GET", APIPath.categories, .desk) { server, request in
            try server.categories(request)
        },
        Route("GET", APIPath.offers, .desk) { server, request in try server.offers(request) },
        Route("GET", APIPath.offers + "/{id}", .desk) { server, request in
            try server.offer(request)
        },
        Route("GET", APIPath.options, .desk) { server, request in try server.options(request) },
        Route("GET", APIPath.monthAvailability, .desk) { server, request in
            try server.monthAvailability(request)
        },
        Route("GET", APIPath.intervalAvailability, .desk) { server, request in
            try server.intervalAvailability(request)
        },
    ]

    private static let orderRoutes = [
        Route("POST", APIPath.quotes, .desk) { server, request in try server.quote(request) },
        Route("POST", APIPath.holds, .desk) { server, request in try server.createHold(request) },
        Route("DELETE", APIPath.holds + "/{id}", .desk) { server, request in
            try server.deleteHold(request)
        },
        Route("POST", APIPath.orders, .desk) { server, request in try server.createOrder(request) },
        Route("GET", APIPath.orders, .desk) { server, request in try server.listOrders(request) },
        Route("GET", APIPath.orders + "/{id}", .desk) { server, request in
            try server.showOrder(request)
        },
        Route("POST", APIPath.orders + "/{id}/cancel", .desk) { server, request in
            try server.moveOrder(request, to: .cancelled)
        },
        Route("POST", APIPath.orders + "/{id}/pickup", .desk) { server, request in
            try server.moveOrder(request, to: .pickedUp)
        },
        Route("POST", APIPath.orders + "/{id}/return", .desk) { server, request in
            try server.moveOrder(request, to: .returned)
        },
        Route("GET", APIPath.catalogueChanges, .desk) { server, request in
            try server.catalogueChanges(request)
        },
        Route("GET", APIPath.orderChanges, .desk) { server, request in
            try server.orderChanges(request)
        },
    ]

    private static let customerRoutes = [
        Route("GET", APIPath.customers, .desk) { server, request in
            try server.listCustomers(request)
        },
        Route("GET", APIPath.customers + "/{id}", .desk) { server, request in
            try server.showCustomer(request)
        },
        Route("GET", APIPath.customers + "/{id}/export", .admin) { server, request in
            try server.exportCustomer(request)
        },
    ]

    private static let userRoutes = [
        Route("GET", APIPath.users, .admin) { server, request in try server.listUsers(request) },
        Route("POST", APIPath.users, .admin) { server, request in try server.createUser(request) },
        Route("GET", APIPath.users + "/{id}", .admin) { server, request in
            try server.showUser(request)
        },
        Route("DELETE", APIPath.users + "/{id}", .admin) { server, request in
            try server.deleteUser(request)
        },
        Route("PUT", APIPath.users + "/{id}/admin", .admin) { server, request in
            try server.setAdminFlag(request)
        },
        Route("PUT", APIPath.users + "/{id}/restrictions", .admin) { server, request in
            try server.setRestrictions(request)
        },
        Route("DELETE", APIPath.users + "/{id}/restrictions", .admin) { server, request in
            try server.clearRestrictions(request)
        },
        Route("POST", APIPath.users + "/{id}/deactivate", .admin) { server, request in
            try server.setActive(request, false)
        },
        Route("POST", APIPath.users + "/{id}/activate", .admin) { server, request in
            try server.setActive(request, true)
        },
        Route("POST", APIPath.users + "/{id}/password", .admin) { server, request in
            try server.resetPassword(request)
        },
        Route("GET", APIPath.users + "/{id}/export", .admin) { server, request in
            try server.exportUser(request)
        },
    ]

    private static let guideRoutes = [
        Route("GET", APIPath.guides, .desk) { server, request in try server.listGuides(request) },
        Route("POST", APIPath.guides, .desk) { server, request in
            try server.createGuide(request)
        },
        Route("GET", APIPath.guides + "/{id}", .desk) { server, request in
            try server.showGuide(request)
        },
        Route("PUT", APIPath.guides + "/{id}", .desk) { server, request in
            try server.updateGuide(request)
        },
        Route("DELETE", APIPath.guides + "/{id}", .admin) { server, request in
            try server.deleteGuide(request)
        },
        Route("POST", APIPath.guides + "/{id}/access", .desk) { server, request in
            try server.createGuideAccess(request)
        },
    ]

    private static let tourRoutes = [
        Route("GET", APIPath.tours, .desk) { server, request in try server.listTours(request) },
        Route("GET", APIPath.tours + "/{id}", .desk) { server, request in
            try server.showTour(request)
        },
        Route("POST", APIPath.tours, .desk) { server, request in try server.createTour(request) },
        Route("PUT", APIPath.tours + "/{id}", .desk) { server, request in
            try server.updateTour(request)
        },
        Route("DELETE", APIPath.tours + "/{id}", .admin) { server, request in
            try server.deleteTour(request)
        },
        Route("GET", APIPath.guideTours, .guide) { server, request in
            try server.guideTours(request)
        },
    ]

    private static let accountRoutes = [
        Route("GET", APIPath.auditEvents, .admin) { server, request in
            try server.auditEvents(request)
        },
        Route("GET", APIPath.accountSettings, .admin) { server, request in
            try server.accountSettings(request)
        },
        Route("PUT", APIPath.accountSettings, .admin) { server, request in
            try server.setAccountSettings(request)
        },
    ]

    /// The route table as `(method, template, access)`, for tests and documentation.
    static var routeList: [(method: String, template: String, access: String)] {
        table.map { ($0.method, $0.template, $0.access.rawValue) }
    }
}
