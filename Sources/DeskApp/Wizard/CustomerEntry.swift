import BookingAPI

/// The fields of the wizard's Daten step, in the order the cursor visits them.
public enum CustomerField: Int, CaseIterable, Sendable {
    case salutation, firstName, lastName, email, street, houseNumber, postalCode, city
    case country, phone, note, terms

    /// Whether the step cannot go on while the field is empty (`*` on screen).
    public var isRequired: Bool {
        self == .lastName || self == .email || self == .terms
    }

    public var label: MessageKey {
        switch self {
        case .salutation: return .fieldSalutation
        case .firstName: return .fieldFirstName
        case .lastName: return .fieldLastName
        case .email: return .fieldEmail
        case .street: return .fieldStreet
        case .houseNumber: return .fieldHouseNumber
        case .postalCode: return .fieldPostalCode
        case .city: return .fieldCity
        case .country: return .fieldCountry
        case .phone: return .fieldPhone
        case .note: return .fieldNote
        case .terms: return .fieldTerms
        }
    }
}

/// The salutations the desk offers; stored on the order as the word shown.
public enum Salutation: Int, CaseIterable, Sendable {
    case none, ms, mr

    public var label: MessageKey {
        switch self {
        case .none: return .salutationNone
        case .ms: return .salutationMs
        case .mr: return .salutationMr
        }
    }
}

/// What has been typed in the Daten step, before it is checked.
public struct CustomerEntry: Sendable, Equatable {
    public var salutation = Salutation.none
    public var texts: [CustomerField: String] = [:]
    public var termsAccepted = false

    /// The longest text a field takes; longer input is refused at the field rather than
    /// sent to the server.
    public static let maximumLength = 200

    public init(country: String) {
        texts[.country] = country
    }

    public subscript(field: CustomerField) -> String {
        get { texts[field] ?? "" }
        set { texts[field] = newValue }
    }

    /// The problem of each field that has one, as the sentence to show beside it.
    public func problems() -> [CustomerField: MessageKey] {
        var problems: [CustomerField: MessageKey] = [:]
        for field in CustomerField.allCases where field != .terms && field != .salutation {
            let value = trimmed(field)
            if field.isRequired && value.isEmpty {
                problems[field] = .required
            } else if value.count > Self.maximumLength {
                problems[field] = .fieldTooLong
            }
        }
        if problems[.email] == nil && !Self.looksLikeEmail(trimmed(.email)) {
            problems[.email] = .invalidEmail
        }
        if !termsAccepted {
            problems[.terms] = .termsRequired
        }
        return problems
    }

    /// The customer as the API takes it; empty optional fields become nil.
    public func customerData(catalog: MessageCatalog) -> CustomerData {
        func optional(_ field: CustomerField) -> String? {
            let value = trimmed(field)
            return value.isEmpty ? nil : value
        }
        return CustomerData(
            salutation: salutation == .none ? nil : catalog.entry(salutation.label),
            firstName: optional(.firstName), lastName: trimmed(.lastName),
            email: trimmed(.email), street: optional(.street),
            houseNumber: optional(.houseNumber), postalCode: optional(.postalCode),
            city: optional(.city), country: optional(.country), phone: optional(.phone),
            note: optional(.note), termsAccepted: termsAccepted)
    }

    /// The customer's name as the desk shows it: "Vorname Nachname".
    public var displayName: String {
        [trimmed(.firstName), trimmed(.lastName)].filter { !$0.isEmpty }.joined(separator: " ")
    }

    private func trimmed(_ field: CustomerField) -> String {
        self[field].trimmingSpaces()
    }

    /// A plain shape check, the way a person would read an address: one `@`, something
    /// before it, a domain with a dot inside after it, no spaces. Whether the mailbox exists
    /// is for the mail to find out.
    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: \.isWhitespace)
        else { return false }
        let domain = parts[1]
        guard let dot = domain.lastIndex(of: "."), dot != domain.startIndex else { return false }
        return domain.index(after: dot) != domain.endIndex && !domain.contains("..")
    }
}

extension String {
    /// Without leading and trailing white space; Foundation-free so the hot paths stay lean.
    func trimmingSpaces() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
