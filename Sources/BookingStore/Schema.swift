import SQLite

/// The store's schema as named migrations, applied in order and recorded in the table
/// `migrations`. A migration is never edited once shipped; a change is a new migration.
///
/// Conventions: every row carries `account_id`; instants are integer seconds since
/// 1970-01-01 UTC; money is integer cents with its currency; the SQL stays plain so that
/// it ports to PostgreSQL.
enum Schema {
    static let migrations: [Migration] = [
        Migration(name: "0001-accounts-users-sessions", sql: accountsUsersSessions),
        Migration(name: "0002-catalog", sql: catalog),
        Migration(name: "0003-orders-holds-idempotency", sql: ordersHoldsIdempotency),
        Migration(name: "0004-bounded-availability-reads", sql: boundedAvailabilityReads),
        Migration(name: "0005-security", sql: security),
        Migration(name: "change-feed", sql: changeFeed),
        Migration(name: "idempotency-keys-without-rowid", sql: idempotencyKeysWithoutRowid),
    ]

    /// Applies the migrations not yet recorded, each in its own transaction; refuses a
    /// file a newer server has migrated further. Returns the names applied now.
    @discardableResult
    static func migrate(_ db: Database, now: Int64) throws -> [String] {
        try db.migrate(migrations, appliedAt: now)
    }

    private static let accountsUsersSessions = """
        CREATE TABLE accounts (
            id INTEGER PRIMARY KEY,
            slug TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            time_zone TEXT NOT NULL,
            currency TEXT NOT NULL,
            prepayment_percent INTEGER NOT NULL,
            prepayment_due_days INTEGER NOT NULL,
            hold_minutes INTEGER NOT NULL,
            next_order_number INTEGER NOT NULL DEFAULT 1
        );
        CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES accounts(id),
            username TEXT NOT NULL,
            name TEXT NOT NULL,
            email TEXT NOT NULL,
            role TEXT NOT NULL,
            is_admin INTEGER NOT NULL DEFAULT 0,
            is_owner INTEGER NOT NULL DEFAULT 0,
            password_hash TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            created_at INTEGER NOT NULL,
            UNIQUE (account_id, username)
        );
        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES accounts(id),
            user_id INTEGER NOT NULL REFERENCES users(id),
            created_at INTEGER NOT NULL,
            last_seen_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            ended_at INTEGER
        );
        CREATE INDEX sessions_user ON sessions (account_id, user_id);
        """

    private static let catalog = """
        CREATE TABLE branches (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES accounts(id),
            name TEXT NOT NULL,
            address TEXT NOT NULL,
            opens TEXT NOT NULL,
            closes TEXT NOT NULL,
            closed_weekdays TEXT NOT NULL,
            UNIQUE (account_id, name)
        );
        CREATE TABLE categories (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES accounts(id),
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            UNIQUE (account_id, name)
        );
        CREATE TABLE offers (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES accounts(id),
            branch_id INTEGER NOT NULL REFERENCES branches(id),
            category_id INTEGER NOT NULL REFERENCES categories(id),
            name TEXT NOT NULL,
            stock INTEGER,
            price_unit TEXT NOT NULL,
            price_cents INTEGER NOT NULL,
            minimum_cents INTEGER,
            currency TEXT NOT NULL,
            vat_rate INTEGER NOT NULL,
            max_persons INTEGER,
            return_elsewhere INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX offers_account ON offers (account_id, branch_id, category_id);
        -- Restrictions of a staff user to some branches or categories (none = all).
        CREATE TABLE user_branches (
            account_id INTEGER NOT NULL REFERENCES accounts(id),
            user_id INTEGER NOT NULL REFERENCES users(id),
            branch_id INTEGER NOT NULL REFERENCES branches(id),
            PRIMARY KEY (user_id, branch_id)
        );
        CREATE TABLE user_categories (
            account_id INTEGER NOT NULL REFERENCES accounts(id),
            user_id INTEGER NOT NULL REFERENCES users(id),
            category_id INTEGER NOT NULL REFERENCES categories(id),
            PRIMARY KEY (user_id, category_id)
        );
        """

