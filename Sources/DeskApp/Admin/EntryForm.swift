import TerminalUI

/// A form of labelled fields for the admin screens (a new user, a guide's record, a tour
/// date): text fields, choices and ticks, walked like the wizard's Daten step. Tab and
/// Enter go to the next field, Enter on the last one submits, Escape cancels; a choice
/// changes with the stepper keys or Space, a tick with Space. A message appears under the
/// field it is about.
struct EntryForm {
    enum Value {
        case text(TextField)
        /// One of `options`, by index.
        case choice(options: [String], selected: Int)
        case tick(Bool)
    }

    struct Field {
        var label: String
        var value: Value
        var isRequired = false
        var message: String?

        init(_ label: String, _ value: Value, required: Bool = false) {
            self.label = label
            self.value = value
            self.isRequired = required
        }

        /// A text field of at most `maxLength` characters.
        static func text(
            _ label: String, _ text: String = "", maxLength: Int = 200, required: Bool = false
        ) -> Field {
            Field(label, .text(TextField(text: text, maxLength: maxLength)), required: required)
        }
    }

    private(set) var fields: [Field]
    private(set) var focus = 0

    init(fields: [Field]) {
        self.fields = fields
    }

    // MARK: - Values

    /// The trimmed text of a text field; "" for other fields.
    func text(_ index: Int) -> String {
        guard case .text(let field) = fields[index].value else { return "" }
        return field.text.trimmingSpaces()
    }

    /// The trimmed text, or nil when it is empty.
    func optionalText(_ index: Int) -> String? {
        let value = text(index)
        return value.isEmpty ? nil : value
    }

    /// The chosen index of a choice; 0 for other fields.
    func choice(_ index: Int) -> Int {
        guard case .choice(_, let selected) = fields[index].value else { return 0 }
        return selected
    }

    func tick(_ index: Int) -> Bool {
        guard case .tick(let ticked) = fields[index].value else { return false }
        return ticked
    }

    mutating func setText(_ text: String, at index: Int) {
        guard case .text(var field) = fields[index].value else { return }
        field.text = text
        fields[index].value = .text(field)
    }

    // MARK: - Messages

    /// Puts a sentence under a field and the cursor on the first field with one.
    mutating func setMessage(_ message: String?, at index: Int) {
        fields[index].message = message
        focusFirstProblem()
    }

    mutating func clearMessages() {
        for index in fields.indices { fields[index].message = nil }
    }

    /// Marks the required text fields left empty; true when there are none.
    mutating func checkRequired(sentence: String) -> Bool {
        for index in fields.indices where fields[index].isRequired && text(index).isEmpty {
            guard case .text = fields[index].value else { continue }
            fields[index].message = sentence
        }
        focusFirstProblem()
        return !hasProblems
    }

    var hasProblems: Bool { fields.contains { $0.message != nil } }

    private mutating func focusFirstProblem() {
        focus = fields.firstIndex { $0.message != nil } ?? focus
    }

    // MARK: - Keys

    /// `.submitted` for Enter on the last field, `.cancelled` for Escape.
    mutating func handle(_ key: Key, context: DeskContext) -> Outcome {
        if context.command(for: key, scopes: ["global"]) == .cancel, key.scalar == nil {
            return .cancelled
        }
        if let outcome = handleChoice(key, context: context) { return outcome }
        switch FormKeys.route(key, context: context) {
        case .next: move(by: 1)
        case .previous: move(by: -1)
        case .submit:
            guard focus < fields.count - 1 else { return .submitted }
            move(by: 1)
        case .field:
            return edit(key, context: context)
        case .other:
            return .ignored
        }
        return .handled
    }

    /// Choices and ticks take the stepper keys and Space; typed letters mean nothing there.
    private mutating func handleChoice(_ key: Key, context: DeskContext) -> Outcome? {
        let command = context.command(for: key, scopes: ["stepper", "list", "field"])
        switch fields[focus].value {
        case .choice(let options, let selected):
            let step: Int
            switch command {
            case .increase?, .listToggle?: step = 1
            case .decrease?: step = -1
            default: return key.scalar == nil ? nil : .ignored
            }
            guard !options.isEmpty else { return .handled }
            let next = (selected + step + options.count) % options.count
            fields[focus].value = .choice(options: options, selected: next)
        case .tick(let ticked):
            guard command == .listToggle else { return key.scalar == nil ? nil : .ignored }
            fields[focus].value = .tick(!ticked)
        case .text:
            return nil
        }
        fields[focus].message = nil
        return .changed
    }

    private mutating func edit(_ key: Key, context: DeskContext) -> Outcome {
        guard case .text(var field) = fields[focus].value,
            field.handle(key, keymap: context.keymap) == .changed
        else { return .ignored }
        fields[focus].value = .text(field)
        fields[focus].message = nil
        return .changed
    }

    private mutating func move(by offset: Int) {
        focus = (focus + offset + fields.count) % fields.count
    }

    // MARK: - Drawing

    /// The fields in one column, or in two where the canvas is wide enough: label, value,
    /// and the message on the row under each. Of two columns the right one is wider: it
    /// holds the longer values (an IBAN is 27 characters with its blanks).
    mutating func draw(in canvas: Canvas, twoColumns: Bool = false) {
        let columns = twoColumns && canvas.columns >= 76 ? 2 : 1
        let perColumn = (fields.count + columns - 1) / columns
        let left = columns == 1 ? min(canvas.columns, 72) : (canvas.columns - 2) * 9 / 20
        for (part, range) in stride(from: 0, to: fields.count, by: perColumn).enumerated() {
            let indices = range..<min(range + perColumn, fields.count)
            let column = part == 0 ? 0 : left + 2
            let width = part == 0 ? left : canvas.columns - left - 2
            let labelWidth = indices.map { labelText($0).cellWidth }.max().map { $0 + 2 } ?? 0
            for index in indices {
                let row = (index - range) * 2
                drawField(
                    index, labelWidth: labelWidth,
                    in: canvas.sub(Rect(row: row, column: column, rows: 2, columns: width)))
            }
        }
    }

    private func labelText(_ index: Int) -> String {
        fields[index].label + (fields[index].isRequired ? "*" : "")
    }

    private mutating func drawField(_ index: Int, labelWidth: Int, in area: Canvas) {
        let field = fields[index]
        area.put(labelText(index), row: 0, column: 0, width: labelWidth - 1, role: .normal)
        let input = area.sub(
            Rect(row: 0, column: labelWidth, rows: 1, columns: area.columns - labelWidth))
        let focused = index == focus
        switch field.value {
        case .text(var text):
            text.draw(in: input, focused: focused)
            fields[index].value = .text(text)
        case .choice(let options, let selected):
            let name = options.indices.contains(selected) ? options[selected] : ""
            input.put(
                "‹ " + name + " ›", row: 0, column: 0, width: input.columns,
                role: focused ? .selected : .input)
        case .tick(let ticked):
            input.put(ticked ? "[x]" : "[ ]", row: 0, column: 0, role: focused ? .selected : .input)
        }
        if let message = field.message {
            area.put(message, row: 1, column: 0, width: area.columns, role: .error)
        }
    }
}
