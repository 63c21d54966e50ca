/// What a widget did with a key.
public enum Outcome: Hashable, Sendable {
    /// The key means nothing to the widget; offer it to the screen, then to `global`.
    case ignored
    /// The widget used the key, e.g. moved its cursor; its value is unchanged.
    case handled
    /// The widget's value changed: text edited, selection moved, quantity stepped.
    case changed
    /// The person confirmed, e.g. pressed a dialog button.
    case submitted
    /// The person cancelled, e.g. pressed Escape in a dialog.
    case cancelled
}

/// Something a screen draws and sends keys to.
///
/// Widgets are values: a screen keeps them in its state, draws them into a canvas, and
/// hands them keys. Keys reach a widget together with the active keymap, so the same widget
/// follows the default, the vi-style and the emacs-style keys. `draw` is `mutating`
/// because a widget remembers what it showed (its scroll position, its page size).
public protocol Widget {
    /// Draws the widget into the whole of `canvas`.
    mutating func draw(in canvas: Canvas, focused: Bool)

    /// Reacts to a key; the default ignores every key.
    mutating func handle(_ key: Key, keymap: Keymap) -> Outcome
}

extension Widget {
    public mutating func handle(_ key: Key, keymap: Keymap) -> Outcome { .ignored }
}

/// The command names the widgets react to. Screens may use them too; a keymap binds keys
/// to them (see `keymaps/default.keymap`).
public enum WidgetCommand: String, CaseIterable, Sendable {
    case listUp = "list.up"
    case listDown = "list.down"
    case listPageUp = "list.pageUp"
    case listPageDown = "list.pageDown"
    case listHome = "list.home"
    case listEnd = "list.end"
    case listSearch = "list.search"
    case listToggle = "list.toggle"
    case fieldLeft = "field.left"
    case fieldRight = "field.right"
    case fieldHome = "field.home"
    case fieldEnd = "field.end"
    case fieldDeleteBackward = "field.deleteBackward"
    case fieldDeleteForward = "field.deleteForward"
    case fieldDeleteToEnd = "field.deleteToEnd"
    case fieldDeleteToStart = "field.deleteToStart"
    case stepperIncrease = "stepper.increase"
    case stepperDecrease = "stepper.decrease"
    case calendarPreviousDay = "calendar.previousDay"
    case calendarNextDay = "calendar.nextDay"
    case calendarPreviousWeek = "calendar.previousWeek"
    case calendarNextWeek = "calendar.nextWeek"
    case calendarPreviousMonth = "calendar.previousMonth"
    case calendarNextMonth = "calendar.nextMonth"
    case calendarToday = "calendar.today"
    case dialogNext = "dialog.next"
    case dialogPrevious = "dialog.previous"
    case confirm = "global.confirm"
    case cancel = "global.cancel"
    case nextTab = "global.nextTab"
    case previousTab = "global.previousTab"

    /// The widget command `key` runs in one of `scopes`, if any.
    static func resolve(_ key: Key, in keymap: Keymap, scopes: [String]) -> WidgetCommand? {
        keymap.command(for: key, scopes: scopes).flatMap(WidgetCommand.init(rawValue:))
    }
}
