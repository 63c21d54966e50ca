import BookingAPI
import BookingCore
import BookingStore
import Foundation
import HTTPServer
import Secrets

extension SessionContext {
    /// The account's time zone; Europe/Berlin if the stored one is unknown to the system.
    var calendar: AccountCalendar {
        AccountCalendar(identifier: account.timeZone) ?? .berlin
    }
}

extension APIServer {
    /// `POST /quotes`: prices a draft with BookingCore's one price function.
    func quote(_ request: APIRequest) throws -> HTTPResponse {
        let draft = try request.decode(OrderDraft.self)
        return try Self.json(try price(draft, request: request))
    }

    /// `POST /holds`: keeps the draft's units for the account's hold time.
    func createHold(_ request: APIRequest) throws -> HTTPResponse {
        let body = try request.decode(HoldRequest.self)
        _ = try price(body.draft, request: request)  // the same checks as a quote
        let minutes = max(1, request.caller.account.holdMinutes)
        let hold = try store.createHold(
            draft: body.draft, scope: request.scope, now: request.now,
            expiresAt: request.now + TimeInterval(minutes * 60))
        return try Self.json(hold, status: 201)
    }

    func deleteHold(_ request: APIRequest) throws -> HTTPResponse {
        try store.deleteHold(request.id(), scope: request.scope, now: request.now)
        return Self.noContent()
    }

    /// `POST /orders`: prices the draft, compares the client's total, then lets the store
    /// check availability and insert in one serialised transaction.
    func createOrder(_ request: APIRequest) throws -> HTTPResponse {
        let body = try request.decode(CreateOrderRequest.self)
        let key = try idempotencyKey(request, body: body)
        try validate(body.customer)
        let priced = try price(body.draft, request: request)
        guard priced.total == body.expectedTotal else {
            throw APIFailure(
                409, .totalMismatch,
                "the total is \(priced.total.cents) cents, not \(body.expectedTotal.cents)",
                field: "expectedTotal")
        }
        // The fingerprint is of the bytes sent: a retry sends the stored request again.
        var new = try NewOrder(
            request: body, priced: priced, idempotencyKey: key,
            fingerprint: Secrets.hex(Secrets.sha256(request.http.body)),
            year: request.caller.calendar.date(of: request.now).year)
        let password = try customerPassword(body.customer, request: request)
        new.customerPasswordHash = try password.map(hash)
        let created = try store.createOrder(new, scope: request.scope, now: request.now)
        if created.customerLoginCreated, let password {
            mailCustomerPassword(password, to: body.customer, account: request.caller.account)
        }
        if !created.replayed {
            logger.info(
                "order created",
                [
                    "order": "\(created.order.id)", "forced": "\(body.force)",
                    "user": "\(request.scope.userID.map { "\($0)" } ?? "")",
                ])
        }
        var response: HTTPResponse
        if created.replayed {
            response = try Self.json(created.order, status: 201)
            response.headers["Idempotent-Replayed"] = "true"
        } else {
            // The customer and price are already JSON (they were stored as such).
            let body = try created.order.encodedJSON(
                customer: new.encodedCustomer, priced: new.encodedPriced)
            response = HTTPResponse(
                status: 201, headers: ["Content-Type": APIJSON.contentType], body: body)
        }
        return response
    }

    /// A generated password if this order makes a new customer who gets a log-in (the
    /// account's setting); nil otherwise, which is almost always.
    private func customerPassword(_ customer: CustomerData, request: APIRequest) throws
        -> String?
    {
        // The setting came with the session: most accounts need no further read.
        guard request.caller.customerPasswords != false,
            try store.customerWouldGetLogin(email: customer.email, scope: request.scope)
        else { return nil }
        return Secrets.generatePassword()
    }

    private func mailCustomerPassword(
        _ password: String, to customer: CustomerData, account: AccountInfo
    ) {
        let name = [customer.firstName ?? "", customer.lastName].filter { !$0.isEmpty }
            .joined(separator: " ")
        let email = customer.email.lowercased()
        _ = mailer.send(
            to: email, name: name, subject: PasswordMail.subject,
            body: PasswordMail.body(
                name: name, account: account.slug, username: email, password: password,
                occasion: .newLogin))
    }

