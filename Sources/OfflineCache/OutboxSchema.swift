/// The outbox file's tables: what the server has not confirmed yet, the conflicts staff
/// must see, and the offline-unlock hash. Nothing here can be fetched again, so the file is
/// never deleted on a problem and opened with full durability. Instants are milliseconds
/// since 1970 UTC.
enum OutboxSchema {
    /// "BDOb": a BookingDesk outbox.
    static let schema = Schema(
        applicationID: 0x4244_4f62,
        migrations: [
            Schema.Migration(name: "0001-desk-entries-conflicts", sql: deskEntriesConflicts),
            Schema.Migration(name: "0002-offline-unlock", sql: offlineUnlock),
            Schema.Migration(name: "0003-shortage-checks", sql: shortageChecks),
        ])

    private static let deskEntriesConflicts = """
        -- This desk's code in provisional numbers, and the last number handed out; kept
        -- across log-outs so that a provisional number is never given twice.
        CREATE TABLE desk (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            code TEXT NOT NULL,
            last_number INTEGER NOT NULL
        );
        -- One row per order taken at this desk, in the order of entry. The request is the
        -- CreateOrderRequest as JSON, sent as it is with its client id as Idempotency-Key.
        CREATE TABLE entries (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            client_id TEXT NOT NULL UNIQUE,
            provisional_number TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL CHECK (kind IN ('walk_in', 'reservation')),
            state TEXT NOT NULL CHECK (state IN ('pending', 'conflict', 'sent', 'cancelled')),
            request TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            last_error TEXT,
            order_id INTEGER,
            order_number TEXT,
            finished_at INTEGER
        );
        CREATE INDEX entries_state ON entries (state, sequence);
        -- What staff must resolve: an order the server refused (kind 'refused'), or an order
        -- on the server left short by a forced walk-in (kind 'shortage').
        CREATE TABLE conflicts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL CHECK (kind IN ('refused', 'shortage')),
            entry_sequence INTEGER REFERENCES entries (sequence),
            client_id TEXT,
            order_id INTEGER,
            order_number TEXT,
            offer_id INTEGER,
            missing_units INTEGER,
            caused_by TEXT,
            code TEXT NOT NULL,
            message TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            resolved_at INTEGER,
            resolution TEXT,
            replacement_client_id TEXT
        );
        CREATE INDEX conflicts_entry ON conflicts (entry_sequence);
        CREATE UNIQUE INDEX conflicts_open_shortage ON conflicts (order_id, offer_id)
            WHERE kind = 'shortage' AND resolved_at IS NULL;
        """

    private static let shortageChecks = """
        -- 1 while a sent order was forced through and the later orders it may leave short
        -- have not been checked yet (that needs the orders refreshed first).
        ALTER TABLE entries ADD COLUMN shortage_check INTEGER NOT NULL DEFAULT 0;
        """

    private static let offlineUnlock = """
        -- The last user's Argon2id password hash, so the desk can be reopened offline;
        -- failures counts wrong tries since the last success and survives restarts.
        CREATE TABLE unlock (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            account TEXT NOT NULL,
            username TEXT NOT NULL,
            hash TEXT NOT NULL,
            failures INTEGER NOT NULL DEFAULT 0,
            stored_at INTEGER NOT NULL
        );
        """
}
