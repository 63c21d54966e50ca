import TerminalUI
import Testing

@Suite struct StepperAndBarsTests {
    let keys = keymap()

    @Test func theStepperStaysWithinItsBounds() {
        var stepper = QuantityStepper(value: 1, range: 0...3)
        #expect(press([.character("+")], on: &stepper, keymap: keys) == .changed)
        press([.right, .right, .right], on: &stepper, keymap: keys)
        #expect(stepper.value == 3)
        #expect(press([.character("+")], on: &stepper, keymap: keys) == .handled)
        press(Array(repeating: .character("-"), count: 5), on: &stepper, keymap: keys)
        #expect(stepper.value == 0)
        #expect(QuantityStepper(value: 9, range: 1...5).value == 5)
        #expect(QuantityStepper(value: -2, range: 1...5).value == 1)
    }

    @Test func digitsTypeTheValueClamped() {
        var stepper = QuantityStepper(value: 1, range: 1...20)
        type("12", on: &stepper, keymap: keys)
        #expect(stepper.value == 12)
        type("5", on: &stepper, keymap: keys)
        #expect(stepper.value == 5)
        press([.backspace], on: &stepper, keymap: keys)
        #expect(stepper.value == 1)
        #expect(stepper.handle(.character("a"), keymap: keys) == .ignored)
    }

    @Test func theStepperDimsTheSignAtTheBound() {
        var stepper = QuantityStepper(value: 0, range: 0...10)
        let frame = draw(&stepper, size: Size(rows: 1, columns: 20))
        #expect(frame.text(ofRow: 0).trimmedRight == "-  0 +")
        #expect(frame.role(row: 0, column: 0) == .dim)
        #expect(frame.role(row: 0, column: 5) == .button)
    }

    @Test func theStepBarShowsAllStepsAt80AndShrinksWhenNarrow() {
        var bar = StepBar(
            labels: ["Termin", "Zeit", "Angebot", "Optionen", "Daten", "Bestätigung"], current: 2)
        let frame = draw(&bar, size: Size(rows: 24, columns: 80))
        #expect(
            frame.text(ofRow: 0).trimmedRight
                == "1 Termin › 2 Zeit › 3 Angebot › 4 Optionen › 5 Daten › 6 Bestätigung")
        #expect(frame.role(row: 0, column: 0) == .stepDone)
        #expect(frame.role(row: 0, column: frame.column(of: "2 Zeit", inRow: 0)!) == .stepDone)
        #expect(
            frame.role(row: 0, column: frame.column(of: "3 Angebot", inRow: 0)!) == .stepCurrent)
        #expect(frame.role(row: 0, column: frame.column(of: "6 B", inRow: 0)!) == .stepTodo)
        let narrow = draw(&bar, size: Size(rows: 1, columns: 30))
        #expect(narrow.text(ofRow: 0).trimmedRight == "1 › 2 › 3 Angebot › 4 › 5 › 6")
    }

    @Test func tabsSwitchAndWrapAround() {
        var tabs = Tabs(labels: ["Kalender", "Aufträge", "Kunden"])
        #expect(press([.tab], on: &tabs, keymap: keys) == .changed)
        #expect(tabs.selected == 1)
        press([.tab, .tab], on: &tabs, keymap: keys)
        #expect(tabs.selected == 0)
        press([.backTab], on: &tabs, keymap: keys)
        #expect(tabs.selected == 2)
        let frame = draw(&tabs, size: Size(rows: 24, columns: 80))
        #expect(frame.text(ofRow: 0).trimmedRight == " Kalender │ Aufträge │ Kunden │")
        #expect(frame.role(row: 0, column: frame.column(of: "Kunden", inRow: 0)!) == .tabActive)
        #expect(frame.role(row: 0, column: 1) == .tab)
    }

    @Test func narrowTabsScrollToTheShownOne() {
        var tabs = Tabs(
            labels: ["Kalender", "Aufträge", "Kunden", "Touren", "Benutzer"], selected: 4)
        let frame = draw(&tabs, size: Size(rows: 1, columns: 24))
        #expect(frame.text(ofRow: 0).contains("Benutzer"))
    }

    @Test func theStatusLineKeepsTheRightPartAndCutsTheLeft() {
        var status = StatusLine(
            left: [.init("Anna Schmidt"), .init("Filiale Nord")],
            right: [
                .init("offline", role: .warning), .init("2 nicht gesendet"), .init("Sync 14:05"),
            ])
        let wide = draw(
            &status, size: Size(rows: 60, columns: 200),
            in: Rect(row: 59, column: 0, rows: 1, columns: 200))
        let line = wide.text(ofRow: 59).trimmedRight
        #expect(line.hasPrefix(" Anna Schmidt  Filiale Nord "))
        #expect(line.hasSuffix(" offline  2 nicht gesendet  Sync 14:05"))
        #expect(wide.role(row: 59, column: wide.column(of: "offline", inRow: 59)!) == .warning)
        let narrow = draw(&status, size: Size(rows: 1, columns: 50))
        #expect(narrow.text(ofRow: 0).hasSuffix(" offline  2 nicht gesendet  Sync 14:05 "))
        #expect(narrow.text(ofRow: 0).hasPrefix(" Anna Sch…  offline"))
        #expect(narrow.role(row: 0, column: 0) == .status)
    }

    @Test func theDialogWrapsItsMessageAndAnswersConfirmAndCancel() {
        var dialog = Dialog(
            title: "Auftrag stornieren?",
            message:
                "Der Auftrag 1042 für Fahrrad M und Fahrradanhänger wird storniert. Die Einheiten "
                + "werden wieder frei.",
            buttons: ["Stornieren", "Behalten"], focusedButton: 1)
        #expect(press([.right], on: &dialog, keymap: keys) == .changed)
        #expect(dialog.focusedButton == 0)
        #expect(press([.enter], on: &dialog, keymap: keys) == .submitted)
        #expect(press([.escape], on: &dialog, keymap: keys) == .cancelled)
        let frame = draw(&dialog, size: Size(rows: 24, columns: 80))
        let lines = frame.lines.map(\.trimmedRight)
        let top = try! #require(lines.firstIndex { $0.contains("┌─ Auftrag stornieren? ─") })
        #expect(lines[top + 1].contains("Der Auftrag 1042"))
        #expect(lines.contains { $0.contains("[ Stornieren ] [ Behalten ]") })
        #expect(lines.allSatisfy { $0.cellWidth <= 80 })
        let buttonRow = lines.firstIndex { $0.contains("[ Stornieren ]") }!
        let column = frame.column(of: "[ Stornieren ]", inRow: buttonRow)!
        #expect(frame.role(row: buttonRow, column: column) == .buttonFocused)
    }

    @Test func wrappingCountsCellsAndBreaksLongWords() {
        #expect(TextWrap.lines("Größe Größe Größe", width: 11) == ["Größe Größe", "Größe"])
        #expect(TextWrap.lines("Fahrradanhänger", width: 6) == ["Fahrra", "danhän", "ger"])
        #expect(TextWrap.lines("予約予約", width: 5) == ["予約", "予約"])
        #expect(TextWrap.lines("a\nb", width: 5) == ["a", "b"])
    }
}
