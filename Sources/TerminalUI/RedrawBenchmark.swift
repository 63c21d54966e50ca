/// Times from a key to the finished redraw, for `booking-bench`.
///
/// Each sample covers handling one key (the screen's state machine), drawing the whole
/// frame into the renderer, diffing it against the previous one and sending the changes
/// to the terminal. With a `MemoryTerminal` this measures TerminalUI and the screen
/// without a real terminal; with an `NcursesTerminal` writing to `/dev/null`
/// (`NcursesTerminal(input:output:terminalType:)` with `"xterm-256color"`) it includes
/// ncurses' own work.
///
/// ```swift
/// let terminal = MemoryTerminal(size: Size(rows: 24, columns: 80))
/// let renderer = Renderer(terminal: terminal)
/// let timings = RedrawBenchmark.measure(
///     keys: Array(repeating: .down, count: 1000), renderer: renderer,
///     handle: { _ = list.handle($0, keymap: keymap) },
///     draw: { list.draw(in: $0, focused: true) })
/// print("median", timings.median, "p99", timings.percentile(99))
/// ```
public enum RedrawBenchmark {
    /// Renders once to warm up, then handles and redraws each key, timing every one.
    public static func measure(
        keys: [Key], renderer: Renderer, handle: (Key) -> Void, draw: (Canvas) -> Void
    ) -> RedrawTimings {
        renderer.render(draw)
        let clock = ContinuousClock()
        var samples: [Duration] = []
        samples.reserveCapacity(keys.count)
        for key in keys {
            let start = clock.now
            handle(key)
            renderer.render(draw)
            samples.append(start.duration(to: clock.now))
        }
        return RedrawTimings(samples: samples)
    }
}

/// The durations of a benchmark run.
public struct RedrawTimings: Sendable {
    /// One duration per key, in order.
    public let samples: [Duration]
    private let sorted: [Duration]

    public init(samples: [Duration]) {
        self.samples = samples
        self.sorted = samples.sorted()
    }

    /// The duration below which `percent` of the samples lie (nearest rank); zero when
    /// there are no samples.
    public func percentile(_ percent: Double) -> Duration {
        guard !sorted.isEmpty else { return .zero }
        let rank = Int((percent / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    /// The median duration.
    public var median: Duration { percentile(50) }
}
