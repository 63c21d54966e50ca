import BookingAPI
import TerminalUI

/// Daten: the customer's name, address and contact, and the accepted terms. Two columns of
/// six fields; Tab and Enter walk the fields in the order of the paper form, and Enter on
/// the last one goes on. Messages appear under the field they are about.
struct CustomerStep {
    private(set) var fields: [CustomerField: TextField] = [:]
    private(set) var salutation = Salutation.none
    private(set) var termsAccepted = false
    private(set) var focus = CustomerField.salutation
    private(set) var problems: [CustomerField: MessageKey] = [:]

    init(text: MessageCatalog) {
        for field in CustomerField.allCases where field != .salutation && field != .terms {
            fields[field] = TextField(maxLength: CustomerEntry.maximumLength + 1)
        }
        fields[.country]?.text = text.entry(.defaultCountry)
    }

    /// Fills in the customer of an order taken before.
    mutating func prefill(_ customer: CustomerData, text: MessageCatalog) {
        let values: [CustomerField: String?] = [
            .firstName: customer.firstName, .lastName: customer.lastName, .email: customer.email,
            .street: customer.street, .houseNumber: customer.houseNumber,
            .postalCode: customer.postalCode, .city: customer.city, .country: customer.country,
            .phone: customer.phone, .note: customer.note,
        ]
        for (field, value) in values {
            fields[field]?.text = value ?? ""
        }
        salutation =
            Salutation.allCases.first { text.entry($0.label) == customer.salutation } ?? .none
        termsAccepted = customer.termsAccepted
    }

    /// What has been typed, for checking and sending.
    var entry: CustomerEntry {
        var entry = CustomerEntry(country: "")
        for (field, input) in fields {
            entry[field] = input.text
        }
        entry.salutation = salutation
        entry.termsAccepted = termsAccepted
        return entry
    }

    // MARK: - Keys

    mutating func handle(_ key: Key, context: DeskContext) -> Outcome {
        if focus == .salutation || focus == .terms {
            let command = context.command(for: key, scopes: ["stepper", "list", "field", "wizard"])
            switch command {
            case .increase?, .decrease?, .listToggle?:
                toggle(forward: command != .decrease)
                return .changed
            default:
                break
            }
            if case .character = key {
                // The salutation takes no text: staff who type a name at once mean the first
                // name, and a name typed into nothing would be lost without a word.
                guard focus == .salutation else { return .ignored }
                focus = .firstName
            }
        }
        return handleField(key, context: context)
    }

    private mutating func handleField(_ key: Key, context: DeskContext) -> Outcome {
        switch FormKeys.route(key, context: context) {
        case .next: move(by: 1)
        case .previous: move(by: -1)
        case .submit:
            if focus == CustomerField.allCases.last { return .submitted }
            move(by: 1)
        case .field:
            guard fields[focus]?.handle(key, keymap: context.keymap) == .changed else {
                return .ignored
            }
            problems[focus] = nil
            return .changed
        case .other:
            return .ignored
        }
        return .handled
    }

    private mutating func toggle(forward: Bool) {
        if focus == .terms {
            termsAccepted.toggle()
            problems[.terms] = nil
            return
        }
        let count = Salutation.allCases.count
        salutation =
            Salutation(rawValue: (salutation.rawValue + (forward ? 1 : count - 1)) % count)
            ?? .none
    }

    private mutating func move(by offset: Int) {
        let all = CustomerField.allCases
        let count = all.count
        focus = all[(focus.rawValue + offset + count) % count]
    }

    /// Checks every field; on problems the cursor goes to the first one.
    mutating func validate() -> Bool {
        problems = entry.problems()
        if let first = CustomerField.allCases.first(where: { problems[$0] != nil }) {
            focus = first
        }
        return problems.isEmpty
    }

    // MARK: - Drawing

    /// Left column: Anrede to Hausnummer; right column: PLZ to AGB.
    mutating func draw(in canvas: Canvas, context: DeskContext) {
        let half = CustomerField.allCases.count / 2
        let columnWidth = (canvas.columns - 2) / 2
        for field in CustomerField.allCases {
            let column = field.rawValue < half ? 0 : columnWidth + 2
            let row = (field.rawValue % half) * 2
            let area = canvas.sub(Rect(row: row, column: column, rows: 2, columns: columnWidth))
            drawField(field, in: area, context: context)
        }
    }

    private mutating func drawField(_ field: CustomerField, in area: Canvas, context: DeskContext) {
        let text = context.text
        let labelWidth = 17
        let label = text.entry(field.label) + (field.isRequired ? "*" : "")
        area.put(label, row: 0, column: 0, width: labelWidth - 1, role: .normal)
        let input = area.sub(
            Rect(row: 0, column: labelWidth, rows: 2, columns: area.columns - labelWidth))
        let focused = field == focus
        let message = problems[field].map { text.entry($0) }
        switch field {
        case .salutation:
            input.put(
                "‹ " + text.entry(salutation.label) + " ›", row: 0, column: 0,
                width: input.columns, role: focused ? .selected : .input)
        case .terms:
            input.put(
                termsAccepted ? "[x]" : "[ ]", row: 0, column: 0, role: focused ? .selected : .input
            )
        default:
            fields[field]?.draw(in: input, focused: focused)
        }
        if let message {
            area.put(message, row: 1, column: 0, width: area.columns, role: .error)
        }
    }
}
