/// A terminal that keeps its screen in memory: for tests of widgets and screens, for
/// golden text, and for benchmarks that time drawing and diffing without a real terminal.
///
/// Keys and resizes are queued with `press`, `type` and `resize`; `nextEvent` hands them
/// out in order and reports `.timeout` when the queue is empty.
public final class MemoryTerminal: Terminal {
    /// The screen as the terminal shows it.
    public let screen: Frame
    /// Counts of what reached this terminal, to check that only changes are sent.
    public private(set) var putCount = 0
    public private(set) var cellsWritten = 0
    public private(set) var clearCount = 0
    public private(set) var flushCount = 0

    private var events: [Event] = []
    private var nextEventIndex = 0

    /// A blank screen of the given size.
    public init(size: Size = Size(rows: 24, columns: 80)) {
        self.screen = Frame(size: size)
    }

    public var size: Size { screen.size }

    public func put(_ text: String, row: Int, column: Int, role: Role) {
        putCount += 1
        let end = screen.canvas.put(text, row: row, column: column, role: role)
        cellsWritten += max(0, end - column)
    }

    public func clear() {
        clearCount += 1
        screen.clear()
    }

    public func flush() {
        flushCount += 1
    }

    public func nextEvent(timeout: Duration?, wakeOn: [Int32]) -> Event {
        guard nextEventIndex < events.count else {
            events.removeAll(keepingCapacity: true)
            nextEventIndex = 0
            return .timeout
        }
        nextEventIndex += 1
        return events[nextEventIndex - 1]
    }

    /// Queues key presses.
    public func press(_ keys: Key...) {
        events += keys.map { .key($0) }
    }

    /// Queues the characters of `text` as typed keys, one per Unicode scalar, the way a
    /// terminal delivers them.
    public func type(_ text: String) {
        events += text.unicodeScalars.map { .key(.character($0)) }
    }

    /// Queues any event, e.g. `.wake(fd)`.
    public func enqueue(_ event: Event) {
        events.append(event)
    }

    /// Changes the size, as a terminal window does when resized: the screen is blank and a
    /// `.resize` event is queued.
    public func resize(to size: Size) {
        screen.resize(to: size)
        events.append(.resize(size))
    }

    /// Sets the counters back to zero, e.g. before measuring one render.
    public func resetCounters() {
        putCount = 0
        cellsWritten = 0
        clearCount = 0
        flushCount = 0
    }

    /// The text of one row of the screen.
    public func text(ofRow row: Int) -> String { screen.text(ofRow: row) }

    /// The role of one cell of the screen.
    public func role(row: Int, column: Int) -> Role { screen.role(row: row, column: column) }

    /// The whole screen as text: rows joined by newlines, trailing spaces removed, for
    /// comparison with golden text.
    public var text: String {
        screen.lines.map { line in
            var trimmed = Substring(line)
            while trimmed.last == " " { trimmed = trimmed.dropLast() }
            return String(trimmed)
        }.joined(separator: "\n")
    }
}
