import BookingCore
import Foundation
import SQLite

/// Which offers a list shows.
public struct OfferFilter: Sendable {
    /// Only this offer.
    public var offerID: OfferID?
    public var branchID: BranchID?
    public var categoryID: CategoryID?
    /// Part of the name, any case.
    public var text: String?
    /// Options only (true), everything but options (false), or both (nil).
    public var options: Bool?

    public init(
        offerID: OfferID? = nil, branchID: BranchID? = nil, categoryID: CategoryID? = nil,
        text: String? = nil, options: Bool? = nil
    ) {
        self.offerID = offerID
        self.branchID = branchID
        self.categoryID = categoryID
        self.text = text
        self.options = options
    }
}

/// An offer together with the kind of its category, which decides how it is counted.
public struct CatalogOffer: Sendable, Equatable {
    public var offer: Offer
    public var kind: CategoryKind
    /// Changes whenever the offer's booked units change (see migration 0004).
    public var bookingsVersion: Int64
}

extension BookingStore {
    /// Adds a branch to the scope's account.
    public func addBranch(_ branch: Branch, scope: Scope) throws(StoreError) -> Branch {
        let account = scope.accountID.rawValue
        let id = try write { db in
            try db.run(
                """
                INSERT INTO branches (account_id, name, address, opens, closes, closed_weekdays)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                [
                    account, branch.name, branch.address, branch.opens.description,
                    branch.closes.description,
                    branch.closedWeekdays.sorted().map(String.init).joined(separator: ","),
                ])
            let id = db.lastInsertRowID
            try Self.noteChanged(db, .branches, id: id, account: account)
            try Self.audit(
                db, AuditRecord("branch.created", "branch", id), scope: scope, at: Date())
            return BranchID(id)
        }
        var stored = branch
        stored.id = id
        return stored
    }

    /// Adds a category to the scope's account.
    public func addCategory(_ category: Category, scope: Scope) throws(StoreError) -> Category {
        let account = scope.accountID.rawValue
        let id = try write { db in
            try db.run(
                "INSERT INTO categories (account_id, name, kind) VALUES (?, ?, ?)",
                [account, category.name, category.kind.rawValue])
            let id = db.lastInsertRowID
            try Self.noteChanged(db, .categories, id: id, account: account)
            try Self.audit(
                db, AuditRecord("category.created", "category", id), scope: scope, at: Date())
            return CategoryID(id)
        }
        var stored = category
        stored.id = id
        return stored
    }

    /// Adds offers to the scope's account in one transaction; their branch and category must
    /// belong to it.
    public func addOffers(_ offers: [Offer], scope: Scope) throws(StoreError) -> [Offer] {
        let account = scope.accountID.rawValue
        return try write { db in
            try offers.map { offer in
                try Self.checkOwned(db, "branches", offer.branchID.rawValue, account: account)
                try Self.checkOwned(db, "categories", offer.categoryID.rawValue, account: account)
                try db.run(
                    """
                    INSERT INTO offers (account_id, branch_id, category_id, name, stock,
                        price_unit, price_cents, minimum_cents, currency, vat_rate, max_persons,
                        return_elsewhere)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        account, offer.branchID.rawValue, offer.categoryID.rawValue, offer.name,
                        offer.stock, offer.price.unit.rawValue, offer.price.amount.cents,
                        offer.price.minimum?.cents, offer.price.amount.currency.rawValue,
                        offer.vatRate.rawValue, offer.maxPersons, offer.returnElsewhere,
                    ])
                var stored = offer
                stored.id = OfferID(db.lastInsertRowID)
                try Self.noteChanged(db, .offers, id: stored.id.rawValue, account: account)
                try Self.audit(
                    db, AuditRecord("offer.created", "offer", stored.id.rawValue), scope: scope,
                    at: Date())
                return stored
            }
        }
    }

    static func checkOwned(_ db: Database, _ table: String, _ id: Int64, account: Int64) throws {
        let found = try db.queryOne(
            "SELECT 1 FROM \(table) WHERE id = ? AND account_id = ?", [id, account])
        guard found != nil else { throw StoreError.notFound(String(table.dropLast())) }
    }

    /// The branches the scope may see, by name.
    public func branches(scope: Scope) throws(StoreError) -> [Branch] {
        let filter = scope.filter("b", branchColumn: "id")
        return try read { db in
            try db.query(
                """
                SELECT id, name, address, opens, closes, closed_weekdays FROM branches b
                WHERE \(filter.sql) ORDER BY name, id
                """, filter.arguments
            ).map(Self.branch)
        }
    }

    /// The branch `id`, if the scope may see it.
    public func branch(_ id: BranchID, scope: Scope) throws(StoreError) -> Branch? {
        let filter = scope.filter("b", branchColumn: "id")
        return try read { db in
            try db.queryOne(
                """
                SELECT id, name, address, opens, closes, closed_weekdays FROM branches b
                WHERE b.id = ? AND \(filter.sql)
                """, [id.rawValue] + filter.arguments
            ).map(Self.branch)
        }
    }

    static func branch(_ row: Row) -> Branch {
        Branch(
            id: BranchID(row.int64(0)), name: row.text(1), address: row.text(2),
            opens: LocalTime(row.text(3)) ?? LocalTime(hour: 0, minute: 0)!,
            closes: LocalTime(row.text(4)) ?? LocalTime(hour: 23, minute: 59)!,
            closedWeekdays: Set(row.text(5).split(separator: ",").compactMap { Int($0) }))
    }

    /// The categories the scope may see, by name.
    public func categories(scope: Scope) throws(StoreError) -> [Category] {
        let filter = scope.filter("c", branchColumn: nil, categoryColumn: "id")
        return try read { db in
            try db.query(
                "SELECT id, name, kind FROM categories c WHERE \(filter.sql) ORDER BY name, id",
                filter.arguments
            ).map {
                Category(
                    id: CategoryID($0.int64(0)), name: $0.text(1),
                    kind: CategoryKind(rawValue: $0.text(2)) ?? .rental)
            }
        }
    }

    /// The offers the scope may see that match `filter`, by branch and name.
    public func offers(scope: Scope, filter: OfferFilter = OfferFilter()) throws(StoreError)
        -> [CatalogOffer]
    {
        try read { db in try Self.offers(db, scope: scope, filter: filter) }
    }

    static func offers(_ db: Database, scope: Scope, filter: OfferFilter) throws -> [CatalogOffer] {
        var (sql, ids) = offerQuery(scope)
        var arguments: [any SQLiteBindable] = ids
        if let offer = filter.offerID {
            sql += " AND o.id = ?"
            arguments.append(offer.rawValue)
        }
        if let branch = filter.branchID {
            sql += " AND o.branch_id = ?"
            arguments.append(branch.rawValue)
        }
        if let category = filter.categoryID {
            sql += " AND o.category_id = ?"
            arguments.append(category.rawValue)
        }
        if let options = filter.options {
            sql += options ? " AND c.kind = 'option'" : " AND c.kind <> 'option'"
        }
        if let text = filter.text, !text.isEmpty {
            sql += " AND instr(unicode_lower(o.name), unicode_lower(?)) > 0"
            arguments.append(text)
        }
        sql += " ORDER BY o.branch_id, o.name, o.id"
        return try db.query(sql, arguments).map(catalogOffer)
    }

    /// The offers with these ids that the scope may see; missing ones are left out.
    public func offers(_ ids: Set<OfferID>, scope: Scope) throws(StoreError) -> [OfferID:
        CatalogOffer]
    {
        guard !ids.isEmpty else { return [:] }
        var (sql, arguments) = Self.offerQuery(scope)
        sql += " AND o.id IN (" + ids.map { _ in "?" }.joined(separator: ", ") + ")"
        arguments += ids.map(\.rawValue)
        let query = sql
        let values = arguments
        let found = try read { db in try db.query(query, values).map(Self.catalogOffer) }
        return Dictionary(uniqueKeysWithValues: found.map { ($0.offer.id, $0) })
    }

    /// The offer `id`, if the scope may see it.
    public func offer(_ id: OfferID, scope: Scope) throws(StoreError) -> CatalogOffer? {
        try offers([id], scope: scope)[id]
    }

    static func offerQuery(_ scope: Scope) -> (String, [Int64]) {
        let filter = scope.filter("o", categoryColumn: "category_id")
        let sql = """
            SELECT o.id, o.branch_id, o.category_id, o.name, o.stock, o.price_unit, o.price_cents,
                o.minimum_cents, o.currency, o.vat_rate, o.max_persons, o.return_elsewhere, c.kind,
                o.bookings_version
            FROM offers o JOIN categories c ON c.id = o.category_id
            WHERE \(filter.sql)
            """
        return (sql, filter.arguments)
    }

    static func catalogOffer(_ row: Row) -> CatalogOffer {
        let currency = Currency(rawValue: row.text(8))
        let price = PriceRule(
            unit: PriceUnit(rawValue: row.text(5)) ?? .perBooking,
            amount: Money(cents: row.int64(6), currency: currency),
            minimum: row.optionalInt64(7).map { Money(cents: $0, currency: currency) })
        let offer = Offer(
            id: OfferID(row.int64(0)), branchID: BranchID(row.int64(1)),
            categoryID: CategoryID(row.int64(2)), name: row.text(3), stock: row.optionalInt(4),
            price: price, vatRate: VATRate(rawValue: row.int(9)), maxPersons: row.optionalInt(10),
            returnElsewhere: row.bool(11))
        return CatalogOffer(
            offer: offer, kind: CategoryKind(rawValue: row.text(12)) ?? .rental,
            bookingsVersion: row.int64(13))
    }
}

