DeskBenchmark.runIfAsked()  // `booking-bench desk [keys]`
print("booking-bench: not built yet")
