import Testing

@testable import TerminalUI

@Suite struct FrameTests {
    @Test func textIsClippedAtTheRightEdgeWithoutSplittingAWideCharacter() {
        let frame = Frame(size: Size(rows: 2, columns: 10))
        let end = frame.canvas.put("abcdefgh予約", row: 0, column: 0, role: .normal)
        #expect(end == 10)
        #expect(frame.text(ofRow: 0) == "abcdefgh予")
        let frame2 = Frame(size: Size(rows: 1, columns: 10))
        frame2.canvas.put("abcdefghi予", row: 0, column: 0, role: .title)
        #expect(frame2.text(ofRow: 0) == "abcdefghi ")
        #expect(frame2.role(row: 0, column: 9) == .title)
    }

    @Test func textNeverWrapsOntoTheNextRow() {
        let frame = Frame(size: Size(rows: 2, columns: 5))
        frame.canvas.put("Fahrradanhänger", row: 0, column: 2, role: .normal)
        #expect(frame.text(ofRow: 0) == "  Fah")
        #expect(frame.text(ofRow: 1) == "     ")
    }

    @Test func textStartingLeftOfACanvasIsClippedThere() {
        let frame = Frame(size: Size(rows: 1, columns: 10))
        let canvas = frame.canvas.sub(Rect(row: 0, column: 2, rows: 1, columns: 6))
        canvas.put("予約abc", row: 0, column: -1, role: .normal)
        #expect(frame.text(ofRow: 0) == "   約abc  ")
    }

    @Test func wideCharactersAndCombiningMarksOccupyTheRightCells() {
        let frame = Frame(size: Size(rows: 1, columns: 12))
        frame.canvas.put("予約|Ka\u{308}se", row: 0, column: 0, role: .normal)
        #expect(frame.grapheme(row: 0, column: 0) == "予")
        #expect(frame.grapheme(row: 0, column: 1) == "")
        #expect(frame.grapheme(row: 0, column: 4) == "|")
        #expect(frame.grapheme(row: 0, column: 6) == "a\u{308}")
        #expect(frame.grapheme(row: 0, column: 7) == "s")
        #expect(frame.column(of: "|", inRow: 0) == 4)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        let frame = Frame(size: Size(rows: 1, columns: 6))
        frame.canvas.put("予約", row: 0, column: 0, role: .normal)
        frame.canvas.put("x", row: 0, column: 1, role: .normal)
        #expect(frame.text(ofRow: 0) == " x約  ")
        frame.canvas.put("y", row: 0, column: 2, role: .normal)
        #expect(frame.text(ofRow: 0) == " xy   ")
    }

    @Test func boxLinesAndTitleAt80x24() {
        let frame = Frame(size: Size(rows: 24, columns: 80))
        frame.canvas.box(Rect(size: frame.size), title: "Buchungsdesk")
        #expect(frame.text(ofRow: 0).hasPrefix("┌─ Buchungsdesk ─"))
        #expect(frame.text(ofRow: 0).hasSuffix("─┐"))
        #expect(frame.text(ofRow: 0).cellWidth == 80)
        #expect(frame.text(ofRow: 12).hasPrefix("│") && frame.text(ofRow: 12).hasSuffix("│"))
        #expect(frame.text(ofRow: 23) == "└" + String(repeating: "─", count: 78) + "┘")
        #expect(frame.role(row: 0, column: 3) == .title)
        #expect(frame.role(row: 0, column: 0) == .border)
    }

    @Test func rightAlignedTextEndsAtTheBorderAt200x60() {
        let frame = Frame(size: Size(rows: 60, columns: 200))
        let inner = frame.canvas.sub(Rect(size: frame.size).inset(by: 1))
        frame.canvas.box(frame.canvas.area)
        inner.put(
            "Größe: XL", row: 2, column: 0, width: inner.columns, alignment: .right, role: .normal)
        let line = frame.text(ofRow: 3)
        #expect(line.hasSuffix("Größe: XL│"))
        #expect(line.cellWidth == 200)
    }

    @Test func restyleKeepsTheText() {
        let frame = Frame(size: Size(rows: 1, columns: 8))
        frame.canvas.put("Größe", row: 0, column: 0, role: .normal)
        frame.canvas.restyle(Rect(row: 0, column: 0, rows: 1, columns: 8), role: .selected)
        #expect(frame.text(ofRow: 0) == "Größe   ")
        #expect(frame.role(row: 0, column: 7) == .selected)
    }
}
