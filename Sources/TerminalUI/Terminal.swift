// TerminalUI: generic terminal widgets for the desk, drawn through ncursesw.
//
// The pieces, from the bottom up:
// - TextWidth measures text in terminal cells (wcwidth), Frame is a grid of cells with
//   semantic roles, Canvas draws clipped text and box lines into a part of a frame.
// - Terminal is what a screen needs from a terminal; NcursesTerminal is the real one,
//   MemoryTerminal the one for tests and benchmarks. Renderer sends only changed cells.
// - Key and Event are what nextEvent reports; Keymap turns keys into command names
//   (`calendar.nextDay`), Theme turns roles into colours; ConfigFiles loads both from
//   the user's folder, the shipped themes/ and keymaps/, or the built-in copies.
// - Widgets (TextField, SelectList, Checklist, QuantityStepper, MonthCalendar, Dialog,
//   StatusLine, Tabs, StepBar) are values that draw into a canvas and handle keys.
//
// A desk's loop: render the screen, wait for an event, hand a key to the focused widget,
// then to the screen's commands, then to the global ones:
//
//     let renderer = Renderer(terminal: terminal)
//     while running {
//         renderer.render { canvas in screen.draw(in: canvas) }
//         switch terminal.nextEvent(timeout: .seconds(1), wakeOn: [syncPipe]) {
//         case .key(let key): screen.handle(key, keymap: keymap)
//         case .resize: break  // the next render redraws at the new size
//         case .wake: screen.takeSyncResults()
//         case .timeout: screen.tick()
//         }
//     }

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
