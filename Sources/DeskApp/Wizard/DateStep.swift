import BookingCore
import TerminalUI

/// Termin: the day of pick-up and the day of return, typed as dates. The return day
/// follows the pick-up day until it is edited, so a same-day rental needs one Enter.
struct DateStep {
    private(set) var fields: [TextField]
    private(set) var focus = 0
    private var returnFollowsPickup = true

    static let labels: [MessageKey] = [.fieldPickupDate, .fieldReturnDate]

    init(date: LocalDate, text: MessageCatalog) {
        let shown = text.date(date)
        fields = [TextField(text: shown, maxLength: 10), TextField(text: shown, maxLength: 10)]
    }

    /// Fills in the days of an order taken before, e.g. one the server refused.
    mutating func prefill(pickup: LocalDate, back: LocalDate, text: MessageCatalog) {
        fields[0].text = text.date(pickup)
        fields[1].text = text.date(back)
        returnFollowsPickup = pickup == back
    }

    /// Handles a key of the step; `.submitted` means the person wants to go on.
    mutating func handle(_ key: Key, context: DeskContext) -> Outcome {
        switch FormKeys.route(key, context: context) {
        case .next: focus = (focus + 1) % fields.count
        case .previous: focus = (focus + fields.count - 1) % fields.count
        case .submit: return .submitted
        case .field:
            guard fields[focus].handle(key, keymap: context.keymap) == .changed else {
                return .ignored
            }
            edited(context: context)
            return .changed
        case .other:
            return .ignored
        }
        return .handled
    }

    private mutating func edited(context: DeskContext) {
        fields[focus].message = nil
        if focus == 1 {
            returnFollowsPickup = false
        } else if returnFollowsPickup {
            fields[1].text = fields[0].text
            fields[1].message = nil
        }
    }

    /// The two dates, or nil with a message at each field that is wrong.
    mutating func validate(
        context: DeskContext, pickupBranch: Branch?, returnBranch: Branch?
    ) -> (pickup: LocalDate, return: LocalDate)? {
        let text = context.text
        let dates = fields.map { TypedInput.date($0.text, today: context.today) }
        for index in fields.indices {
            fields[index].message = dates[index] == nil ? text.entry(.invalidDate) : nil
        }
        guard let pickup = dates[0], let back = dates[1] else { return focusFirstProblem() }
        fields[0].text = text.date(pickup)
        fields[1].text = text.date(back)
        if pickup < context.today {
            fields[0].message = text.entry(.pickupBeforeToday)
        }
        if back < pickup {
            fields[1].message = text.entry(.returnBeforePickup)
        } else if pickup.distance(to: back) > OrderDraft.maximumDays {
            fields[1].message = text.text(.rentalTooLong, String(OrderDraft.maximumDays))
        }
        for (index, (date, branch)) in [(pickup, pickupBranch), (back, returnBranch)].enumerated() {
            guard fields[index].message == nil, let branch,
                branch.closedWeekdays.contains(date.isoWeekday)
            else { continue }
            let day = text.weekdayShort(date.isoWeekday) + " " + text.date(date)
            fields[index].message = text.text(.branchClosedOn, branch.name, day)
        }
        return fields.allSatisfy({ $0.message == nil }) ? (pickup, back) : focusFirstProblem()
    }

    private mutating func focusFirstProblem() -> (pickup: LocalDate, return: LocalDate)? {
        focus = fields.firstIndex { $0.message != nil } ?? focus
        return nil
    }

    mutating func draw(in canvas: Canvas, context: DeskContext) {
        for (index, label) in Self.labels.enumerated() {
            let row = index * 3
            canvas.put(context.text.entry(label), row: row, column: 0, width: 16, role: .normal)
            fields[index].draw(
                in: canvas.sub(Rect(row: row, column: 17, rows: 1, columns: 12)),
                focused: index == focus)
            if let message = fields[index].message {
                canvas.put(
                    message, row: row + 1, column: 17, width: canvas.columns - 17, role: .error)
            }
        }
    }
}

/// How a key in a form of text fields is meant: the keymap's field commands and Enter, or
/// a key for the field itself. Typed characters always go to the field, so `?` or `n` can
/// be typed in a name even where the keymap binds them elsewhere.
enum FormKeys {
    enum Route {
        case next, previous, submit, field, other
    }

    static func route(_ key: Key, context: DeskContext) -> Route {
        let command = context.command(for: key, scopes: ["field", "wizard", "global"])
        if case .character = key, command?.scope != "field" { return .field }
        switch command {
        case .nextField?: return .next
        case .previousField?: return .previous
        case .confirm?: return .submit
        case let command? where command.scope == "field": return .field
        case nil: return .field
        default: return .other
        }
    }
}
