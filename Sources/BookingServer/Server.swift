// BookingServer: routes, authentication and roles of the booking API.
