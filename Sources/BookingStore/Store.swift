// BookingStore: the server's data on SQLite; the only server code that runs SQL.
