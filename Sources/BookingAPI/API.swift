// BookingAPI: the wire types, error envelope and paths that desk and server share.
