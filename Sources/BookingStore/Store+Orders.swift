import BookingAPI
import BookingCore
import Foundation
import SQLite

/// An order to create: the request as sent, its price as the server computed it, and the
/// idempotency key with a fingerprint of the request.
public struct NewOrder: Sendable {
    public var request: CreateOrderRequest
    public var priced: PricedOrder
    public var idempotencyKey: String
    /// A hash of the canonical request; the same key with another fingerprint is refused.
    public var fingerprint: String
    /// The year shown in the order's number, in the account's zone.
    public var year: Int
    /// `request.customer` and `priced` as stored JSON, encoded once before the order enters
    /// the serialised writer (and reusable for the response).
    public let encodedCustomer: String
    public let encodedPriced: String
    /// The Argon2id hash of a generated password: when set and the order makes a new
    /// customer, the customer gets a log-in with it (the account's `customerPasswords`).
    public var customerPasswordHash: String?

    public init(
        request: CreateOrderRequest, priced: PricedOrder, idempotencyKey: String,
        fingerprint: String, year: Int
    ) throws {
        self.request = request
        self.priced = priced
        self.idempotencyKey = idempotencyKey
        self.fingerprint = fingerprint
        self.year = year
        self.encodedCustomer = String(
            decoding: try request.customer.encodedJSON(), as: UTF8.self)
        self.encodedPriced = String(decoding: try priced.encodedJSON(), as: UTF8.self)
    }
}

/// The result of `createOrder`: the order, and whether it existed already under the key.
public struct OrderCreation: Sendable {
    public var order: OrderInfo
    public var replayed: Bool
    /// Whether the order made its customer a log-in with `NewOrder.customerPasswordHash`;
    /// the caller mails the password then.
    public var customerLoginCreated = false
}

/// Which orders a list shows, newest first.
public struct OrderQuery: Sendable {
    public var branchID: BranchID?
    /// Orders picked up or returned during this period (a local day).
    public var day: Period?
    public var status: OrderStatus?
    /// Part of the order number or the customer's name or e-mail, any case.
    public var text: String?
    public var limit: Int
    /// Only orders older than this one (the cursor of the previous page).
    public var after: OrderID?

    public init(
        branchID: BranchID? = nil, day: Period? = nil, status: OrderStatus? = nil,
        text: String? = nil, limit: Int = 50, after: OrderID? = nil
    ) {
        self.branchID = branchID
        self.day = day
        self.status = status
        self.text = text
        self.limit = limit
        self.after = after
    }
}

extension BookingStore {
    /// How long after its end a period may still be held or ordered: a rental that ended
    /// this evening can be recorded after closing, one from last year is a typo.
    public static let pastGrace: TimeInterval = 24 * 3600

    /// Creates the order if its units are free (or `force` is set), all in one serialised
    /// transaction: idempotency key, client id, hold, availability, number, rows.
    public func createOrder(_ new: NewOrder, scope: Scope, now: Date) throws(StoreError)
        -> OrderCreation
    {
        let period = try Self.period(of: new.request.draft)
        return try write { db in
            if let replay = try Self.replay(db, new, scope: scope) {
                return OrderCreation(order: replay, replayed: true)
            }
            // After the replay check: a lost answer may be asked for again once it is over.
            guard new.request.takenOffline || period.end > now - Self.pastGrace else {
                throw StoreError.periodOver
            }
            let (order, login) = try Self.insertOrder(
                db, new, period: period, scope: scope, now: now)
            return OrderCreation(order: order, replayed: false, customerLoginCreated: login)
        }
    }

    private static func replay(_ db: Database, _ new: NewOrder, scope: Scope) throws -> OrderInfo? {
        guard
            let row = try db.queryOne(
                "SELECT fingerprint, order_id FROM idempotency_keys "
                    + "WHERE account_id = ? AND key = ?",
                [scope.accountID.rawValue, new.idempotencyKey])
        else { return nil }
        guard row.text(0) == new.fingerprint else { throw StoreError.idempotencyKeyReused }
        // The first answer's order: its creator finds it even if their restrictions changed
        // since; anyone else only if it is in their scope.
        let mine = try db.queryOne(
            "SELECT 1 FROM orders WHERE id = ? AND created_by IS ?",
            [row.int64(1), scope.userID?.rawValue])
        guard
            let order = try loadOrders(
                db, where: "o.id = ?", [row.int64(1)],
                scope: mine != nil && scope.userID != nil ? .account(scope.accountID) : scope
            ).first
        else { throw StoreError.notFound("order") }
        return order
    }

