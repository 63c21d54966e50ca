/// A box in the middle of the screen with a title, a message and buttons.
///
/// `dialog.next` and `dialog.previous` move between the buttons; `global.confirm` answers
/// `.submitted` (read `focusedButton`), `global.cancel` answers `.cancelled`. The message
/// is wrapped at blanks to the box's width, measured in cells.
public struct Dialog: Widget {
    public var title: String
    public var message: String
    /// Button labels, e.g. from the catalogue: ["Ja", "Nein"].
    public var buttons: [String]
    /// The button Enter presses.
    public private(set) var focusedButton: Int
    /// The role of the box's frame, e.g. `.error` for an error message.
    public var frameRole: Role

    public init(
        title: String, message: String, buttons: [String], focusedButton: Int = 0,
        frameRole: Role = .border
    ) {
        self.title = title
        self.message = message
        self.buttons = buttons
        self.focusedButton = min(max(0, focusedButton), max(0, buttons.count - 1))
        self.frameRole = frameRole
    }

    public mutating func handle(_ key: Key, keymap: Keymap) -> Outcome {
        switch WidgetCommand.resolve(key, in: keymap, scopes: ["dialog", "global"]) {
        case .dialogNext?:
            guard !buttons.isEmpty else { return .handled }
            focusedButton = (focusedButton + 1) % buttons.count
            return .changed
        case .dialogPrevious?:
            guard !buttons.isEmpty else { return .handled }
            focusedButton = (focusedButton + buttons.count - 1) % buttons.count
            return .changed
        case .confirm?: return .submitted
        case .cancel?: return .cancelled
        default: return .ignored
        }
    }

    public mutating func draw(in canvas: Canvas, focused: Bool) {
        let buttonsWidth = buttons.reduce(0) { $0 + $1.cellWidth + 4 } + max(0, buttons.count - 1)
        let wanted = max(title.cellWidth + 6, buttonsWidth + 4, min(60, message.cellWidth + 4))
        let width = min(canvas.columns, max(20, wanted))
        let lines = TextWrap.lines(message, width: max(1, width - 4))
        let height = min(canvas.rows, lines.count + 5)
        let box = canvas.sub(canvas.area.centered(rows: height, columns: width))
        box.fill(role: .normal)
        box.box(box.area, role: frameRole, title: title)
        for (index, line) in lines.enumerated() where index + 1 < box.rows - 3 {
            box.put(line, row: index + 1, column: 2, role: .normal)
        }
        drawButtons(in: box, row: box.rows - 2, totalWidth: buttonsWidth, focused: focused)
    }

    private func drawButtons(in box: Canvas, row: Int, totalWidth: Int, focused: Bool) {
        var column = max(1, (box.columns - totalWidth) / 2)
        for (index, label) in buttons.enumerated() {
            let role: Role = index == focusedButton && focused ? .buttonFocused : .button
            column = box.put("[ " + label + " ]", row: row, column: column, role: role) + 1
        }
    }
}

/// Wrapping text into lines of a given width in cells.
public enum TextWrap {
    /// The lines of `text`, broken at blanks so that none is wider than `width` cells;
    /// a word wider than a line is broken inside. Newlines in `text` start new lines.
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                var word = String(word)
                if !line.isEmpty && line.cellWidth + 1 + word.cellWidth <= width {
                    line += " " + word
                    continue
                }
                if !line.isEmpty { result.append(line) }
                while word.cellWidth > width {
                    let head = word.clipped(toCells: width)
                    guard !head.isEmpty else { break }
                    result.append(head)
                    word.removeFirst(head.count)
                }
                line = word
            }
            result.append(line)
        }
        return result
    }
}
