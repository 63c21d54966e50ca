// SQLite: the one Swift module over sqlite3 (connections, statements, typed errors).
