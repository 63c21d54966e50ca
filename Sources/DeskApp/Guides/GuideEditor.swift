import BookingAPI
import BookingCore
import DeskClient
import TerminalUI

/// A tour guide's record: contract number, name, address, phones, bank details and tax
/// numbers, in two columns. The IBAN is checked with BookingCore's check (the one the
/// server decodes with) before anything is sent, and a refusal of the server appears
/// under the field it names.
struct GuideEditor {
    enum Field: Int, CaseIterable {
        case contractNumber, name, email, street, houseNumber, postalCode, city, country
        case phone, otherPhone, accountHolder, iban, bic, taxNumber, vatID

        var label: MessageKey {
            switch self {
            case .contractNumber: return .fieldContractNumber
            case .name: return .fieldName
            case .email: return .fieldEmail
            case .street: return .fieldStreet
            case .houseNumber: return .fieldHouseNumber
            case .postalCode: return .fieldPostalCode
            case .city: return .fieldCity
            case .country: return .fieldCountry
            case .phone: return .fieldPhone
            case .otherPhone: return .fieldOtherPhone
            case .accountHolder: return .fieldAccountHolder
            case .iban: return .fieldIBAN
            case .bic: return .fieldBIC
            case .taxNumber: return .fieldTaxNumber
            case .vatID: return .fieldVATID
            }
        }

        var isRequired: Bool { self == .contractNumber || self == .name }
    }

    /// The guide being edited; nil for a new one.
    let guide: GuideRecord?
    private(set) var form: EntryForm
    var isSending = false

    init(guide: GuideRecord?, text: MessageCatalog) {
        self.guide = guide
        form = EntryForm(
            fields: Field.allCases.map { field in
                .text(
                    text.entry(field.label), Self.value(of: field, in: guide?.data),
                    maxLength: field == .contractNumber ? 50 : 200, required: field.isRequired)
            })
    }

    /// What a field shows of a stored record.
    private static func value(of field: Field, in data: GuideData?) -> String {
        guard let data else { return "" }
        let address = data.address
        let phones = data.phones
        switch field {
        case .contractNumber: return data.contractNumber
        case .name: return data.name
        case .email: return data.email ?? ""
        case .street: return address?.street ?? ""
        case .houseNumber: return address?.houseNumber ?? ""
        case .postalCode: return address?.postalCode ?? ""
        case .city: return address?.city ?? ""
        case .country: return address?.country ?? ""
        case .phone: return phones.first ?? ""
        case .otherPhone: return phones.count > 1 ? phones[1] : ""
        case .accountHolder: return data.bank?.accountHolder ?? ""
        case .iban: return data.bank?.iban.description ?? ""
        case .bic: return data.bank?.bic ?? ""
        case .taxNumber: return data.taxNumber ?? ""
        case .vatID: return data.vatID ?? ""
        }
    }

    mutating func handle(_ key: Key, context: DeskContext) -> Outcome {
        form.handle(key, context: context)
    }

    private func value(_ field: Field) -> String? { form.optionalText(field.rawValue) }

    // MARK: - Checking

    /// The record to send, or nil with a sentence at each field that is wrong.
    mutating func data(context: DeskContext) -> GuideData? {
        let text = context.text
        form.clearMessages()
        _ = form.checkRequired(sentence: text.entry(.required))
        if let email = value(.email), !CustomerEntry.looksLikeEmail(email) {
            form.setMessage(text.entry(.invalidEmail), at: Field.email.rawValue)
        }
        let bank = bankDetails(context: context)
        guard !form.hasProblems else { return nil }
        return GuideData(
            contractNumber: value(.contractNumber) ?? "", name: value(.name) ?? "",
            email: value(.email), address: address,
            phones: [value(.phone), value(.otherPhone)]
                .compactMap { $0 }, bank: bank, taxNumber: value(.taxNumber),
            vatID: value(.vatID))
    }

    private var address: PostalAddress? {
        let parts: [Field] = [.street, .houseNumber, .postalCode, .city, .country]
        guard parts.contains(where: { value($0) != nil }) else { return nil }
        return PostalAddress(
            street: value(.street), houseNumber: value(.houseNumber),
            postalCode: value(.postalCode), city: value(.city), country: value(.country))
    }

    /// The bank details when an IBAN is typed: it must pass the check digits and needs
    /// an account holder; a holder or BIC without an IBAN is a mistake too.
    private mutating func bankDetails(context: DeskContext) -> BankDetails? {
        let text = context.text
        guard let typed = value(.iban) else {
            if value(.accountHolder) != nil || value(.bic) != nil {
                form.setMessage(text.entry(.ibanMissing), at: Field.iban.rawValue)
            }
            return nil
        }
        guard let iban = IBAN(typed) else {
            form.setMessage(text.entry(.ibanInvalid), at: Field.iban.rawValue)
            return nil
        }
        form.setText(iban.description, at: Field.iban.rawValue)
        guard let holder = value(.accountHolder) else {
            form.setMessage(text.entry(.required), at: Field.accountHolder.rawValue)
            return nil
        }
        guard let typedBIC = value(.bic) else {
            return BankDetails(accountHolder: holder, iban: iban, bic: nil)
        }
        guard let bic = BIC.normalized(typedBIC) else {
            form.setMessage(text.entry(.bicInvalid), at: Field.bic.rawValue)
            return nil
        }
        form.setText(bic, at: Field.bic.rawValue)
        return BankDetails(accountHolder: holder, iban: iban, bic: bic)
    }

