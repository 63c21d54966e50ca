print("booking-bench: not built yet")
