/// A row of tabs, one of them shown; `global.nextTab` and `global.previousTab` switch,
/// wrapping around at the ends.
public struct Tabs: Widget {
    /// Tab labels from the catalogue, e.g. ["Kalender", "Aufträge", "Kunden"].
    public var labels: [String]
    /// The index of the shown tab.
    public private(set) var selected: Int

    public init(labels: [String], selected: Int = 0) {
        self.labels = labels
        self.selected = min(max(0, selected), max(0, labels.count - 1))
    }

    /// Shows tab `index` (clamped).
    public mutating func select(_ index: Int) {
        selected = min(max(0, index), max(0, labels.count - 1))
    }

    public mutating func handle(_ key: Key, keymap: Keymap) -> Outcome {
        guard labels.count > 1 else { return .ignored }
        switch WidgetCommand.resolve(key, in: keymap, scopes: ["global"]) {
        case .nextTab?: selected = (selected + 1) % labels.count
        case .previousTab?: selected = (selected + labels.count - 1) % labels.count
        default: return .ignored
        }
        return .changed
    }

    public mutating func draw(in canvas: Canvas, focused: Bool) {
        guard canvas.rows > 0 && !labels.isEmpty else { return }
        canvas.sub(Rect(row: 0, column: 0, rows: 1, columns: canvas.columns)).fill(role: .tab)
        var first = 0
        while first < selected && width(from: first, through: selected) > canvas.columns {
            first += 1
        }
        var column = 0
        for index in first..<labels.count {
            let role: Role = index == selected ? .tabActive : .tab
            column = canvas.put(" " + labels[index] + " ", row: 0, column: column, role: role)
            column = canvas.put("│", row: 0, column: column, role: .border)
        }
    }

    private func width(from first: Int, through last: Int) -> Int {
        labels[first...last].reduce(0) { $0 + $1.cellWidth + 3 }
    }
}
