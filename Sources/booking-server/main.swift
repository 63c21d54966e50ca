print("booking-server: not built yet")