    /// Inserts the order and its lines after all checks; also whether it made the customer
    /// a log-in.
    static func insertOrder(
        _ db: Database, _ new: NewOrder, period: Period, scope: Scope, now: Date
    ) throws -> (OrderInfo, Bool) {
        let request = new.request
        let draft = request.draft
        let account = scope.accountID.rawValue
        let taken = try db.queryOne(
            "SELECT 1 FROM orders WHERE account_id = ? AND client_id = ?",
            [account, request.clientID])
        guard taken == nil else { throw StoreError.duplicateClientID }
        try checkVisible(db, draft: draft, scope: scope)
        if let hold = request.holdID { try checkHold(db, hold, scope: scope, now: now) }
        if !request.force {
            try checkAvailable(
                db, items: (draft.offers + draft.options).map { ($0.offerID, $0.quantity) },
                account: scope.accountID,
                period: period, now: now, excludingHold: request.holdID)
        }
        let (customerID, login) = try upsertCustomer(
            db, request.customer, encoded: new.encodedCustomer,
            passwordHash: new.customerPasswordHash,
            scope: scope, now: now)
        let (number, sequence) = try nextNumber(db, account: account, year: new.year)
        try db.run(
            """
            INSERT INTO orders (account_id, number, client_id, status, branch_id,
                return_branch_id, starts_at, ends_at, persons, customer_id, customer, priced,
                total_cents, currency, search_text, forced, taken_offline, created_by,
                created_at, updated_at, change_sequence)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                account, number, request.clientID, OrderStatus.reserved.rawValue,
                draft.branchID.rawValue, (draft.returnBranchID ?? draft.branchID).rawValue,
                period.start.storedSeconds, period.end.storedSeconds, draft.persons,
                customerID.rawValue, new.encodedCustomer, new.encodedPriced,
                new.priced.total.cents,
                new.priced.total.currency.rawValue, searchText(number, request.customer),
                request.force, request.takenOffline, scope.userID?.rawValue, now.storedSeconds,
                now.storedSeconds, sequence,
            ])
        let orderID = db.lastInsertRowID
        let lines = draft.offers.map { ($0, false) } + draft.options.map { ($0, true) }
        for (item, isOption) in lines {
            try db.run(
                """
                INSERT INTO order_lines (account_id, order_id, offer_id, is_option, quantity,
                    starts_at, ends_at, takes_units)
                VALUES (?, ?, ?, ?, ?, ?, ?, 1)
                """,
                [
                    account, orderID, item.offerID.rawValue, isOption, item.quantity,
                    period.start.storedSeconds, period.end.storedSeconds,
                ])
            try noteBooking(db, offer: item.offerID, period: period)
        }
        if let hold = request.holdID { try releaseHold(db, hold) }
        try db.run(
            """
            INSERT INTO idempotency_keys (account_id, key, fingerprint, order_id, created_at)
            VALUES (?, ?, ?, ?, ?)
            """, [account, new.idempotencyKey, new.fingerprint, orderID, now.storedSeconds])
        try audit(
            db,
            AuditRecord(
                "order.created", "order", orderID, takenOffline: request.takenOffline,
                forced: request.force,
                details: ["number": number, "hold": request.holdID.map { "\($0)" } ?? ""]),
            scope: scope, at: now)
        let order = OrderInfo(
            id: OrderID(orderID), number: number, clientID: request.clientID, status: .reserved,
            draft: draft, customerID: customerID, customer: request.customer, priced: new.priced,
            createdAt: Date(storedSeconds: now.storedSeconds), takenOffline: request.takenOffline,
            forced: request.force)
        return (order, login)
    }

    private static func checkHold(_ db: Database, _ hold: HoldID, scope: Scope, now: Date) throws {
        let filter = scope.holdFilter("h")
        guard
            let row = try db.queryOne(
                "SELECT expires_at FROM holds h WHERE h.id = ? AND \(filter.sql)",
                [hold.rawValue] + filter.arguments)
        else { throw StoreError.notFound("hold") }
        guard row.int64(0) > now.storedSeconds else { throw StoreError.holdExpired }
    }

    /// The customer with the order's e-mail address, made with their first order (and
    /// then given a log-in if `passwordHash` is set), updated with the latest data after.
    private static func upsertCustomer(
        _ db: Database, _ customer: CustomerData, encoded: String, passwordHash: String?,
        scope: Scope, now: Date
    ) throws -> (CustomerID, Bool) {
        let account = scope.accountID.rawValue
        let email = customer.email.lowercased()
        if let row = try db.queryOne(
            "SELECT id, data FROM customers WHERE account_id = ? AND email = ?",
            [account, email])
        {
            // Most orders are of known customers, mostly with unchanged data: then the
            // serialised writer writes no page for the customer.
            let id = CustomerID(row.int64(0))
            if row.text(1) != encoded {
                try db.run(
                    "UPDATE customers SET first_name = ?, last_name = ?, data = ? WHERE id = ?",
                    [customer.firstName, customer.lastName, encoded, id.rawValue])
            }
            return (id, false)
        }
        try db.run(
            """
            INSERT INTO customers (account_id, email, first_name, last_name, data, created_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """,
            [account, email, customer.firstName, customer.lastName, encoded, now.storedSeconds])
        let id = CustomerID(db.lastInsertRowID)
        try audit(
            db, AuditRecord("customer.created", "customer", id.rawValue), scope: scope, at: now)
        guard let passwordHash else { return (id, false) }
        return (id, try addCustomerLogin(db, id, customer, passwordHash, scope: scope, now: now))
    }

    /// A log-in of role `customer` whose user name is the e-mail address; none if that
    /// name is taken in the account.
    private static func addCustomerLogin(
        _ db: Database, _ id: CustomerID, _ customer: CustomerData, _ passwordHash: String,
        scope: Scope, now: Date
    ) throws -> Bool {
        let email = customer.email.lowercased()
        let taken = try db.queryOne(
            "SELECT 1 FROM users WHERE account_id = ? AND username = ?",
            [scope.accountID.rawValue, email])
        guard taken == nil else { return false }
        let name = [customer.firstName ?? "", customer.lastName].filter { !$0.isEmpty }
            .joined(separator: " ")
        let user = try insertUser(
            db,
            NewUser(
                username: email, name: name, email: email, role: .customer,
                passwordHash: passwordHash), scope: scope, now: now)
        try db.run("UPDATE customers SET user_id = ? WHERE id = ?", [user.rawValue, id.rawValue])
        return true
    }

    /// The order's number, and the change sequence that stamps it (see `noteChanged`): one
    /// statement for both, as every order needs them.
    private static func nextNumber(_ db: Database, account: Int64, year: Int) throws
        -> (String, Int64)
    {
        guard
            let row = try db.queryOne(
                """
                UPDATE accounts SET next_order_number = next_order_number + 1,
                    change_sequence = change_sequence + 1
                WHERE id = ? RETURNING next_order_number - 1, change_sequence
                """, [account])
        else { throw StoreError.notFound("account") }
        let digits = String(row.int64(0))
        let number =
            String(year) + "-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
        return (number, row.int64(1))
    }

    private static func searchText(_ number: String, _ customer: CustomerData) -> String {
        [number, customer.firstName ?? "", customer.lastName, customer.email]
            .joined(separator: " ").lowercased()
    }

    /// The order `id`, if the scope may see it.
    public func order(_ id: OrderID, scope: Scope) throws(StoreError) -> OrderInfo? {
        try read { db in
            try Self.loadOrders(db, where: "o.id = ?", [id.rawValue], scope: scope).first
        }
    }

    /// One page of the orders matching `query` that the scope may see, newest first.
    public func orders(_ query: OrderQuery, scope: Scope) throws(StoreError) -> OrderList {
        var conditions: [String] = []
        var arguments: [SQLiteValue] = []
        if let branch = query.branchID {
            conditions.append("o.branch_id = ?")
            arguments.append(.integer(branch.rawValue))
        }
        if let day = query.day {
            conditions.append(
                "((o.starts_at >= ? AND o.starts_at < ?) OR (o.ends_at > ? AND o.ends_at <= ?))")
            let (start, end) = (day.start.storedSeconds, day.end.storedSeconds)
            arguments += [.integer(start), .integer(end), .integer(start), .integer(end)]
        }
        if let status = query.status {
            conditions.append("o.status = ?")
            arguments.append(.text(status.rawValue))
        }
        if let text = query.text, !text.isEmpty {
            conditions.append("instr(o.search_text, ?) > 0")
            arguments.append(.text(text.lowercased()))
        }
        if let after = query.after {
            conditions.append("o.id < ?")
            arguments.append(.integer(after.rawValue))
        }
        let limit = min(max(query.limit, 1), 200)
        let condition = conditions.isEmpty ? "1 = 1" : conditions.joined(separator: " AND ")
        let values = arguments
        let page = try read { db in
            try Self.loadOrders(db, where: condition, values, scope: scope, limit: limit + 1)
        }
        let more = page.count > limit
        let shown = Array(page.prefix(limit))
        return OrderList(
            orders: shown, nextCursor: more ? shown.last.map { String($0.id.rawValue) } : nil)
    }

    static func loadOrders(
        _ db: Database, where condition: String, _ arguments: [any SQLiteBindable], scope: Scope,
        limit: Int = 1
    ) throws -> [OrderInfo] {
        let filter = scope.orderFilter("o")
        let rows = try db.query(
            """
            SELECT o.id, o.number, o.client_id, o.status, o.branch_id, o.return_branch_id,
                o.starts_at, o.ends_at, o.persons, o.customer_id, o.customer, o.priced,
                o.created_at, o.taken_offline, o.forced
            FROM orders o WHERE \(filter.sql) AND \(condition)
            ORDER BY o.id DESC LIMIT \(limit)
            """, filter.arguments.map(\.sqliteValue) + arguments.map(\.sqliteValue))
        return try rows.map { row in try order(db, row) }
    }

    private static func order(_ db: Database, _ row: Row) throws -> OrderInfo {
        let lines = try db.query(
            "SELECT offer_id, quantity, is_option FROM order_lines WHERE order_id = ? ORDER BY id",
            [row.int64(0)])
        let offers = lines.filter { !$0.bool(2) }.map {
            OrderItem(OfferID($0.int64(0)), quantity: $0.int(1))
        }
        let options = lines.filter { $0.bool(2) }.map {
            OrderItem(OfferID($0.int64(0)), quantity: $0.int(1))
        }
        let branch = BranchID(row.int64(4))
        let returnBranch = BranchID(row.int64(5))
        let draft = OrderDraft(
            branchID: branch, returnBranchID: returnBranch == branch ? nil : returnBranch,
            start: Date(storedSeconds: row.int64(6)), end: Date(storedSeconds: row.int64(7)),
            persons: row.int(8), offers: offers, options: options)
        return OrderInfo(
            id: OrderID(row.int64(0)), number: row.text(1), clientID: row.text(2),
            status: OrderStatus(rawValue: row.text(3)) ?? .reserved, draft: draft,
            customerID: CustomerID(row.int64(9)),
            customer: try StoredJSON.decode(CustomerData.self, row.text(10)),
            priced: try StoredJSON.decode(PricedOrder.self, row.text(11)),
            createdAt: Date(storedSeconds: row.int64(12)), takenOffline: row.bool(13),
            forced: row.bool(14))
    }

    /// Moves the order to `status` if its current status allows it; a cancelled order frees
    /// its units at once.
    public func moveOrder(_ id: OrderID, to status: OrderStatus, scope: Scope, now: Date)
        throws(StoreError) -> OrderInfo
    {
        try write { db in
            guard
                let order = try Self.loadOrders(db, where: "o.id = ?", [id.rawValue], scope: scope)
                    .first
            else { throw StoreError.notFound("order") }
            guard order.status.canMove(to: status) else {
                throw StoreError.invalidTransition(from: order.status, to: status)
            }
            try db.run(
                "UPDATE orders SET status = ?, updated_at = ? WHERE id = ?",
                [status.rawValue, now.storedSeconds, id.rawValue])
            try Self.noteChanged(db, .orders, id: id.rawValue, account: scope.accountID.rawValue)
            try db.run(
                "UPDATE order_lines SET takes_units = ? WHERE order_id = ?",
                [status.holdsUnits, id.rawValue])
            if status.holdsUnits != order.status.holdsUnits {
                try Self.noteChange(
                    db, offers: (order.draft.offers + order.draft.options).map(\.offerID))
            }
            try Self.audit(
                db, AuditRecord("order." + status.rawValue, "order", id.rawValue), scope: scope,
                at: now)
            var moved = order
            moved.status = status
            return moved
        }
    }
}

extension BookingStore {
    /// Creates many orders in one transaction, each with the checks of `createOrder`; for
    /// loading generated data. Returns how many were created (refused ones are skipped).
    public func createOrders(_ orders: [NewOrder], scope: Scope, now: Date) throws(StoreError)
        -> Int
    {
        try write { db in
            var created = 0
            for new in orders {
                guard let period = try? Self.period(of: new.request.draft) else { continue }
                let inserted = try? db.savepoint("bulk") {
                    try Self.insertOrder(db, new, period: period, scope: scope, now: now)
                }
                if inserted != nil { created += 1 }
            }
            return created
        }
    }
}
