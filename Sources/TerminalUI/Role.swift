/// The semantic style of a cell. Screens say what a cell is; the theme says how it looks,
/// so the same screen works in colour, in high contrast and in monochrome.
///
/// The raw values are the names used in theme files.
public enum Role: UInt8, CaseIterable, Sendable {
    /// Plain text on the screen's background.
    case normal
    /// Screen and panel titles.
    case title
    /// Box lines and separators.
    case border
    /// Column headers and weekday names.
    case header
    /// Less important text: hints, days outside the month, disabled items.
    case dim
    /// The selected row or day of the focused widget.
    case selected
    /// The selected row of a widget that does not have the focus.
    case highlight
    /// The cell under a text field's cursor.
    case cursor
    /// The inside of a text field or stepper.
    case input
    /// A dialog button without focus.
    case button
    /// The dialog button that Enter would press.
    case buttonFocused
    /// A tab that is not shown.
    case tab
    /// The tab that is shown.
    case tabActive
    /// A wizard step already done.
    case stepDone
    /// The wizard step being worked on.
    case stepCurrent
    /// A wizard step still to come.
    case stepTodo
    /// The status line.
    case status
    /// Something to notice, e.g. offline or unsent orders.
    case warning
    /// Something that went wrong, e.g. a validation message.
    case error
    /// Something that went right, e.g. an order was saved.
    case success
    /// Availability: enough units free.
    case free
    /// Availability: only a few units left.
    case few
    /// Availability: nothing left.
    case none
    /// Availability: closed on that day.
    case closed
    /// Today's date in a calendar.
    case today
    /// Key names in help texts.
    case keyName

    /// The name of the role in theme files, e.g. `buttonFocused`.
    public var name: String { String(describing: self) }

    /// The role with the given theme-file name.
    public init?(name: String) {
        guard let role = Role.allCases.first(where: { $0.name == name }) else { return nil }
        self = role
    }
}