    private static let ordersHoldsIdempotency = """
        CREATE TABLE customers (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES accounts(id),
            email TEXT NOT NULL,
            first_name TEXT,
            last_name TEXT NOT NULL,
            data TEXT NOT NULL,
            UNIQUE (account_id, email)
        );
        CREATE TABLE orders (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES accounts(id),
            number TEXT NOT NULL,
            client_id TEXT NOT NULL,
            status TEXT NOT NULL,
            branch_id INTEGER NOT NULL REFERENCES branches(id),
            return_branch_id INTEGER NOT NULL REFERENCES branches(id),
            starts_at INTEGER NOT NULL,
            ends_at INTEGER NOT NULL,
            persons INTEGER NOT NULL,
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            customer TEXT NOT NULL,
            priced TEXT NOT NULL,
            total_cents INTEGER NOT NULL,
            currency TEXT NOT NULL,
            search_text TEXT NOT NULL,
            forced INTEGER NOT NULL,
            taken_offline INTEGER NOT NULL,
            created_by INTEGER REFERENCES users(id),
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            UNIQUE (account_id, number),
            UNIQUE (account_id, client_id)
        );
        CREATE INDEX orders_branch_start ON orders (account_id, branch_id, starts_at);
        CREATE INDEX orders_created ON orders (account_id, id);
        -- One row per offer and order; the period and whether it takes units are copied
        -- from the order, so that availability reads one index range.
        CREATE TABLE order_lines (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES accounts(id),
            order_id INTEGER NOT NULL REFERENCES orders(id),
            offer_id INTEGER NOT NULL REFERENCES offers(id),
            is_option INTEGER NOT NULL,
            quantity INTEGER NOT NULL,
            starts_at INTEGER NOT NULL,
            ends_at INTEGER NOT NULL,
            takes_units INTEGER NOT NULL
        );
        CREATE INDEX order_lines_offer ON order_lines (offer_id, ends_at);
        CREATE INDEX order_lines_order ON order_lines (order_id);
        CREATE TABLE holds (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES accounts(id),
            user_id INTEGER REFERENCES users(id),
            branch_id INTEGER NOT NULL REFERENCES branches(id),
            draft TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL
        );
        CREATE TABLE hold_lines (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES accounts(id),
            hold_id INTEGER NOT NULL REFERENCES holds(id) ON DELETE CASCADE,
            offer_id INTEGER NOT NULL REFERENCES offers(id),
            quantity INTEGER NOT NULL,
            starts_at INTEGER NOT NULL,
            ends_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL
        );
        CREATE INDEX hold_lines_offer ON hold_lines (offer_id, ends_at);
        CREATE INDEX hold_lines_hold ON hold_lines (hold_id);
        -- A POST /orders answered once: the same key and body gets the same order again.
        CREATE TABLE idempotency_keys (
            account_id INTEGER NOT NULL REFERENCES accounts(id),
            key TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            order_id INTEGER NOT NULL REFERENCES orders(id),
            created_at INTEGER NOT NULL,
            PRIMARY KEY (account_id, key)
        );
        """

    /// Availability reads one index range per offer: bookings overlapping `[a, b)` start
    /// after `a` minus the offer's longest booking, so the range is bounded at both ends
    /// and the index covers every column read. `bookings_version` changes with every write
    /// that changes the offer's booked units, so derived views can tell they are current.
    private static let boundedAvailabilityReads = """
        ALTER TABLE offers ADD COLUMN longest_booking INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE offers ADD COLUMN bookings_version INTEGER NOT NULL DEFAULT 0;
        UPDATE offers SET longest_booking = max(
            coalesce((SELECT max(ends_at - starts_at) FROM order_lines l
                WHERE l.offer_id = offers.id), 0),
            coalesce((SELECT max(ends_at - starts_at) FROM hold_lines h
                WHERE h.offer_id = offers.id), 0));
        DROP INDEX order_lines_offer;
        CREATE INDEX order_lines_offer
            ON order_lines (offer_id, starts_at, ends_at, takes_units, account_id, quantity);
        DROP INDEX hold_lines_offer;
        CREATE INDEX hold_lines_offer
            ON hold_lines (offer_id, starts_at, ends_at, expires_at, account_id, hold_id, quantity);
        """

