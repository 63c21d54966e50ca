import TerminalUI
import Testing

@Suite struct TextFieldTests {
    let keys = keymap()

    @Test func typingUmlautsAndSharpSBuildsTheText() {
        var field = TextField()
        type("Größe", on: &field, keymap: keys)
        #expect(field.text == "Größe")
        #expect(field.cursor == 5)
        #expect(field.characters.count == 5)
    }

    @Test func deletingBeforeAndAfterSharpSRemovesWholeCharacters() {
        var field = TextField(text: "Größe")
        press([.left], on: &field, keymap: keys)
        #expect(field.cursor == 4)
        #expect(press([.backspace], on: &field, keymap: keys) == .changed)
        #expect(field.text == "Göe" || field.text == "Grö" + "e")
        #expect(field.text == "Gröe")
        #expect(field.cursor == 3)
        var second = TextField(text: "Größe")
        second.moveCursor(to: 3)
        #expect(press([.delete], on: &second, keymap: keys) == .changed)
        #expect(second.text == "Gröe")
        second.moveCursor(to: 2)
        press([.delete], on: &second, keymap: keys)
        #expect(second.text == "Gre")
    }

    @Test func insertingBeforeAndAfterSharpS() {
        var field = TextField(text: "Größe")
        field.moveCursor(to: 3)
        type("ß", on: &field, keymap: keys)
        #expect(field.text == "Größße")
        field.moveCursor(to: 4)
        type("ä", on: &field, keymap: keys)
        #expect(field.text == "Größäße")
        #expect(field.cursor == 5)
    }

    @Test func editingFahrradanhaenger() {
        var field = TextField(text: "Fahrradanhanger")
        field.moveCursor(to: 11)
        press([.backspace], on: &field, keymap: keys)
        type("ä", on: &field, keymap: keys)
        #expect(field.text == "Fahrradanhänger")
        press([.home, .delete], on: &field, keymap: keys)
        type("F", on: &field, keymap: keys)
        #expect(field.text == "Fahrradanhänger")
        press([.end], on: &field, keymap: keys)
        #expect(field.cursor == 15)
    }

    @Test func aCombiningMarkJoinsTheCharacterBeforeIt() {
        var field = TextField()
        type("Ka\u{308}se", on: &field, keymap: keys)
        #expect(field.characters.count == 4)
        #expect(field.text == "Ka\u{308}se")
        field.moveCursor(to: 2)
        press([.backspace], on: &field, keymap: keys)
        #expect(field.text == "Kse")
    }

    @Test func emacsKeysEditTheField() {
        let emacs = keymap("emacs")
        var field = TextField(text: "Fahrrad Größe")
        press([.control("a"), .control("f"), .control("f")], on: &field, keymap: emacs)
        #expect(field.cursor == 2)
        press([.control("k")], on: &field, keymap: emacs)
        #expect(field.text == "Fa")
        press([.control("b"), .control("d")], on: &field, keymap: emacs)
        #expect(field.text == "F")
    }

    @Test func maxLengthAndFilterRefuseCharacters() {
        var field = TextField(maxLength: 5)
        type("Großstadt", on: &field, keymap: keys)
        #expect(field.text == "Großs")
        var postcode = TextField()
        postcode.accepts = { $0.isASCII && $0.isNumber }
        type("12a34ö5", on: &postcode, keymap: keys)
        #expect(postcode.text == "12345")
    }

    @Test func controlCharactersAreNotInserted() {
        var field = TextField()
        #expect(field.handle(.character("\u{7}"), keymap: keys) == .ignored)
        #expect(field.handle(.enter, keymap: keys) == .ignored)
        #expect(field.text.isEmpty)
    }

    @Test func theFieldDrawsTextCursorAndMessage() {
        var field = TextField(text: "Größe")
        field.message = "Pflichtfeld"
        let frame = draw(
            &field, size: Size(rows: 24, columns: 80),
            in: Rect(row: 3, column: 10, rows: 2, columns: 20))
        #expect(frame.text(ofRow: 3).trimmedRight == String(repeating: " ", count: 10) + "Größe")
        #expect(frame.role(row: 3, column: 15) == .cursor)
        #expect(frame.role(row: 3, column: 14) == .input)
        #expect(frame.text(ofRow: 4).trimmedRight.hasSuffix("Pflichtfeld"))
        #expect(frame.role(row: 4, column: 10) == .error)
    }

    @Test func aPasswordIsMasked() {
        var field = TextField(text: "Geheimnis", mask: "•")
        let frame = draw(&field, size: Size(rows: 1, columns: 20), focused: false)
        #expect(frame.text(ofRow: 0).trimmedRight == "•••••••••")
        #expect(field.text == "Geheimnis")
    }

    @Test func longTextScrollsToKeepTheCursorVisibleWithoutSplittingWideCharacters() {
        var field = TextField(text: "予約予約予約 Fahrradanhänger")
        let frame = draw(&field, size: Size(rows: 1, columns: 10))
        let line = frame.text(ofRow: 0)
        #expect(line == "danhänger ")
        #expect(frame.role(row: 0, column: 9) == .cursor)
        field.moveCursor(to: 0)
        let start = draw(&field, size: Size(rows: 1, columns: 10))
        #expect(start.text(ofRow: 0) == "予約予約予")
        #expect(start.role(row: 0, column: 0) == .cursor)
    }

    @Test func thePlaceholderShowsWhenEmptyAndUnfocused() {
        var field = TextField(placeholder: "Nachname")
        let frame = draw(&field, size: Size(rows: 1, columns: 20), focused: false)
        #expect(frame.text(ofRow: 0).trimmedRight == "Nachname")
        #expect(frame.role(row: 0, column: 0) == .dim)
    }
}
