/// How each role looks: colours and attributes, parsed from a plain-text theme file.
///
/// File format: one role per line, `role = foreground background [attribute ...]`, lines
/// starting with `#` are comments. Colours: `default` (the terminal's own), `black`,
/// `red`, `green`, `yellow`, `blue`, `magenta`, `cyan`, `white`, the same with `bright-`
/// in front, or a number from 0 to 255. Attributes: `bold`, `dim`, `underline`, `reverse`,
/// `italic`. A role left out looks like `normal`.
public struct Theme: Sendable, Equatable {
    /// A terminal colour.
    public enum Color: Hashable, Sendable {
        /// The terminal's own foreground or background.
        case terminalDefault
        /// One of the 256 indexed colours; 0–7 are the basic eight, 8–15 their bright forms.
        case indexed(UInt8)
    }

    /// Text attributes, usable without colours.
    public struct Attributes: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        public static let bold = Attributes(rawValue: 1)
        public static let dim = Attributes(rawValue: 2)
        public static let underline = Attributes(rawValue: 4)
        public static let reverse = Attributes(rawValue: 8)
        public static let italic = Attributes(rawValue: 16)
    }

    /// The look of one role.
    public struct Appearance: Hashable, Sendable {
        public var foreground: Color
        public var background: Color
        public var attributes: Attributes

        public init(
            foreground: Color = .terminalDefault, background: Color = .terminalDefault,
            attributes: Attributes = []
        ) {
            self.foreground = foreground
            self.background = background
            self.attributes = attributes
        }
    }

    /// The name of the theme, e.g. `default`.
    public var name: String
    private var appearances: [Appearance]

    /// A theme in which every role looks like plain terminal text.
    public init(name: String) {
        self.name = name
        self.appearances = Array(repeating: Appearance(), count: Role.allCases.count)
    }

    /// The look of a role.
    public subscript(role: Role) -> Appearance {
        get { appearances[Int(role.rawValue)] }
        set { appearances[Int(role.rawValue)] = newValue }
    }

    /// Whether any role uses a colour; a theme without colours needs no colour support.
    public var usesColor: Bool {
        appearances.contains {
            $0.foreground != .terminalDefault || $0.background != .terminalDefault
        }
    }

    /// The same theme with every colour removed and only the attributes kept.
    public var withoutColors: Theme {
        var theme = self
        for role in Role.allCases {
            theme[role].foreground = .terminalDefault
            theme[role].background = .terminalDefault
        }
        return theme
    }
}

extension Theme {
    /// Parses a theme file. Returns the theme of the valid lines and a problem for every
    /// broken one, naming `file` and the line. Roles left out look like `normal`.
    public static func parse(
        _ text: String, name: String, file: String
    ) -> (theme: Theme, problems: [ConfigProblem]) {
        var problems: [ConfigProblem] = []
        let lines = SettingsLines.parse(text, file: file, problems: &problems) { !$0.isEmpty }
        var theme = Theme(name: name)
        var seen = Set<Role>()
        for line in lines {
            let report = { (kind: ConfigProblem.Kind) in
                problems.append(ConfigProblem(file: file, line: line.number, kind: kind))
            }
            guard let role = Role(name: line.name) else {
                report(.unknownRole(line.name))
                continue
            }
            guard !seen.contains(role) else {
                report(.duplicate(line.name))
                continue
            }
            guard let appearance = parseAppearance(line.value, report: report) else { continue }
            seen.insert(role)
            theme[role] = appearance
        }
        for role in Role.allCases where !seen.contains(role) { theme[role] = theme[.normal] }
        return (theme, problems)
    }

    private static func parseAppearance(
        _ value: String, report: (ConfigProblem.Kind) -> Void
    ) -> Appearance? {
        let words = SettingsLines.words(value)
        guard words.count >= 2 else {
            report(.missingColors)
            return nil
        }
        guard let foreground = color(named: words[0]) else {
            report(.unknownColor(words[0]))
            return nil
        }
        guard let background = color(named: words[1]) else {
            report(.unknownColor(words[1]))
            return nil
        }
        var attributes: Attributes = []
        for word in words.dropFirst(2) {
            guard let attribute = attributeNames[word.lowercased()] else {
                report(.unknownAttribute(word))
                return nil
            }
            attributes.insert(attribute)
        }
        return Appearance(foreground: foreground, background: background, attributes: attributes)
    }

    static func color(named name: String) -> Color? {
        let lowered = name.lowercased()
        if lowered == "default" { return .terminalDefault }
        if let number = UInt8(lowered) { return .indexed(number) }
        if lowered.hasPrefix("bright-"),
            let base = basicColors.firstIndex(of: String(lowered.dropFirst(7)))
        {
            return .indexed(UInt8(base + 8))
        }
        guard let base = basicColors.firstIndex(of: lowered) else { return nil }
        return .indexed(UInt8(base))
    }

    private static let basicColors = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
    ]

    private static let attributeNames: [String: Attributes] = [
        "bold": .bold, "dim": .dim, "underline": .underline, "reverse": .reverse,
        "italic": .italic,
    ]
}
