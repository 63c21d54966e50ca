/// One row of a select list: a text per column and the row's role.
public struct ListItem: Hashable, Sendable {
    /// The texts of the row, one per column.
    public var cells: [String]
    /// How the row looks when it is not selected, e.g. `.dim` for an inactive user.
    public var role: Role

    public init(_ cells: String..., role: Role = .normal) {
        self.init(cells: cells, role: role)
    }

    public init(cells: [String], role: Role = .normal) {
        self.cells = cells
        self.role = role
    }
}

/// The layout of one column of a select list.
public struct ListColumn: Hashable, Sendable {
    /// A fixed number of cells, or a share of the cells the fixed columns leave.
    public enum Width: Hashable, Sendable {
        case cells(Int)
        case flexible
    }

    public var width: Width
    public var alignment: Alignment

    public init(_ width: Width = .flexible, alignment: Alignment = .left) {
        self.width = width
        self.alignment = alignment
    }
}

/// A scrolling list of rows with columns, one of them selected; search by typing.
///
/// Only the visible rows are drawn, so a list of thousands costs what a screenful costs.
/// Typing a character that the keymap does not bind in the `list` scope searches: the
/// selection jumps to the first row that starts with what was typed (or else contains it),
/// ignoring case. `list.search` starts a search in which every character counts, even
/// bound ones (for keymaps such as vi's); Enter or Escape ends it.
///
/// ```swift
/// var offers = SelectList(
///     items: catalog.map { ListItem($0.name, "\($0.free)") },
///     columns: [ListColumn(), ListColumn(.cells(5), alignment: .right)],
///     header: [labels.offer, labels.free])
/// if offers.handle(key, keymap: keymap) == .changed { showDetails(offers.selection) }
/// ```
public struct SelectList: Widget {
    /// The rows.
    public var items: [ListItem] {
        didSet { itemsChanged() }
    }
    /// The columns; rows with more texts than columns show only the first ones.
    public var columns: [ListColumn]
    /// Column titles, drawn in the header role above the rows; nil for no header row.
    public var header: [String]?
    /// The index of the selected row; 0 when the list is empty.
    public private(set) var selection = 0
    /// The index of the first visible row.
    public private(set) var top = 0
    /// What has been typed to search.
    public private(set) var query = ""
    /// Whether `list.search` started a search that takes every character.
    public private(set) var isSearching = false

    /// Check marks, one per row, when the list is a checklist.
    var checks: [Bool]?
    private var searchKeys: [String] = []
    private var pageSize = 10

    public init(items: [ListItem], columns: [ListColumn] = [ListColumn()], header: [String]? = nil)
    {
        self.items = items
        self.columns = columns
        self.header = header
        itemsChanged()
    }

    /// The selected row; nil when the list is empty.
    public var selectedItem: ListItem? { items.isEmpty ? nil : items[selection] }

    /// Selects row `index` (clamped to the list).
    public mutating func select(_ index: Int) {
        selection = min(max(0, index), max(0, items.count - 1))
    }

    public mutating func handle(_ key: Key, keymap: Keymap) -> Outcome {
        if isSearching { return handleSearching(key) }
        if let command = WidgetCommand.resolve(key, in: keymap, scopes: ["list"]) {
            return perform(command)
        }
        switch key {
        case .character(let scalar) where TextWidth.cells(scalar) > 0:
            return search(appending: scalar)
        case .backspace where !query.isEmpty:
            query.removeLast()
            return .handled
        default:
            return .ignored
        }
    }

    private mutating func perform(_ command: WidgetCommand) -> Outcome {
        let before = selection
        switch command {
        case .listUp: select(selection - 1)
        case .listDown: select(selection + 1)
        case .listPageUp: select(selection - max(1, pageSize - 1))
        case .listPageDown: select(selection + max(1, pageSize - 1))
        case .listHome: select(0)
        case .listEnd: select(items.count - 1)
        case .listSearch:
            isSearching = true
            query = ""
            return .handled
        default: return .ignored
        }
        query = ""
        return selection == before ? .handled : .changed
    }

    private mutating func handleSearching(_ key: Key) -> Outcome {
        switch key {
        case .character(let scalar) where TextWidth.cells(scalar) > 0:
            return search(appending: scalar)
        case .backspace:
            if !query.isEmpty { query.removeLast() }
            return .handled
        case .enter, .escape:
            isSearching = false
            return .handled
        default:
            isSearching = false
            return .ignored
        }
    }

