import TerminalUI
import Testing

@Suite struct RedrawBenchmarkTests {
    @Test func everyKeyIsHandledDrawnAndTimed() {
        let keys = keymap()
        var list = SelectList(items: (1...200).map { ListItem("Angebot \($0)", "\($0 % 4)") })
        let terminal = MemoryTerminal(size: Size(rows: 60, columns: 200))
        let renderer = Renderer(terminal: terminal)
        let timings = RedrawBenchmark.measure(
            keys: Array(repeating: .down, count: 30), renderer: renderer,
            handle: { _ = list.handle($0, keymap: keys) },
            draw: { list.draw(in: $0, focused: true) })
        #expect(timings.samples.count == 30)
        #expect(list.selection == 30)
        #expect(terminal.text(ofRow: 30).hasPrefix("Angebot 31"))
        #expect(terminal.role(row: 30, column: 0) == .selected)
        #expect(renderer.lastRender.runs == 2)
    }

    @Test func percentilesUseTheNearestRank() {
        let timings = RedrawTimings(samples: (1...100).reversed().map { .milliseconds($0) })
        #expect(timings.median == .milliseconds(50))
        #expect(timings.percentile(99) == .milliseconds(99))
        #expect(timings.percentile(100) == .milliseconds(100))
        #expect(RedrawTimings(samples: []).median == .zero)
    }
}