    /// The security model: superusers and their sessions, log-in failures for the rate
    /// limit, audit events, guides and tours, deleted users, customers' log-ins and the
    /// account setting that makes them. A desk user's `role` is kept in step with
    /// `is_admin` (`admin` or `staff`).
    private static let security = """
        ALTER TABLE users ADD COLUMN deleted_at INTEGER;
        UPDATE users SET role = CASE WHEN is_admin = 1 THEN 'admin' ELSE 'staff' END
            WHERE role IN ('admin', 'staff');
        ALTER TABLE accounts ADD COLUMN customer_passwords INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE customers ADD COLUMN user_id INTEGER REFERENCES users(id);
        ALTER TABLE customers ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX orders_customer ON orders (account_id, customer_id);
        CREATE TABLE superusers (
            id INTEGER PRIMARY KEY,
            username TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            email TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            created_at INTEGER NOT NULL
        );
        CREATE TABLE superuser_sessions (
            token_hash TEXT PRIMARY KEY,
            superuser_id INTEGER NOT NULL REFERENCES superusers(id),
            created_at INTEGER NOT NULL,
            last_seen_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            ended_at INTEGER
        );
        -- One row per log-in attempt that has not succeeded (yet): the rate limit counts
        -- them per account and user name and shortened client address.
        CREATE TABLE login_failures (
            key TEXT NOT NULL,
            address TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE INDEX login_failures_key ON login_failures (key, address, at);
        CREATE TABLE audit_events (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES accounts(id),
            action TEXT NOT NULL,
            actor_kind TEXT NOT NULL,
            actor_id INTEGER,
            actor_name TEXT NOT NULL,
            target_type TEXT,
            target_id INTEGER,
            at INTEGER NOT NULL,
            taken_offline INTEGER NOT NULL DEFAULT 0,
            forced INTEGER NOT NULL DEFAULT 0,
            details TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX audit_events_account ON audit_events (account_id, id);
        CREATE INDEX audit_events_target ON audit_events (account_id, target_type, target_id);
        CREATE TABLE guides (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES accounts(id),
            contract_number TEXT NOT NULL,
            name TEXT NOT NULL,
            email TEXT,
            data TEXT NOT NULL,
            user_id INTEGER UNIQUE REFERENCES users(id),
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            UNIQUE (account_id, contract_number)
        );
        CREATE TABLE tours (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES accounts(id),
            offer_id INTEGER NOT NULL REFERENCES offers(id),
            starts_at INTEGER NOT NULL,
            ends_at INTEGER NOT NULL,
            capacity INTEGER NOT NULL,
            guide_id INTEGER REFERENCES guides(id),
            released INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX tours_start ON tours (account_id, starts_at);
        CREATE INDEX tours_guide ON tours (account_id, guide_id, starts_at);
        """

    /// Every order inserts a key: as a rowid table with a separate index on its primary key
    /// that was two b-trees to write where one does. A WITHOUT ROWID table is stored in its
    /// primary key's order; the columns, the key and the lookups stay as they were.
    private static let idempotencyKeysWithoutRowid = """
        CREATE TABLE idempotency_keys_clustered (
            account_id INTEGER NOT NULL REFERENCES accounts(id),
            key TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            order_id INTEGER NOT NULL REFERENCES orders(id),
            created_at INTEGER NOT NULL,
            PRIMARY KEY (account_id, key)
        ) WITHOUT ROWID;
        INSERT INTO idempotency_keys_clustered (account_id, key, fingerprint, order_id, created_at)
            SELECT account_id, key, fingerprint, order_id, created_at FROM idempotency_keys;
        DROP TABLE idempotency_keys;
        ALTER TABLE idempotency_keys_clustered RENAME TO idempotency_keys;
        """
}
