import TerminalUI
import Testing

@Suite struct SelectListTests {
    let keys = keymap()

    static func offers(_ count: Int) -> [ListItem] {
        (1...count).map { ListItem("Angebot \($0)", "\($0 % 7)") }
    }

    @Test func theListScrollsToKeepTheSelectionVisible() {
        var list = SelectList(items: Self.offers(50))
        var frame = draw(&list, size: Size(rows: 10, columns: 40))
        #expect(frame.text(ofRow: 0).hasPrefix("Angebot 1 "))
        #expect(frame.role(row: 0, column: 0) == .selected)
        press(Array(repeating: .down, count: 12), on: &list, keymap: keys)
        #expect(list.selection == 12)
        frame = draw(&list, size: Size(rows: 10, columns: 40))
        #expect(list.top == 3)
        #expect(frame.text(ofRow: 9).hasPrefix("Angebot 13"))
        #expect(frame.role(row: 9, column: 0) == .selected)
        press([.up, .up, .up, .up, .up, .up, .up, .up, .up, .up], on: &list, keymap: keys)
        frame = draw(&list, size: Size(rows: 10, columns: 40))
        #expect(frame.text(ofRow: 0).hasPrefix("Angebot 3 "))
    }

    @Test func pagesHomeAndEnd() {
        var list = SelectList(items: Self.offers(50))
        _ = draw(&list, size: Size(rows: 10, columns: 40))
        #expect(press([.pageDown], on: &list, keymap: keys) == .changed)
        #expect(list.selection == 9)
        press([.end], on: &list, keymap: keys)
        #expect(list.selection == 49)
        #expect(press([.down], on: &list, keymap: keys) == .handled)
        let frame = draw(&list, size: Size(rows: 10, columns: 40))
        #expect(frame.text(ofRow: 9).hasPrefix("Angebot 50"))
        press([.pageUp, .home], on: &list, keymap: keys)
        #expect(list.selection == 0)
    }

    @Test func typingSearchesIgnoringCase() {
        var list = SelectList(items: [
            ListItem("Fahrrad M"), ListItem("Fahrradanhänger"), ListItem("Touren-eBike"),
            ListItem("Ölkanne"),
        ])
        type("fahrrada", on: &list, keymap: keys)
        #expect(list.selection == 1)
        #expect(list.query == "fahrrada")
        press([.down, .down], on: &list, keymap: keys)
        #expect(list.query.isEmpty)
        type("öl", on: &list, keymap: keys)
        #expect(list.selection == 3)
        press([.home], on: &list, keymap: keys)
        type("ebike", on: &list, keymap: keys)
        #expect(list.selection == 2)
    }

    @Test func viKeysMoveAndSlashSearchesForBoundLetters() {
        let vi = keymap("vi")
        var list = SelectList(items: [ListItem("Anna"), ListItem("Jan"), ListItem("Kai")])
        press([.character("j")], on: &list, keymap: vi)
        #expect(list.selection == 1)
        press([.character("/")], on: &list, keymap: vi)
        #expect(list.isSearching)
        type("k", on: &list, keymap: vi)
        #expect(list.selection == 2)
        press([.enter], on: &list, keymap: vi)
        #expect(!list.isSearching)
        press([.character("k")], on: &list, keymap: vi)
        #expect(list.selection == 1)
    }

    @Test func columnsAlignAndHeaderIsDrawn() {
        var list = SelectList(
            items: [ListItem("Fahrrad M", "2"), ListItem("Fahrradanhänger", "12")],
            columns: [ListColumn(), ListColumn(.cells(4), alignment: .right)],
            header: ["Angebot", "frei"])
        let frame = draw(&list, size: Size(rows: 24, columns: 80), focused: false)
        #expect(
            frame.text(ofRow: 0).trimmedRight == "Angebot" + String(repeating: " ", count: 69)
                + "frei")
        #expect(frame.role(row: 0, column: 0) == .header)
        #expect(frame.text(ofRow: 2).trimmedRight.hasSuffix("  12"))
        #expect(frame.text(ofRow: 2).cellWidth == 80)
        #expect(frame.role(row: 1, column: 0) == .highlight)
    }

    @Test func longTextIsCutWithAnEllipsisAt80AndShownWholeAt200() {
        let name =
            "Touren-eBike E-Ville C A8 / Größe S – Filiale Tourist-Info, Abholung und Rückgabe dort"
        var list = SelectList(
            items: [ListItem(name, "3")], columns: [ListColumn(.cells(40)), ListColumn()])
        let narrow = draw(&list, size: Size(rows: 24, columns: 80))
        #expect(narrow.text(ofRow: 0).hasPrefix("Touren-eBike E-Ville C A8 / Größe S – F… 3"))
        var wide = SelectList(
            items: [ListItem(name, "3")], columns: [ListColumn(), ListColumn(.cells(3))])
        let frame = draw(&wide, size: Size(rows: 60, columns: 200))
        #expect(frame.text(ofRow: 0).hasPrefix(name + " "))
    }

    @Test func aLongListDrawsOnlyWhatIsVisible() {
        var list = SelectList(items: (1...2000).map { ListItem("Benutzer \($0)") })
        list.select(1500)
        let frame = draw(&list, size: Size(rows: 24, columns: 80))
        #expect(frame.text(ofRow: 23).hasPrefix("Benutzer 1501"))
        #expect(list.top == 1477)
    }

    @Test func anEmptyListIsSafe() {
        var list = SelectList(items: [])
        #expect(press([.down, .end, .pageDown], on: &list, keymap: keys) == .handled)
        #expect(list.selectedItem == nil)
        _ = draw(&list, size: Size(rows: 5, columns: 20))
        list.items = [ListItem("a")]
        #expect(list.selectedItem == ListItem("a"))
    }

    @Test func removingItemsKeepsTheSelectionInside() {
        var list = SelectList(items: Self.offers(10))
        list.select(9)
        list.items = Array(Self.offers(3))
        #expect(list.selection == 2)
    }

    @Test func aChecklistTogglesTheSelectedRow() {
        var list = Checklist(
            labels: ["Filiale Nord", "Filiale Süd", "Tourist-Info"], checked: [true])
        press([.down, .character(" ")], on: &list, keymap: keys)
        #expect(list.checked == [true, true, false])
        press([.up, .character(" ")], on: &list, keymap: keys)
        #expect(list.checked == [false, true, false])
        let frame = draw(&list, size: Size(rows: 5, columns: 30))
        #expect(frame.text(ofRow: 0).trimmedRight == "[ ] Filiale Nord")
        #expect(frame.text(ofRow: 1).trimmedRight == "[x] Filiale Süd")
        #expect(press([.character("x")], on: &list, keymap: keymap("vi")) == .changed)
        #expect(list.checked == [true, true, false])
    }
}
