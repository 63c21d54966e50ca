/// What TerminalUI needs from a terminal: its size, styled text at a position, and input.
///
/// `NcursesTerminal` is the real one; `MemoryTerminal` keeps the screen in memory for
/// tests and benchmarks. Screens do not call a terminal's `put` themselves: they draw into
/// a frame, and a `Renderer` sends the cells that changed.
public protocol Terminal: AnyObject {
    /// The size in rows and cells.
    var size: Size { get }

    /// Draws `text` from `column` on in `row`, in the look the theme gives `role`. Text
    /// beyond the right edge is clipped, never wrapped; it holds no control characters.
    func put(_ text: String, row: Int, column: Int, role: Role)

    /// Blanks the whole screen; the next `flush` repaints it completely.
    func clear()

    /// Makes everything put since the last flush visible.
    func flush()

    /// Waits up to `timeout` (nil: no limit) for a key, a resize or a readable descriptor
    /// in `wakeOn`, and reports the first that happened.
    func nextEvent(timeout: Duration?, wakeOn: [Int32]) -> Event
}

extension Terminal {
    /// Waits up to `timeout` for a key or a resize.
    public func nextEvent(timeout: Duration?) -> Event {
        nextEvent(timeout: timeout, wakeOn: [])
    }
}