/// What pricing a draft needs, read in one snapshot: whether its branches are visible, its
/// offers (missing or invisible ones left out) and the categories.
public struct PricingInputs: Sendable {
    public var branchesVisible: Bool
    public var offers: [OfferID: CatalogOffer]
    public var categories: [Category]
}

extension BookingStore {
    /// The pricing inputs of a draft in the scope.
    public func pricingInputs(_ draft: OrderDraft, scope: Scope) throws(StoreError)
        -> PricingInputs
    {
        let branches = Set([draft.branchID, draft.returnBranchID ?? draft.branchID])
        let ids = Set((draft.offers + draft.options).map(\.offerID))
        return try read { db in
            let filter = scope.filter("b", branchColumn: "id")
            var visible = true
            for branch in branches {
                let found = try db.queryOne(
                    "SELECT 1 FROM branches b WHERE b.id = ? AND \(filter.sql)",
                    [branch.rawValue] + filter.arguments)
                visible = visible && found != nil
            }
            var offers: [OfferID: CatalogOffer] = [:]
            for id in ids {
                let found = try Self.offers(db, scope: scope, filter: OfferFilter(offerID: id))
                offers[id] = found.first
            }
            let categoryFilter = scope.filter("c", branchColumn: nil, categoryColumn: "id")
            let categories = try db.query(
                "SELECT id, name, kind FROM categories c WHERE \(categoryFilter.sql)",
                categoryFilter.arguments
            ).map {
                Category(
                    id: CategoryID($0.int64(0)), name: $0.text(1),
                    kind: CategoryKind(rawValue: $0.text(2)) ?? .rental)
            }
            return PricingInputs(branchesVisible: visible, offers: offers, categories: categories)
        }
    }
}
