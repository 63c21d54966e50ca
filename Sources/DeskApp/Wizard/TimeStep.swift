import BookingCore
import Foundation
import TerminalUI

/// Zeit: pick-up and return time, pick-up and return branch, and the number of persons.
/// Times default to the branch's opening hours (from the next quarter hour, for a pick-up
/// today; see `TimeProposal`).
struct TimeStep {
    enum Field: Int, CaseIterable {
        case pickupTime, returnTime, pickupBranch, returnBranch, persons

        var label: MessageKey {
            switch self {
            case .pickupTime: return .fieldPickupTime
            case .returnTime: return .fieldReturnTime
            case .pickupBranch: return .fieldPickupBranch
            case .returnBranch: return .fieldReturnBranch
            case .persons: return .fieldPersons
            }
        }
    }

    private(set) var times: [TextField] = [TextField(maxLength: 5), TextField(maxLength: 5)]
    private(set) var branches: [Branch]
    private(set) var pickupBranch: Int
    private(set) var returnBranch: Int
    private(set) var persons = QuantityStepper(value: 1, range: 1...99)
    private(set) var focus = Field.pickupTime
    private(set) var branchMessage: [Field: String] = [:]
    /// The pick-up branch that had closed today when the times were proposed for its next
    /// opening day (`days`); said on the step.
    private(set) var closedToday: Branch?
    /// Whether a proposal already moved the days on: it does so once per order.
    private var movedOn = false
    /// The days chosen in Termin, and whether their proposal may move them on; a change of
    /// branch proposes again from them.
    private var choice: (pickup: LocalDate, return: LocalDate, mayMoveOn: Bool)?
    /// The days of the last proposal: those chosen, or the next opening day's.
    private(set) var days: (pickup: LocalDate, return: LocalDate)?
    private var timesEdited = false

    init(branches: [Branch], branch: BranchID) {
        self.branches = branches
        pickupBranch = branches.firstIndex { $0.id == branch } ?? 0
        returnBranch = pickupBranch
    }

    var pickup: Branch? { branches.indices.contains(pickupBranch) ? branches[pickupBranch] : nil }
    var returning: Branch? {
        branches.indices.contains(returnBranch) ? branches[returnBranch] : nil
    }

    /// Fills in the times, branches and persons of an order taken before; they count as
    /// typed, so choosing other days keeps them.
    mutating func prefill(
        start: LocalTime, end: LocalTime, pickup: BranchID, returning: BranchID, persons: Int
    ) {
        times[0].text = start.description
        times[1].text = end.description
        timesEdited = true
        pickupBranch = branches.firstIndex { $0.id == pickup } ?? pickupBranch
        returnBranch = branches.firstIndex { $0.id == returning } ?? pickupBranch
        self.persons = QuantityStepper(value: persons, range: 1...99)
    }

    /// Fills in the proposed times for the chosen days, unless the times were typed; `days`
    /// then holds the days, moved on to the next opening day when the pick-up branch has
    /// closed today. The sentences of an earlier check go: they were about other days or
    /// times, and leaving the step checks again.
    mutating func suggestTimes(pickupDate: LocalDate, returnDate: LocalDate, context: DeskContext) {
        choice = (pickupDate, returnDate, !movedOn)
        days = (pickupDate, returnDate)
        propose(context: context)
    }

    /// Proposes times (and perhaps days) for the days chosen in Termin at the branches now
    /// set, into `times` and `days`; typed times and their days stay.
    private mutating func propose(context: DeskContext) {
        closedToday = nil
        for index in times.indices { times[index].message = nil }
        branchMessage = [:]
        guard !timesEdited, let choice, let pickup, let returning else { return }

        let proposal = TimeProposal(
            pickup: pickup, returning: returning, pickupDate: choice.pickup,
            returnDate: choice.return, now: context.calendar.local(context.now),
            mayMoveOn: choice.mayMoveOn)
        times[0].text = proposal.start.description
        times[1].text = proposal.end.description
        if proposal.movedFromToday {
            closedToday = pickup
            movedOn = true
        }
        days = (proposal.pickupDate, proposal.returnDate)
    }

    // MARK: - Keys

    mutating func handle(_ key: Key, context: DeskContext) -> Outcome {
        switch focus {
        case .pickupTime, .returnTime:
            return handleTime(key, context: context)
        case .pickupBranch, .returnBranch:
            return handleChoice(key, context: context)
        case .persons:
            return handlePersons(key, context: context)
        }
    }

    private mutating func handleTime(_ key: Key, context: DeskContext) -> Outcome {
        switch FormKeys.route(key, context: context) {
        case .field:
            guard times[focus.rawValue].handle(key, keymap: context.keymap) == .changed else {
                return .ignored
            }
            times[focus.rawValue].message = nil
            timesEdited = true
            return .changed
        case let route:
            return move(route)
        }
    }

    /// Branches change with the stepper keys (Left/Right, +/-) or Space.
    private mutating func handleChoice(_ key: Key, context: DeskContext) -> Outcome {
        let command = context.command(for: key, scopes: ["stepper", "list", "field", "wizard"])
        let step: Int
        switch command {
        case .increase?, .listToggle?: step = 1
        case .decrease?: step = -1
        default: return move(FormKeys.route(key, context: context))
        }
        guard !branches.isEmpty else { return .handled }
        let count = branches.count
        if focus == .pickupBranch {
            let followed = returnBranch == pickupBranch
            pickupBranch = (pickupBranch + step + count) % count
            if followed { returnBranch = pickupBranch }
        } else {
            returnBranch = (returnBranch + step + count) % count
        }
        branchMessage = [:]
        // Other branches keep other hours: what was proposed for the first may not fit.
        propose(context: context)
        return .changed
    }