    // FIXME: the type-ahead query only resets on a movement key, never after a pause,
    // because the list has no clock; pass one in when staff find this surprising.
    private mutating func search(appending scalar: Unicode.Scalar) -> Outcome {
        query.unicodeScalars.append(scalar)
        let needle = query.lowercased()
        let match =
            searchKeys.firstIndex { $0.hasPrefix(needle) }
            ?? searchKeys.firstIndex { $0.contains(needle) }
        guard let match, match != selection else { return .handled }
        selection = match
        return .changed
    }

    private mutating func itemsChanged() {
        searchKeys = items.map { $0.cells.joined(separator: " ").lowercased() }
        if let checks, checks.count != items.count {
            self.checks =
                Array(checks.prefix(items.count))
                + Array(repeating: false, count: max(0, items.count - checks.count))
        }
        select(selection)
    }

    // MARK: - Drawing

    public mutating func draw(in canvas: Canvas, focused: Bool) {
        var area = canvas.area
        if let header {
            let (top, rest) = area.splitTop(1)
            drawRow(header, in: canvas.sub(top), role: .header, check: nil)
            area = rest
        }
        pageSize = max(1, area.rows)
        top = min(max(top, selection - pageSize + 1), selection)
        top = max(0, min(top, items.count - pageSize))
        let rows = canvas.sub(area)
        rows.fill(role: .normal)
        for offset in 0..<min(pageSize, items.count - top) {
            let index = top + offset
            let role = index == selection ? (focused ? .selected : .highlight) : items[index].role
            let line = rows.sub(Rect(row: offset, column: 0, rows: 1, columns: rows.columns))
            drawRow(items[index].cells, in: line, role: role, check: checks?[index])
        }
    }

    private func drawRow(_ texts: [String], in line: Canvas, role: Role, check: Bool?) {
        line.fill(role: role)
        var column = 0
        if let check { column = line.put(check ? "[x] " : "[ ] ", row: 0, column: 0, role: role) }
        let widths = columnWidths(total: line.columns - column)
        for (index, width) in widths.enumerated() where index < texts.count && width > 0 {
            line.put(
                texts[index], row: 0, column: column, width: width,
                alignment: columns[index].alignment, role: role)
            column += width + 1
        }
    }

    /// Fixed columns get their cells; flexible ones share the rest; one blank between.
    private func columnWidths(total: Int) -> [Int] {
        let gaps = max(0, columns.count - 1)
        var fixed = 0
        var flexible = 0
        for column in columns {
            if case .cells(let count) = column.width { fixed += count } else { flexible += 1 }
        }
        let spare = max(0, total - fixed - gaps)
        var remainder = flexible > 0 ? spare % flexible : 0
        return columns.map { column in
            if case .cells(let count) = column.width { return count }
            let extra = remainder > 0 ? 1 : 0
            remainder -= extra
            return spare / flexible + extra
        }
    }
}

/// A select list whose rows can be ticked, e.g. a user's branches or an order's options.
///
/// `list.toggle` ticks or unticks the selected row; everything else behaves as in
/// `SelectList`.
public struct Checklist: Widget {
    /// The list underneath; its selection is the row that `list.toggle` changes.
    public private(set) var list: SelectList

    public init(labels: [String], checked: [Bool] = []) {
        list = SelectList(items: labels.map { ListItem($0) })
        list.checks = (0..<labels.count).map { $0 < checked.count && checked[$0] }
    }

    /// Whether each row is ticked.
    public var checked: [Bool] { list.checks ?? [] }

    /// Ticks or unticks row `index`.
    public mutating func toggle(_ index: Int) {
        guard list.checks?.indices.contains(index) == true else { return }
        list.checks?[index].toggle()
    }

    public mutating func handle(_ key: Key, keymap: Keymap) -> Outcome {
        if !list.isSearching,
            WidgetCommand.resolve(key, in: keymap, scopes: ["list"]) == .listToggle
        {
            guard !list.items.isEmpty else { return .handled }
            toggle(list.selection)
            return .changed
        }
        return list.handle(key, keymap: keymap)
    }

    public mutating func draw(in canvas: Canvas, focused: Bool) {
        list.draw(in: canvas, focused: focused)
    }
}
