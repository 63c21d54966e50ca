import Testing

@testable import TerminalUI

@Suite struct RendererTests {
    @Test func firstRenderSendsTheScreenAndTheNextOnlyTheChanges() {
        let terminal = MemoryTerminal(size: Size(rows: 24, columns: 80))
        let renderer = Renderer(terminal: terminal)
        renderer.render { canvas in
            canvas.put("Größe", row: 1, column: 2, role: .title)
            canvas.put("Fahrradanhänger", row: 2, column: 2, role: .normal)
        }
        #expect(terminal.text(ofRow: 1).trimmedRight == "  Größe")
        #expect(terminal.role(row: 1, column: 3) == .title)
        #expect(terminal.clearCount == 1)

        terminal.resetCounters()
        renderer.render { canvas in
            canvas.put("Größe", row: 1, column: 2, role: .title)
            canvas.put("Fahrradanhänger", row: 2, column: 2, role: .selected)
        }
        #expect(terminal.clearCount == 0)
        #expect(terminal.putCount == 1)
        #expect(terminal.cellsWritten == 15)
        #expect(terminal.role(row: 2, column: 2) == .selected)
        #expect(renderer.lastRender.cells == 15)
    }

    @Test func anUnchangedFrameSendsNothing() {
        let terminal = MemoryTerminal()
        let renderer = Renderer(terminal: terminal)
        let draw: (Canvas) -> Void = { $0.box($0.area, title: "Kalender") }
        renderer.render(draw)
        terminal.resetCounters()
        renderer.render(draw)
        #expect(terminal.putCount == 0)
        #expect(terminal.flushCount == 1)
    }

    @Test func changingAWideCharacterSendsBothItsCells() {
        let terminal = MemoryTerminal(size: Size(rows: 2, columns: 10))
        let renderer = Renderer(terminal: terminal)
        renderer.render { $0.put("予約", row: 0, column: 0, role: .normal) }
        renderer.render { $0.put("予x", row: 0, column: 0, role: .normal) }
        #expect(terminal.text(ofRow: 0) == "予x" + String(repeating: " ", count: 7))
        renderer.render { $0.put("a予x", row: 0, column: 0, role: .normal) }
        #expect(terminal.text(ofRow: 0) == "a予x" + String(repeating: " ", count: 6))
        #expect(terminal.screen.lines == renderer.shownFrame.lines)
    }

    @Test func combiningMarksSurviveTheDiff() {
        let terminal = MemoryTerminal(size: Size(rows: 1, columns: 10))
        let renderer = Renderer(terminal: terminal)
        renderer.render { $0.put("Ka\u{308}se", row: 0, column: 0, role: .normal) }
        #expect(terminal.screen.grapheme(row: 0, column: 1) == "a\u{308}")
        terminal.resetCounters()
        renderer.render { $0.put("Ka\u{308}se", row: 0, column: 0, role: .normal) }
        #expect(terminal.putCount == 0)
        renderer.render { $0.put("Ko\u{308}se", row: 0, column: 0, role: .normal) }
        #expect(terminal.screen.grapheme(row: 0, column: 1) == "o\u{308}")
    }

    @Test func aResizeRedrawsEverythingAtTheNewSize() {
        let terminal = MemoryTerminal(size: Size(rows: 24, columns: 80))
        let renderer = Renderer(terminal: terminal)
        let draw: (Canvas) -> Void = { canvas in
            canvas.box(canvas.area, title: "Größe")
            canvas.put("unten", row: canvas.rows - 2, column: 1, role: .normal)
        }
        renderer.render(draw)
        terminal.resize(to: Size(rows: 60, columns: 200))
        #expect(terminal.nextEvent(timeout: nil) == .resize(Size(rows: 60, columns: 200)))
        renderer.render(draw)
        #expect(terminal.text(ofRow: 0).cellWidth == 200)
        #expect(terminal.text(ofRow: 0).hasSuffix("┐"))
        #expect(terminal.text(ofRow: 58).hasPrefix("│unten"))
        #expect(terminal.text(ofRow: 59).hasPrefix("└"))
        terminal.resize(to: Size(rows: 24, columns: 80))
        renderer.render(draw)
        #expect(terminal.text(ofRow: 23) == "└" + String(repeating: "─", count: 78) + "┘")
    }

    @Test func invalidateSendsEveryCellAgain() {
        let terminal = MemoryTerminal(size: Size(rows: 3, columns: 10))
        let renderer = Renderer(terminal: terminal)
        let draw: (Canvas) -> Void = { $0.put("Größe", row: 1, column: 0, role: .normal) }
        renderer.render(draw)
        renderer.invalidate()
        terminal.resetCounters()
        renderer.render(draw)
        #expect(terminal.clearCount == 1)
        #expect(terminal.cellsWritten == 5)
    }
}
