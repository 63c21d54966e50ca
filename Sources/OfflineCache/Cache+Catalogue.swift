import BookingAPI
import BookingCore
import Foundation
import SQLite

extension Cache {
    /// Stores a catalogue delta (or, with `replacesAll`, a whole catalogue) and its cursor in
    /// one transaction, so that a crash never leaves the cursor ahead of the data. Removing
    /// an offer removes its cached availability too.
    public func applyCatalogueChanges(_ changes: CatalogueChanges, now: Date)
        throws(OfflineCacheError)
    {
        let rows = try CatalogueRows(changes)
        try write { db in
            if changes.replacesAll {
                try db.execute(
                    """
                    DELETE FROM branches; DELETE FROM categories; DELETE FROM offers;
                    DELETE FROM availability_days; DELETE FROM availability_intervals;
                    """)
            }
            try rows.store(in: db)
            try Self.remove(changes, from: db)
            try Self.recordSync(
                db, .catalogue, cursor: changes.cursor, replace: changes.replacesAll, at: now)
        }
    }

    /// The cached branches, by name.
    public func branches() throws(OfflineCacheError) -> [Branch] {
        try decodeAll(Branch.self, "SELECT data FROM branches")
            .sorted { $0.name < $1.name }
    }

    /// The cached categories, by name.
    public func categories() throws(OfflineCacheError) -> [Category] {
        try decodeAll(Category.self, "SELECT data FROM categories")
            .sorted { $0.name < $1.name }
    }

    /// The cached offers and options, by name; only those of `branch` and `category` when
    /// given.
    public func offers(branch: BranchID? = nil, category: CategoryID? = nil)
        throws(OfflineCacheError) -> [Offer]
    {
        try decodeAll(
            Offer.self,
            """
            SELECT data FROM offers
            WHERE (?1 IS NULL OR branch_id = ?1) AND (?2 IS NULL OR category_id = ?2)
            ORDER BY name, id
            """, [branch?.rawValue, category?.rawValue])
    }

    /// The cached offer or option with this id.
    public func offer(_ id: OfferID) throws(OfflineCacheError) -> Offer? {
        try decodeAll(Offer.self, "SELECT data FROM offers WHERE id = ?", [id.rawValue]).first
    }

    /// The cached catalogue as BookingCore's `Catalog`, for pricing a draft offline with the
    /// same `Quote` the server uses.
    public func catalog() throws(OfflineCacheError) -> Catalog {
        Catalog(offers: try offers(), categories: try categories())
    }

    /// Decodes the JSON in the first column of every row.
    func decodeAll<T: Decodable & Sendable>(
        _ type: T.Type, _ sql: String, _ arguments: [any SQLiteBindable] = []
    ) throws(OfflineCacheError) -> [T] {
        let texts = try read { db in try db.query(sql, arguments).map { $0.text(0) } }
        var values: [T] = []
        values.reserveCapacity(texts.count)
        for text in texts {
            values.append(try StoredJSON.decode(type, text))
        }
        return values
    }

    private static func remove(_ changes: CatalogueChanges, from db: Database) throws {
        for id in changes.removedOffers {
            try db.run("DELETE FROM offers WHERE id = ?", [id.rawValue])
            try db.run("DELETE FROM availability_days WHERE offer_id = ?", [id.rawValue])
            try db.run("DELETE FROM availability_intervals WHERE offer_id = ?", [id.rawValue])
        }
        for id in changes.removedCategories {
            try db.run("DELETE FROM categories WHERE id = ?", [id.rawValue])
        }
        for id in changes.removedBranches {
            try db.run("DELETE FROM branches WHERE id = ?", [id.rawValue])
        }
    }
}

/// A catalogue change set encoded before the transaction starts, so that the write lock is
/// held only for the inserts.
private struct CatalogueRows: Sendable {
    var branches: [(Int64, String)] = []
    var categories: [(Int64, String, String)] = []
    var offers: [(Offer, String)] = []

    init(_ changes: CatalogueChanges) throws(OfflineCacheError) {
        for branch in changes.branches {
            branches.append((branch.id.rawValue, try StoredJSON.encode(branch)))
        }
        for category in changes.categories {
            categories.append(
                (category.id.rawValue, category.kind.rawValue, try StoredJSON.encode(category)))
        }
        for offer in changes.offers {
            offers.append((offer, try StoredJSON.encode(offer)))
        }
    }

    func store(in db: Database) throws {
        for (id, json) in branches {
            try db.run("INSERT OR REPLACE INTO branches (id, data) VALUES (?, ?)", [id, json])
        }
        for (id, kind, json) in categories {
            try db.run(
                "INSERT OR REPLACE INTO categories (id, kind, data) VALUES (?, ?, ?)",
                [id, kind, json])
        }
        for (offer, json) in offers {
            try db.run(
                """
                INSERT OR REPLACE INTO offers (id, branch_id, category_id, name, data)
                VALUES (?, ?, ?, ?, ?)
                """,
                [
                    offer.id.rawValue, offer.branchID.rawValue, offer.categoryID.rawValue,
                    offer.name, json,
                ])
        }
    }
}
