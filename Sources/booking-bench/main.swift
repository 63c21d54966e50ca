import Foundation

// booking-bench: the project's benchmarks. Each subcommand starts what it measures (a real
// server on loopback, the desk's screens on the in-memory terminal), prints its figures next
// to the goals of the issues, and exits non-zero when a goal is missed. Build in release:
// `swift build -c release && .build/release/booking-bench <subcommand>`.

struct Benchmark {
    let name: String
    let summary: String
    let run: ([String]) -> Int32
}

let benchmarks = [
    Benchmark(
        name: "server",
        summary: "HTTP floor, month availability, orders/s against bare durable commits",
        run: { arguments in
            ServerBenchmark.run(arguments)
            return 0
        }),
    Benchmark(
        name: "security", summary: "log-in time and rate, restricted staff against an admin",
        run: SecurityBenchmark.run),
    Benchmark(
        name: "desk",
        summary: "key-to-redraw (calendar, Angebot), start-up time, resident memory",
        run: DeskBenchmark.run),
    Benchmark(
        name: "sync",
        summary: "1,000 queued orders sent, 500 offers × 8 weeks refreshed, start from the cache",
        run: SyncBenchmark.run),
    Benchmark(
        name: "users",
        summary: "key-to-redraw on the admin's users list with 2,000 users",
        run: UsersBenchmark.run),
]

@MainActor func usage() -> String {
    let lines = benchmarks.map {
        "  \($0.name.padding(toLength: 9, withPad: " ", startingAt: 0))"
            + $0.summary
    }
    return "usage: booking-bench <benchmark> [options]\n" + lines.joined(separator: "\n") + "\n"
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let benchmark = benchmarks.first(where: { $0.name == name })
else {
    FileHandle.standardError.write(Data(usage().utf8))
    exit(2)
}
exit(benchmark.run(Array(arguments.dropFirst())))
