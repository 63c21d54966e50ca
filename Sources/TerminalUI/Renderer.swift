/// Draws frames on a terminal and sends only what changed.
///
/// The renderer keeps two frames: the one screens draw into and the one the terminal
/// shows. `render` clears the first, lets the caller draw, compares the two cell by cell
/// and sends each run of changed cells with one `put` per role. After a resize, or after
/// `invalidate()`, the whole screen is cleared and sent again. Both frames keep their
/// storage between renders, so drawing a frame allocates next to nothing.
///
/// ```swift
/// let renderer = Renderer(terminal: terminal)
/// renderer.render { canvas in
///     screen.draw(in: canvas)
/// }
/// ```
public final class Renderer {
    /// The terminal drawn on.
    public let terminal: any Terminal
    /// What was sent by the last render.
    public private(set) var lastRender = RenderStatistics()

    private let back: Frame
    private let front: Frame
    private var needsFullRedraw = true
    private var run = ""

    /// A renderer for `terminal`; the first render repaints the whole screen.
    public init(terminal: any Terminal) {
        self.terminal = terminal
        self.back = Frame(size: terminal.size)
        self.front = Frame(size: terminal.size)
    }

    /// The frame as last sent to the terminal.
    public var shownFrame: Frame { front }

    /// Makes the next render clear the terminal and send every cell, e.g. after another
    /// program wrote over the screen.
    public func invalidate() {
        needsFullRedraw = true
    }

    /// Draws one frame: `draw` gets a blank canvas of the terminal's current size; the
    /// changed cells go to the terminal, which is then flushed.
    public func render(_ draw: (Canvas) -> Void) {
        let size = terminal.size
        if size != back.size {
            back.resize(to: size)
            front.resize(to: size)
            needsFullRedraw = true
        }
        back.clear()
        draw(back.canvas)
        send()
        terminal.flush()
    }

    private func send() {
        if needsFullRedraw {
            terminal.clear()
            front.clear()
            needsFullRedraw = false
        }
        if front.clusters.count > 4096 { compactClusters() }
        lastRender = RenderStatistics()
        let columns = back.size.columns
        for row in 0..<back.size.rows {
            sendChanges(inRow: row, columns: columns)
        }
    }

    private func sendChanges(inRow row: Int, columns: Int) {
        let base = row * columns
        var column = 0
        while column < columns {
            guard !back.sameCell(base + column, as: front, base + column) else {
                column += 1
                continue
            }
            var start = column
            while start > 0 && back.cells[base + start].isContinuation { start -= 1 }
            var end = column + 1
            while end < columns && !back.sameCell(base + end, as: front, base + end) { end += 1 }
            while end < columns && back.cells[base + end].isContinuation { end += 1 }
            sendRun(row: row, from: start, to: end)
            column = end
        }
    }

    /// Sends cells `from..<to` of one row, one `put` per stretch of equal role.
    private func sendRun(row: Int, from start: Int, to end: Int) {
        let base = row * back.size.columns
        lastRender.runs += 1
        var column = start
        while column < end {
            let role = back.cells[base + column].role
            let first = column
            run.removeAll(keepingCapacity: true)
            while column < end && back.cells[base + column].role == role {
                back.appendContent(of: back.cells[base + column], to: &run)
                front.copyCell(base + column, from: back, base + column)
                column += 1
            }
            terminal.put(run, row: row, column: first, role: role)
            lastRender.puts += 1
            lastRender.cells += column - first
        }
    }

    /// The front frame's cluster table only grows; when it is large, the next render
    /// starts from a cleared screen, which also empties the table.
    private func compactClusters() {
        terminal.clear()
        front.clear()
    }
}

/// How much one render sent to the terminal.
public struct RenderStatistics: Hashable, Sendable {
    /// Cells sent.
    public var cells = 0
    /// Runs of neighbouring changed cells.
    public var runs = 0
    /// Calls of `Terminal.put`.
    public var puts = 0

    public init() {}
}
