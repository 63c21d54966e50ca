/// A key the person at the counter pressed.
///
/// Typed text arrives as `.character` with a whole Unicode scalar ("ä", "ß", "予"); keys
/// that ncurses decodes arrive as named cases. Tab, Enter, Backspace and Escape always
/// arrive as their own cases, never as `.control`.
public enum Key: Hashable, Sendable {
    /// A typed character, including space and umlauts.
    case character(Unicode.Scalar)
    /// Ctrl with a letter, given in lower case: `.control("x")` is Ctrl-X.
    case control(Unicode.Scalar)
    /// Alt (Meta) with a character, sent by the terminal as Escape and the character.
    case alt(Unicode.Scalar)
    /// F1 to F12.
    case function(Int)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case insert, delete, backspace
    case enter, tab, backTab, escape

    /// The name of the key in keymap files and help texts, e.g. `PageDown`, `Ctrl-X`,
    /// `F1`, `Space`, `ä`. Parsing the name with `Key(name:)` gives the key back.
    public var name: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let scalar): return String(Character(scalar))
        case .control(let scalar): return "Ctrl-" + String(Character(scalar)).uppercased()
        case .alt(" "): return "Alt-Space"
        case .alt(let scalar): return "Alt-" + String(Character(scalar))
        case .function(let number): return "F\(number)"
        default: return Key.plainNames.first { $0.key == self }?.name ?? "?"
        }
    }

    /// The key with the given keymap name; nil for an unknown name. Names of named keys
    /// and modifiers are case-insensitive; a single character stands for itself.
    public init?(name: String) {
        let scalars = Array(name.unicodeScalars)
        if scalars.count == 1 {
            guard TextWidth.cells(scalars[0]) > 0 else { return nil }
            self = .character(scalars[0])
            return
        }
        let lowered = name.lowercased()
        if let named = Key.aliases[lowered] {
            self = named
        } else if let key = Key.modified(name) {
            self = key
        } else if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()),
            (1...12).contains(number)
        {
            self = .function(number)
        } else {
            return nil
        }
    }

    /// Ctrl-x, C-x, Alt-x, M-x, Meta-x.
    private static func modified(_ name: String) -> Key? {
        guard let dash = name.firstIndex(of: "-"), dash != name.startIndex else { return nil }
        let modifier = name[..<dash].lowercased()
        let rest = String(name[name.index(after: dash)...])
        let scalars = Array(rest.unicodeScalars)
        let scalar: Unicode.Scalar
        if scalars.count == 1 {
            scalar = scalars[0]
        } else if rest.lowercased() == "space" {
            scalar = " "
        } else {
            return nil
        }
        switch modifier {
        case "ctrl", "c": return controlKey(scalar)
        case "alt", "m", "meta": return TextWidth.cells(scalar) > 0 ? .alt(scalar) : nil
        default: return nil
        }
    }

    /// Ctrl with a letter; Ctrl-H, Ctrl-I, Ctrl-J, Ctrl-M and Ctrl-[ are the keys the
    /// terminal sends for Backspace, Tab, Enter and Escape.
    private static func controlKey(_ scalar: Unicode.Scalar) -> Key? {
        let lowered = Character(scalar).lowercased()
        switch lowered {
        case "h": return .backspace
        case "i": return .tab
        case "j", "m": return .enter
        case "[": return .escape
        default: break
        }
        guard let letter = lowered.unicodeScalars.first, lowered.unicodeScalars.count == 1,
            letter.value >= 0x61 && letter.value <= 0x7A
        else { return nil }
        return Key.control(letter)
    }

    private static let plainNames: [(key: Key, name: String)] = [
        (.up, "Up"), (.down, "Down"), (.left, "Left"), (.right, "Right"),
        (.home, "Home"), (.end, "End"), (.pageUp, "PageUp"), (.pageDown, "PageDown"),
        (.insert, "Insert"), (.delete, "Delete"), (.backspace, "Backspace"),
        (.enter, "Enter"), (.tab, "Tab"), (.backTab, "Shift-Tab"), (.escape, "Escape"),
    ]

    private static let aliases: [String: Key] = {
        var table: [String: Key] = [:]
        for (key, name) in plainNames { table[name.lowercased()] = key }
        let extra: [(String, Key)] = [
            ("space", .character(" ")), ("esc", .escape), ("return", .enter),
            ("pgup", .pageUp), ("pgdn", .pageDown), ("pagedn", .pageDown), ("del", .delete),
            ("ins", .insert), ("bs", .backspace), ("backtab", .backTab), ("s-tab", .backTab),
        ]
        for (name, key) in extra { table[name] = key }
        return table
    }()
}

/// What `Terminal.nextEvent` reports.
public enum Event: Hashable, Sendable {
    /// A key was pressed.
    case key(Key)
    /// The terminal has a new size; the next render redraws everything.
    case resize(Size)
    /// One of the extra file descriptors became readable, e.g. the pipe a background
    /// network task writes to. The caller reads (drains) it.
    case wake(Int32)
    /// Nothing happened within the timeout.
    case timeout
}