    private mutating func handlePersons(_ key: Key, context: DeskContext) -> Outcome {
        let command = context.command(for: key, scopes: ["stepper", "field", "wizard", "global"])
        if command?.scope == "stepper" || key.scalar.map({ ("0"..."9").contains($0) }) == true {
            return persons.handle(key, keymap: context.keymap)
        }
        return move(FormKeys.route(key, context: context))
    }

    private mutating func move(_ route: FormKeys.Route) -> Outcome {
        let count = Field.allCases.count
        switch route {
        case .next: focus = Field(rawValue: (focus.rawValue + 1) % count) ?? .pickupTime
        case .previous: focus = Field(rawValue: (focus.rawValue + count - 1) % count) ?? .persons
        case .submit: return .submitted
        case .field, .other: return .ignored
        }
        return .handled
    }

    // MARK: - Checking

    /// The rental period, or nil with a message at each field that is wrong.
    mutating func validate(
        pickupDate: LocalDate, returnDate: LocalDate, context: DeskContext
    ) -> Period? {
        let text = context.text
        let parsed = times.map { TypedInput.time($0.text) }
        for index in times.indices {
            times[index].message = parsed[index] == nil ? text.entry(.invalidTime) : nil
        }
        branchMessage = [:]
        guard let start = parsed[0], let end = parsed[1], let pickup, let returning else {
            return focusFirstProblem()
        }
        times[0].text = start.description
        times[1].text = end.description
        check(start, isOpenAt: pickup, on: pickupDate, field: .pickupTime, context: context)
        check(end, isOpenAt: returning, on: returnDate, field: .returnTime, context: context)
        let calendar = context.calendar
        let begins = calendar.instant(pickupDate, start)
        let ends = calendar.instant(returnDate, end)
        guard ends > begins else {
            times[1].message = times[1].message ?? text.entry(.returnBeforePickup)
            return focusFirstProblem()
        }
        guard times.allSatisfy({ $0.message == nil }), branchMessage.isEmpty,
            let period = try? Period(start: begins, end: ends)
        else { return focusFirstProblem() }
        return period
    }

    /// A pick-up must fall in the opening hours, a return may be at closing time.
    private mutating func check(
        _ time: LocalTime, isOpenAt branch: Branch, on date: LocalDate, field: Field,
        context: DeskContext
    ) {
        let text = context.text
        let branchField: Field = field == .pickupTime ? .pickupBranch : .returnBranch
        if branch.closedWeekdays.contains(date.isoWeekday) {
            let day = text.weekdayShort(date.isoWeekday) + " " + text.date(date)
            branchMessage[branchField] = text.text(.branchClosedOn, branch.name, day)
            return
        }
        let inside =
            field == .pickupTime
            ? time >= branch.opens && time < branch.closes
            : time > branch.opens && time <= branch.closes
        guard !inside else { return }
        times[field.rawValue].message = text.text(
            .outsideOpeningHours, branch.name, text.time(branch.opens), text.time(branch.closes))
    }

    private mutating func focusFirstProblem() -> Period? {
        if times[0].message != nil {
            focus = .pickupTime
        } else if times[1].message != nil {
            focus = .returnTime
        } else if let field = branchMessage.keys.min(by: { $0.rawValue < $1.rawValue }) {
            focus = field
        }
        return nil
    }

    // MARK: - Drawing

    mutating func draw(in canvas: Canvas, context: DeskContext) {
        let width = min(40, canvas.columns - 17)
        for field in Field.allCases {
            let row = field.rawValue * 3
            canvas.put(
                context.text.entry(field.label), row: row, column: 0, width: 16, role: .normal)
            let area = canvas.sub(Rect(row: row, column: 17, rows: 2, columns: width))
            let focused = field == focus
            switch field {
            case .pickupTime, .returnTime:
                times[field.rawValue].draw(
                    in: canvas.sub(Rect(row: row, column: 17, rows: 1, columns: 7)),
                    focused: focused)
                if let message = times[field.rawValue].message {
                    canvas.put(
                        message, row: row + 1, column: 17, width: canvas.columns - 17,
                        role: .error)
                }
            case .pickupBranch, .returnBranch:
                drawChoice(
                    field,
                    in: canvas.sub(
                        Rect(row: row, column: 17, rows: 2, columns: canvas.columns - 17)),
                    width: width, focused: focused)
            case .persons:
                persons.draw(in: area, focused: focused)
            }
        }
        // Right under the last field, so that it fits under the offline banner at 80×24.
        drawClosedToday(in: canvas, row: Field.allCases.count * 3 - 1, context: context)
    }

    /// Why the proposal is for another day, and how to choose one.
    private func drawClosedToday(in canvas: Canvas, row: Int, context: DeskContext) {
        guard let branch = closedToday, let proposed = days?.pickup else { return }
        let text = context.text
        let day = text.weekdayShort(proposed.isoWeekday) + " " + text.date(proposed)
        canvas.put(
            text.text(.closedForPickupsToday, branch.name, text.time(branch.closes)), row: row,
            column: 0, width: canvas.columns, role: .warning)
        canvas.put(
            text.text(.nextOpeningDayProposed, day, context.keyName(.cancel)), row: row + 1,
            column: 0, width: canvas.columns, role: .warning)
    }

    private func drawChoice(_ field: Field, in area: Canvas, width: Int, focused: Bool) {
        let index = field == .pickupBranch ? pickupBranch : returnBranch
        let name = branches.indices.contains(index) ? branches[index].name : ""
        area.put(
            "‹ " + name + " ›", row: 0, column: 0, width: width,
            role: focused ? .selected : .input)
        if let message = branchMessage[field] {
            area.put(message, row: 1, column: 0, width: area.columns, role: .error)
        }
    }
}
