if CommandLine.arguments.dropFirst().first == "server" {
    ServerBenchmark.run(Array(CommandLine.arguments.dropFirst(2)))
} else {
    print("booking-bench: not built yet")
}
