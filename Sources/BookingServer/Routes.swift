import BookingAPI
import HTTPServer

extension APIServer {
    /// Every route of the API. The OpenAPI test checks this table against `openapi.json`
    /// both ways; add a route here and to the document together.
    static let table: [Route] = [
        Route("GET", APIPath.health, .anyone) { server, _ in try server.health() },
        Route("GET", APIPath.openAPI, .anyone) { server, _ in server.openAPIResponse() },
        Route("POST", APIPath.session, .anyone) { server, request in try server.logIn(request) },
        Route("GET", APIPath.session, .desk) { server, request in try server.me(request) },
        Route("DELETE", APIPath.session, .desk) { server, request in try server.logOut(request) },
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

    /// The route table as `(method, template)` pairs, for tests and documentation.
    static var routeList: [(method: String, template: String)] {
        table.map { ($0.method, $0.template) }
    }
}
