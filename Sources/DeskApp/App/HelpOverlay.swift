import TerminalUI

/// The keys of the active keymap, grouped by scope, for the scopes of the screen below: what
/// `F1` or `?` shows. It lists the keymap actually loaded, so a user's own keymap file is
/// described as the user wrote it.
public struct HelpOverlay {
    private var list: SelectList
    private let title: String

    /// - Parameter only: the commands to list, where a screen has fewer than its scopes
    ///   hold (the guide's view lists only the keys that read).
    init(scopes: [String], context: DeskContext, only: ((DeskCommand) -> Bool)? = nil) {
        var items: [ListItem] = []
        for scope in scopes {
            let bindings = context.keymap.bindings(inScopes: [scope]).filter { binding in
                guard let only else { return true }
                return DeskCommand(rawValue: binding.command).map(only) ?? false
            }
            guard !bindings.isEmpty else { continue }
            items.append(
                ListItem(context.text.entry(DeskCommand.scopeHeading(scope)), "", role: .title))
            for binding in bindings {
                guard let command = DeskCommand(rawValue: binding.command) else { continue }
                let keys = binding.keys.map(\.name).joined(separator: ", ")
                items.append(ListItem("  " + keys, context.text.entry(command.summary)))
            }
        }
        list = SelectList(
            items: items, columns: [ListColumn(.cells(22)), ListColumn()])
        title = context.text.text(.helpTitle, context.keymap.name)
    }

    /// The lines of the help, for tests: keys and sentence of each row.
    var lines: [String] { list.items.map { $0.cells.joined(separator: " ") } }

    /// Returns true when the help should close.
    mutating func handle(_ key: Key, context: DeskContext) -> Bool {
        switch context.command(for: key, scopes: ["list", "global"]) {
        case .help?, .cancel?, .confirm?, .quit?:
            return true
        default:
            _ = list.handle(key, keymap: context.keymap)
            return false
        }
    }

    mutating func draw(in canvas: Canvas, context: DeskContext) {
        let width = min(canvas.columns - 2, 76)
        let height = canvas.rows - 2
        let box = canvas.sub(canvas.area.centered(rows: height, columns: width))
        box.fill(role: .normal)
        box.box(box.area, title: title)
        let inner = box.area.inset(by: 1)
        let (rows, hint) = inner.splitBottom(1)
        list.draw(in: box.sub(rows.inset(left: 1, right: 1)), focused: true)
        let close = context.text.text(.helpClose, context.keyName(.cancel))
        box.put(close, row: hint.row, column: 2, width: hint.columns - 2, role: .dim)
    }
}
