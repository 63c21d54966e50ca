// OfflineCache: the desk's SQLite cache and outbox; the only desk code using SQLite.
