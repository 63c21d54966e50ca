import Testing

@testable import TerminalUI

@Suite struct TextWidthTests {
    @Test func germanUmlautsTakeOneCellEach() {
        #expect("Größe".cellWidth == 5)
        #expect("Fahrradanhänger".cellWidth == 15)
        #expect("Fahrradanhänger".utf8.count == 16)
        #expect("ÄÖÜäöüß".cellWidth == 7)
    }

    @Test func decomposedUmlautTakesOneCell() {
        let decomposed = "a\u{308}"
        #expect(decomposed.unicodeScalars.count == 2)
        #expect(decomposed.cellWidth == 1)
        #expect(TextWidth.cells("\u{308}" as Unicode.Scalar) == 0)
    }

    @Test func wideCharactersTakeTwoCells() {
        #expect("予約".cellWidth == 4)
        #expect("予約|Ende".cellWidth == 9)
    }

    @Test func boxLinesTakeOneCell() {
        #expect("┌─┐│└┘═".cellWidth == 7)
        #expect("…›".cellWidth == 2)
    }

    @Test func controlCharactersCountAsOneReplacementCell() {
        #expect(TextWidth.cells("\u{7}" as Unicode.Scalar) == -1)
        #expect("a\tb".cellWidth == 3)
    }

    @Test func clippingNeverSplitsAWideCharacter() {
        #expect("予約".clipped(toCells: 3) == "予")
        #expect("予約".clipped(toCells: 1) == "")
        #expect("ab予".clipped(toCells: 3) == "ab")
    }

    @Test func clippingKeepsCombiningMarksWithTheirBase() {
        let text = "Ka\u{308}se"
        #expect(text.clipped(toCells: 2) == "Ka\u{308}")
        #expect(text.clipped(toCells: 2).unicodeScalars.count == 3)
    }

    @Test func fittingPadsAndClipsWithEllipsis() {
        #expect("Größe".fitted(toCells: 8) == "Größe   ")
        #expect("Größe".fitted(toCells: 8, alignment: .right) == "   Größe")
        #expect("Größe".fitted(toCells: 7, alignment: .center) == " Größe ")
        #expect("Fahrradanhänger".fitted(toCells: 8, ellipsis: "…") == "Fahrrad…")
        #expect("予約予約".fitted(toCells: 5, ellipsis: "…") == "予約…")
        #expect("予約予約".fitted(toCells: 3) == "予 ")
    }
}