    /// Puts the server's refusal under the field it names; false when it names none.
    mutating func refused(_ failure: DeskClientError, context: DeskContext) -> Bool {
        isSending = false
        let text = context.text
        switch failure {
        case .conflict:
            // The only conflict of a guide's record: another guide has the contract number.
            form.setMessage(text.entry(.contractNumberTaken), at: Field.contractNumber.rawValue)
        case .invalidInput(_, _, let name?):
            guard let (field, sentence) = Self.field(named: name) else { return false }
            form.setMessage(text.entry(sentence), at: field.rawValue)
        default:
            return false
        }
        return true
    }

    /// The field and sentence for a field name of the server's error envelope.
    private static func field(named name: String) -> (Field, MessageKey)? {
        switch name {
        case "contractNumber": return (.contractNumber, .guideFieldRefused)
        case "name": return (.name, .guideFieldRefused)
        case "email": return (.email, .invalidEmail)
        case "phones": return (.phone, .guideFieldRefused)
        case "bank.bic": return (.bic, .bicInvalid)
        case _ where name.hasPrefix("bank"): return (.iban, .ibanInvalid)
        case _ where name.hasPrefix("address"): return (.street, .guideFieldRefused)
        default: return nil
        }
    }

    mutating func draw(in canvas: Canvas, context: DeskContext) {
        let text = context.text
        let title =
            guide.map { text.text(.guideEditTitle, $0.data.name) } ?? text.entry(.guideNewTitle)
        canvas.put(title, row: 0, column: 0, width: canvas.columns, role: .header)
        let (body, hint) = canvas.area.inset(top: 1).splitBottom(1)
        form.draw(in: canvas.sub(body), twoColumns: true)
        canvas.put(
            text.text(
                .formHint, context.keyName(.confirm), context.keyName(.nextField),
                context.keyName(.cancel)),
            row: hint.row, column: 0, width: canvas.columns, role: .dim)
    }
}

/// The user name for a guide's log-in; the server makes the password and mails it to the
/// guide's address.
struct GuideAccessForm {
    let guide: GuideRecord
    private(set) var form: EntryForm
    var isSending = false

    init(guide: GuideRecord, text: MessageCatalog) {
        self.guide = guide
        form = EntryForm(fields: [
            .text(
                text.entry(.fieldUsername), Self.suggestedUsername(for: guide.data.name),
                maxLength: 64, required: true)
        ])
    }

    /// The first name in lower case, without anything but ASCII letters and digits.
    static func suggestedUsername(for name: String) -> String {
        let first = name.split(separator: " ").first.map(String.init) ?? ""
        let plain = first.lowercased().replacingOccurrences(of: "ä", with: "ae")
            .replacingOccurrences(of: "ö", with: "oe").replacingOccurrences(of: "ü", with: "ue")
            .replacingOccurrences(of: "ß", with: "ss")
        let kept = plain.unicodeScalars.filter {
            ("a"..."z").contains($0) || ("0"..."9").contains($0)
        }
        return String(String.UnicodeScalarView(kept))
    }

    mutating func handle(_ key: Key, context: DeskContext) -> Outcome {
        form.handle(key, context: context)
    }

    /// The request, or nil with a sentence at the field.
    mutating func request(context: DeskContext) -> GuideAccessRequest? {
        form.clearMessages()
        guard form.checkRequired(sentence: context.text.entry(.required)) else { return nil }
        let username = form.text(0)
        guard !username.contains(" ") else {
            form.setMessage(context.text.entry(.usernameNoSpaces), at: 0)
            return nil
        }
        return GuideAccessRequest(username: username)
    }

    /// A refusal at the field: a taken or unusable user name.
    mutating func refused(_ failure: DeskClientError, context: DeskContext) -> Bool {
        isSending = false
        switch failure {
        case .conflict: form.setMessage(context.text.entry(.usernameTaken), at: 0)
        case .invalidInput(_, _, "username"?):
            form.setMessage(context.text.entry(.usernameNoSpaces), at: 0)
        default: return false
        }
        return true
    }

    mutating func draw(in canvas: Canvas, context: DeskContext) {
        let text = context.text
        canvas.put(
            text.text(.guideAccessTitle, guide.data.name), row: 0, column: 0,
            width: canvas.columns, role: .header)
        form.draw(in: canvas.sub(canvas.area.inset(top: 2)))
        let note = text.text(.guideAccessNote, guide.data.email ?? "")
        for (index, line) in TextWrap.lines(note, width: max(1, canvas.columns)).prefix(3)
            .enumerated()
        {
            canvas.put(line, row: 5 + index, column: 0, role: .dim)
        }
    }
}