    private func idempotencyKey(_ request: APIRequest, body: CreateOrderRequest) throws -> String {
        let clientID = body.clientID.trimmedOfSpaces
        guard !clientID.isEmpty, clientID.count <= 100 else {
            throw APIFailure.invalidInput(
                "clientID must have 1 to 100 characters", field: "clientID")
        }
        let key = request.http.header(APIPath.idempotencyKeyHeader) ?? body.clientID
        guard !key.isEmpty, key.count <= 200 else {
            throw APIFailure.invalidInput(
                "Idempotency-Key must have 1 to 200 characters", field: APIPath.idempotencyKeyHeader
            )
        }
        return key
    }

    private func validate(_ customer: CustomerData) throws {
        let name = customer.lastName.trimmedOfSpaces
        guard !name.isEmpty, name.count <= 200 else {
            throw APIFailure.invalidInput("the last name is required", field: "customer.lastName")
        }
        let email = customer.email.trimmedOfSpaces
        guard email.count <= 254, email.contains("@"), !email.hasPrefix("@"), !email.hasSuffix("@")
        else {
            throw APIFailure.invalidInput(
                "the e-mail address is not valid", field: "customer.email")
        }
        let texts = [
            customer.salutation, customer.firstName, customer.street, customer.houseNumber,
            customer.postalCode, customer.city, customer.country, customer.phone,
        ]
        guard texts.allSatisfy({ ($0?.count ?? 0) <= 200 }), (customer.note?.count ?? 0) <= 2000
        else {
            throw APIFailure.invalidInput("a customer field is too long", field: "customer")
        }
        guard customer.termsAccepted else {
            throw APIFailure.invalidInput(
                "the terms must be accepted", field: "customer.termsAccepted")
        }
    }

    /// `GET /orders?branch=&date=&status=&q=&limit=&after=`.
    func listOrders(_ request: APIRequest) throws -> HTTPResponse {
        var query = OrderQuery()
        query.branchID = try request.queryID("branch")
        if let date = try request.queryDate("date") {
            query.day = request.caller.calendar.day(date)
        }
        if let status = request.query("status") {
            guard let parsed = OrderStatus(rawValue: status) else {
                throw APIFailure.invalidInput("unknown status", field: "status")
            }
            query.status = parsed
        }
        query.text = request.query("q").map { String($0.prefix(100)) }
        if let limit = request.query("limit") {
            guard let value = Int(limit), (1...200).contains(value) else {
                throw APIFailure.invalidInput("limit must be 1 to 200", field: "limit")
            }
            query.limit = value
        }
        query.after = try request.queryID("after")
        return try Self.json(try store.orders(query, scope: request.scope))
    }

    func showOrder(_ request: APIRequest) throws -> HTTPResponse {
        guard let order = try store.order(request.id(), scope: request.scope) else {
            throw APIFailure.notFound("order")
        }
        return try Self.json(order)
    }

    func moveOrder(_ request: APIRequest, to status: OrderStatus) throws -> HTTPResponse {
        let order = try store.moveOrder(
            request.id(), to: status, scope: request.scope, now: request.now)
        logger.info("order \(status.rawValue)", ["order": "\(order.id)"])
        return try Self.json(order)
    }

    // MARK: - Pricing

    /// Prices `draft` in the caller's scope; every offer must be visible to the caller.
    func price(_ draft: OrderDraft, request: APIRequest) throws -> PricedOrder {
        let inputs = try store.pricingInputs(draft, scope: request.scope)
        guard inputs.branchesVisible else { throw APIFailure.notFound("branch") }
        let catalog = Catalog(
            offers: inputs.offers.values.map(\.offer), categories: inputs.categories)
        let account = request.caller.account
        let quote: Quote
        do {
            quote = try Quote(
                draft: draft, catalog: catalog,
                prepayment: PrepaymentPolicy(
                    percent: account.prepaymentPercent, dueAfterDays: account.prepaymentDueDays),
                calendar: request.caller.calendar, bookedAt: request.now)
        } catch {
            throw APIFailure(error)
        }
        return PricedOrder(quote, kinds: inputs.offers.mapValues(\.kind))
    }
}

extension String {
    /// Without leading and trailing spaces and tabs. (Foundation's `trimmingCharacters` showed
    /// up in the order path's profile.)
    fileprivate var trimmedOfSpaces: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }),
            let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return self[first...last]
    }
}
