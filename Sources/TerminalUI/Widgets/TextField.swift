/// A one-line text input that edits by grapheme and measures by cell.
///
/// The cursor moves over whole Characters, so "ß", "ä" typed as one scalar and "a" with a
/// combining U+0308 typed after it each count as one step and are deleted whole. The text
/// scrolls sideways when it is wider than the field. The field draws its own cursor (the
/// terminal's cursor stays hidden) and, when given two rows or more, its validation
/// message under the text.
///
/// ```swift
/// var name = TextField(text: "Größe", maxLength: 40)
/// _ = name.handle(.character("n"), keymap: keymap)  // .changed
/// name.message = catalogue.text(.requiredField)     // shown in the error role
/// ```
public struct TextField: Widget {
    /// The text, one Character per grapheme.
    public private(set) var characters: [Character]
    /// The cursor position, from 0 (before the first Character) to `characters.count`.
    public private(set) var cursor: Int
    /// The most Characters the field takes; nil for no limit.
    public var maxLength: Int?
    /// Shown instead of each Character, e.g. "•" for passwords.
    public var mask: Character?
    /// Which typed Characters the field takes, e.g. only digits for a postcode.
    public var accepts: (@Sendable (Character) -> Bool)?
    /// Shown in the dim role while the field is empty and unfocused.
    public var placeholder: String
    /// A validation message, shown in the error role under the text.
    public var message: String?

    private var scroll = 0

    public init(
        text: String = "", maxLength: Int? = nil, mask: Character? = nil,
        placeholder: String = ""
    ) {
        self.characters = Array(text)
        self.cursor = characters.count
        self.maxLength = maxLength
        self.mask = mask
        self.placeholder = placeholder
    }

    /// The text as a String.
    public var text: String {
        get { String(characters) }
        set {
            characters = Array(newValue)
            if let maxLength, characters.count > maxLength {
                characters.removeLast(characters.count - maxLength)
            }
            cursor = characters.count
        }
    }

    /// Puts the cursor before Character `position` (clamped to the text).
    public mutating func moveCursor(to position: Int) {
        cursor = min(max(0, position), characters.count)
    }

    public mutating func handle(_ key: Key, keymap: Keymap) -> Outcome {
        if let command = WidgetCommand.resolve(key, in: keymap, scopes: ["field"]) {
            return perform(command)
        }
        guard case .character(let scalar) = key else { return .ignored }
        return insert(scalar)
    }

    /// Types one scalar at the cursor. A combining mark joins the Character before it.
    public mutating func insert(_ scalar: Unicode.Scalar) -> Outcome {
        let width = TextWidth.cells(scalar)
        if width < 0 { return .ignored }
        if width == 0, cursor > 0 {
            var joined = String(characters[cursor - 1])
            joined.unicodeScalars.append(scalar)
            guard joined.count == 1, let combined = joined.first else { return .ignored }
            characters[cursor - 1] = combined
            return .changed
        }
        let character = Character(scalar)
        if let accepts, !accepts(character) { return .ignored }
        if let maxLength, characters.count >= maxLength { return .ignored }
        characters.insert(character, at: cursor)
        cursor += 1
        return .changed
    }

    private mutating func perform(_ command: WidgetCommand) -> Outcome {
        switch command {
        case .fieldLeft: cursor = max(0, cursor - 1)
        case .fieldRight: cursor = min(characters.count, cursor + 1)
        case .fieldHome: cursor = 0
        case .fieldEnd: cursor = characters.count
        case .fieldDeleteBackward:
            guard cursor > 0 else { return .handled }
            characters.remove(at: cursor - 1)
            cursor -= 1
            return .changed
        case .fieldDeleteForward:
            guard cursor < characters.count else { return .handled }
            characters.remove(at: cursor)
            return .changed
        case .fieldDeleteToEnd:
            guard cursor < characters.count else { return .handled }
            characters.removeSubrange(cursor...)
            return .changed
        case .fieldDeleteToStart:
            guard cursor > 0 else { return .handled }
            characters.removeSubrange(..<cursor)
            cursor = 0
            return .changed
        default: return .ignored
        }
        return .handled
    }

    public mutating func draw(in canvas: Canvas, focused: Bool) {
        guard canvas.rows > 0 && canvas.columns > 0 else { return }
        canvas.fill(Rect(row: 0, column: 0, rows: 1, columns: canvas.columns), role: .input)
        if characters.isEmpty && !focused && !placeholder.isEmpty {
            canvas.put(placeholder, row: 0, column: 0, role: .dim)
        } else {
            drawText(in: canvas, focused: focused)
        }
        if let message, canvas.rows > 1 {
            canvas.put(message, row: 1, column: 0, width: canvas.columns, role: .error)
        }
    }

    private mutating func drawText(in canvas: Canvas, focused: Bool) {
        let width = canvas.columns
        adjustScroll(width: width)
        var column = 0
        var index = scroll
        while index < characters.count {
            let shown = mask ?? characters[index]
            let cells = TextWidth.cells(shown)
            if column + cells > width { break }
            let role: Role = focused && index == cursor ? .cursor : .input
            canvas.put(String(shown), row: 0, column: column, role: role)
            column += max(cells, 0)
            index += 1
        }
        if focused && cursor == characters.count && column < width {
            canvas.put(" ", row: 0, column: column, role: .cursor)
        }
    }

    /// Scrolls so that the cursor, and a cell for it at the end of the text, is visible.
    private mutating func adjustScroll(width: Int) {
        scroll = min(scroll, cursor)
        while scroll < cursor && cellsBetween(scroll, cursor) + cursorCells > width {
            scroll += 1
        }
    }

    private var cursorCells: Int {
        cursor < characters.count ? TextWidth.cells(mask ?? characters[cursor]) : 1
    }

    private func cellsBetween(_ start: Int, _ end: Int) -> Int {
        var total = 0
        for index in start..<end { total += TextWidth.cells(mask ?? characters[index]) }
        return total
    }
}
