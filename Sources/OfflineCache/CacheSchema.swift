/// The cache file's tables. Everything here can be fetched again from the server, so the
/// file may be wiped or rebuilt at any time. Wire types are kept as JSON text (`data`) next
/// to the indexed columns queries need; instants are milliseconds since 1970 UTC, local
/// dates `YYYY-MM-DD` text.
enum CacheSchema {
    /// "BDCa": a BookingDesk cache.
    static let schema = Schema(
        applicationID: 0x4244_4361,
        migrations: [
            Schema.Migration(name: "0001-session-catalogue", sql: sessionCatalogue),
            Schema.Migration(name: "0002-availability", sql: availability),
            Schema.Migration(name: "0003-orders-tours-cursors", sql: ordersToursCursors),
        ])

    private static let sessionCatalogue = """
        -- Who is logged in and the account's settings: one row, a SessionInfo.
        CREATE TABLE session (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            account_id INTEGER NOT NULL,
            user_id INTEGER NOT NULL,
            data TEXT NOT NULL,
            stored_at INTEGER NOT NULL
        );
        CREATE TABLE branches (
            id INTEGER PRIMARY KEY,
            data TEXT NOT NULL
        );
        CREATE TABLE categories (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            data TEXT NOT NULL
        );
        -- Offers and options alike: an option is an offer of a category of kind 'option'.
        CREATE TABLE offers (
            id INTEGER PRIMARY KEY,
            branch_id INTEGER NOT NULL,
            category_id INTEGER NOT NULL,
            name TEXT NOT NULL,
            data TEXT NOT NULL
        );
        CREATE INDEX offers_branch ON offers (branch_id, category_id);
        """

    private static let availability = """
        -- Free units per offer and local day as the server counted them at fetched_at;
        -- free is NULL for an unlimited option.
        CREATE TABLE availability_days (
            offer_id INTEGER NOT NULL,
            day TEXT NOT NULL,
            free INTEGER,
            closed INTEGER NOT NULL,
            fetched_at INTEGER NOT NULL,
            PRIMARY KEY (offer_id, day)
        ) WITHOUT ROWID;
        -- Free units per offer over [start_at, end_at), as the wizard fetched them.
        CREATE TABLE availability_intervals (
            offer_id INTEGER NOT NULL,
            start_at INTEGER NOT NULL,
            end_at INTEGER NOT NULL,
            free INTEGER,
            fetched_at INTEGER NOT NULL,
            PRIMARY KEY (offer_id, start_at, end_at)
        ) WITHOUT ROWID;
        """

    private static let ordersToursCursors = """
        -- Orders of the user's branches as the server last sent them (an OrderInfo each);
        -- cancelled ones stay, with their status.
        CREATE TABLE orders (
            id INTEGER PRIMARY KEY,
            client_id TEXT NOT NULL UNIQUE,
            number TEXT NOT NULL,
            branch_id INTEGER NOT NULL,
            status TEXT NOT NULL,
            start_at INTEGER NOT NULL,
            end_at INTEGER NOT NULL,
            data TEXT NOT NULL,
            stored_at INTEGER NOT NULL
        );
        CREATE INDEX orders_branch_time ON orders (branch_id, start_at);
        CREATE INDEX orders_number ON orders (number);
        -- Tours assigned to a guide, as the server sends them.
        CREATE TABLE tours (
            id INTEGER PRIMARY KEY,
            starts_at INTEGER NOT NULL,
            data TEXT NOT NULL
        );
        -- Per resource: the server's opaque cursor for the next delta, and when it was synced.
        CREATE TABLE sync_state (
            resource TEXT PRIMARY KEY,
            cursor TEXT,
            synced_at INTEGER NOT NULL
        );
        """
}
