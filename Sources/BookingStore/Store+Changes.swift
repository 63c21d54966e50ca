import BookingAPI
import BookingCore
import Foundation
import SQLite

extension Schema {
    /// Every account counts its changes: a write that creates or changes a branch, a
    /// category, an offer or an order moves `accounts.change_sequence` on and stamps the
    /// row with the new value, in the same transaction. Since the store has one writer,
    /// sequence order is commit order, so "everything stamped after N" is exact and a
    /// desk's delta sync needs nothing but N. Rows from before this migration carry 0: they
    /// reach a desk through its first, full fetch.
    static let changeFeed = """
        ALTER TABLE accounts ADD COLUMN change_sequence INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE branches ADD COLUMN change_sequence INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE categories ADD COLUMN change_sequence INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE offers ADD COLUMN change_sequence INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE orders ADD COLUMN change_sequence INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX orders_changes ON orders (account_id, change_sequence);
        """
}

/// The tables whose rows the change feed follows.
enum ChangedTable: String {
    case branches, categories, offers, orders
}

/// The catalogue rows a scope may see that changed after a position of the change sequence.
public struct CatalogueDelta: Sendable {
    public var branches: [Branch]
    public var categories: [Category]
    public var offers: [CatalogOffer]
    /// The account's change sequence when the rows were read: the next cursor.
    public var sequence: Int64
    /// Whether the rows are all the scope may see (no position, or one ahead of the store).
    public var isComplete: Bool
}

/// One page of the orders a scope may see that changed after a position, oldest change
/// first.
public struct OrderDelta: Sendable {
    public var orders: [OrderInfo]
    /// Where the next page starts: the last order's stamp when `more`, else the account's
    /// change sequence when the page was read.
    public var sequence: Int64
    public var more: Bool
    /// Whether the pages from this position on are all the scope may see.
    public var isComplete: Bool
}

extension BookingStore {
    /// Stamps row `id` of `table` with the account's next change sequence; call in the
    /// transaction that changes the row.
    static func noteChanged(_ db: Database, _ table: ChangedTable, id: Int64, account: Int64)
        throws
    {
        guard
            let sequence = try db.queryOne(
                """
                UPDATE accounts SET change_sequence = change_sequence + 1 WHERE id = ?
                RETURNING change_sequence
                """, [account])?.int64(0)
        else { throw StoreError.notFound("account") }
        try db.run(
            "UPDATE \(table.rawValue) SET change_sequence = ? WHERE id = ?", [sequence, id])
    }

    /// The branches, categories, offers and options the scope may see that changed after
    /// `since`; everything when `since` is nil or ahead of the account's sequence.
    public func catalogueChanges(since: Int64?, scope: Scope) throws(StoreError) -> CatalogueDelta {
        try read { db in
            let current = try Self.changeSequence(db, account: scope.accountID)
            let complete = since.map { $0 > current } ?? true
            let after = complete ? -1 : since ?? -1
            let branchFilter = scope.filter("b", branchColumn: "id")
            let branches = try db.query(
                """
                SELECT id, name, address, opens, closes, closed_weekdays FROM branches b
                WHERE \(branchFilter.sql) AND b.change_sequence > ? ORDER BY b.id
                """, branchFilter.arguments + [after]
            ).map(Self.branch)
            let categoryFilter = scope.filter("c", branchColumn: nil, categoryColumn: "id")
            let categories = try db.query(
                """
                SELECT id, name, kind FROM categories c
                WHERE \(categoryFilter.sql) AND c.change_sequence > ? ORDER BY c.id
                """, categoryFilter.arguments + [after]
            ).map {
                Category(
                    id: CategoryID($0.int64(0)), name: $0.text(1),
                    kind: CategoryKind(rawValue: $0.text(2)) ?? .rental)
            }
            let (sql, arguments) = Self.offerQuery(scope)
            let offers = try db.query(
                sql + " AND o.change_sequence > ? ORDER BY o.id", arguments + [after]
            ).map(Self.catalogOffer)
            return CatalogueDelta(
                branches: branches, categories: categories, offers: offers, sequence: current,
                isComplete: complete)
        }
    }

    /// Up to `limit` orders the scope may see that changed after `since`, oldest change
    /// first, leaving out those that ended before `endingFrom`. Without `since` (or with one
    /// ahead of the account's sequence) the pages start from the beginning.
    public func orderChanges(since: Int64?, endingFrom: Date?, limit: Int, scope: Scope)
        throws(StoreError) -> OrderDelta
    {
        let limit = min(max(limit, 1), 1000)
        let ending = endingFrom?.storedSeconds ?? Int64.min
        return try read { db in
            let current = try Self.changeSequence(db, account: scope.accountID)
            let complete = since.map { $0 > current } ?? true
            let after = complete ? -1 : since ?? -1
            // The same visibility as every other list of orders (see `Scope`), so that a
            // page is not cut short by orders its stamps found and the orders left out.
            let filter = scope.orderFilter("o")
            let stamps = try db.query(
                """
                SELECT o.id, o.change_sequence FROM orders o
                WHERE \(filter.sql) AND o.change_sequence > ? AND o.ends_at >= ?
                ORDER BY o.change_sequence LIMIT ?
                """, filter.arguments + [after, ending, Int64(limit + 1)]
            ).map { (id: $0.int64(0), sequence: $0.int64(1)) }
            let page = Array(stamps.prefix(limit))
            let orders = try Self.orders(db, ids: page.map(\.id), scope: scope)
            let more = stamps.count > limit
            return OrderDelta(
                orders: orders, sequence: more ? page.last?.sequence ?? current : current,
                more: more, isComplete: complete)
        }
    }

    /// The orders with these ids, in the order of `ids`.
    private static func orders(_ db: Database, ids: [Int64], scope: Scope) throws -> [OrderInfo] {
        guard !ids.isEmpty else { return [] }
        let list = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        let found = try loadOrders(
            db, where: "o.id IN (\(list))", ids, scope: scope, limit: ids.count)
        let byID = Dictionary(found.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
        return ids.compactMap { byID[$0] }
    }

    private static func changeSequence(_ db: Database, account: AccountID) throws -> Int64 {
        try db.queryOne(
            "SELECT change_sequence FROM accounts WHERE id = ?", [account.rawValue])?.int64(0)
            ?? 0
    }
}
