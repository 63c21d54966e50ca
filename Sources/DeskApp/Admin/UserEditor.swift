import BookingAPI
import BookingCore
import DeskClient
import TerminalUI

/// The form for a new staff user: user name, name and e-mail. The server makes the
/// password and mails it; the desk never sees it.
struct NewUserForm {
    enum Field: Int {
        case username, name, email
    }

    private(set) var form: EntryForm
    /// Sent and not answered yet: Enter does not send it twice.
    var isSending = false

    init(text: MessageCatalog) {
        form = EntryForm(fields: [
            .text(text.entry(.fieldUsername), maxLength: 64, required: true),
            .text(text.entry(.fieldName), required: true),
            .text(text.entry(.fieldEmail), maxLength: 254, required: true),
        ])
    }

    mutating func handle(_ key: Key, context: DeskContext) -> Outcome {
        form.handle(key, context: context)
    }

    /// The request, or nil with a sentence at each field that is wrong.
    mutating func request(context: DeskContext) -> NewUserRequest? {
        let text = context.text
        form.clearMessages()
        guard form.checkRequired(sentence: text.entry(.required)) else { return nil }
        let username = form.text(Field.username.rawValue)
        if username.contains(" ") {
            form.setMessage(text.entry(.usernameNoSpaces), at: Field.username.rawValue)
        }
        let email = form.text(Field.email.rawValue)
        if !CustomerEntry.looksLikeEmail(email) {
            form.setMessage(text.entry(.invalidEmail), at: Field.email.rawValue)
        }
        guard !form.hasProblems else { return nil }
        return NewUserRequest(
            username: username, name: form.text(Field.name.rawValue), email: email)
    }

    /// Puts the server's refusal under the field it is about; false when it is about none
    /// (the screen shows it on the message line then).
    mutating func refused(_ failure: DeskClientError, context: DeskContext) -> Bool {
        isSending = false
        let text = context.text
        switch failure {
        case .conflict:
            // The only conflict of a new user: the name is someone's already.
            form.setMessage(text.entry(.usernameTaken), at: Field.username.rawValue)
        case .invalidInput(_, _, let field?):
            guard let index = ["username", "name", "email"].firstIndex(of: field) else {
                return false
            }
            let key: MessageKey =
                index == Field.email.rawValue
                ? .invalidEmail : index == Field.username.rawValue ? .usernameNoSpaces : .required
            form.setMessage(text.entry(key), at: index)
        default:
            return false
        }
        return true
    }

    mutating func draw(in canvas: Canvas, context: DeskContext) {
        let text = context.text
        canvas.put(
            text.entry(.newUserTitle), row: 0, column: 0, width: canvas.columns, role: .header)
        form.draw(in: canvas.sub(canvas.area.inset(top: 2)))
        let note = TextWrap.lines(text.entry(.newUserMailNote), width: max(1, canvas.columns))
        for (index, line) in note.prefix(3).enumerated() {
            canvas.put(line, row: 9 + index, column: 0, role: .dim)
        }
    }
}

/// The branches or the categories a user may see, as a checklist of the account's. No
/// tick means no restriction: the user sees all of them, also those added later.
struct RestrictionEditor {
    enum Kind: Equatable {
        case branches, categories
    }

    let kind: Kind
    let user: UserRecord
    private(set) var checklist: Checklist
    private let ids: [Int64]

    init(kind: Kind, user: UserRecord, session: DeskSession?) {
        self.kind = kind
        self.user = user
        let names: [String]
        let ticked: Set<Int64>
        switch kind {
        case .branches:
            let branches = session?.branches ?? []
            ids = branches.map(\.id.rawValue)
            names = branches.map(\.name)
            ticked = Set((user.branchIDs ?? []).map(\.rawValue))
        case .categories:
            let categories = session?.categories ?? []
            ids = categories.map(\.id.rawValue)
            names = categories.map(\.name)
            ticked = Set((user.categoryIDs ?? []).map(\.rawValue))
        }
        checklist = Checklist(labels: names, checked: ids.map(ticked.contains))
    }

    /// `.submitted` to save, `.cancelled` to leave without saving.
    mutating func handle(_ key: Key, context: DeskContext) -> Outcome {
        switch context.command(for: key, scopes: ["list", "global"]) {
        case .confirm?: return .submitted
        case .cancel?: return .cancelled
        default: return checklist.handle(key, keymap: context.keymap)
        }
    }

    /// The ticked ids; nil when none is ticked (no restriction).
    var chosen: [Int64]? {
        let ticked = zip(ids, checklist.checked).filter(\.1).map(\.0)
        return ticked.isEmpty ? nil : ticked
    }

    /// The request that saves the edited list and keeps the other one as it is stored:
    /// the server replaces both.
    var request: RestrictionsRequest {
        switch kind {
        case .branches:
            return RestrictionsRequest(
                branchIDs: chosen?.map { BranchID($0) }, categoryIDs: user.categoryIDs)
        case .categories:
            return RestrictionsRequest(
                branchIDs: user.branchIDs, categoryIDs: chosen?.map { CategoryID($0) })
        }
    }

    mutating func draw(in canvas: Canvas, context: DeskContext) {
        let text = context.text
        let title: MessageKey =
            kind == .branches ? .restrictBranchesTitle : .restrictCategoriesTitle
        canvas.put(
            text.text(title, user.name), row: 0, column: 0, width: canvas.columns, role: .header)
        let meaning: MessageKey =
            kind == .branches ? .restrictNoTickBranches : .restrictNoTickCategories
        canvas.put(text.entry(meaning), row: 1, column: 0, width: canvas.columns, role: .normal)
        var line = 2
        if user.role == .admin {
            canvas.put(
                text.text(.restrictAdminNote, user.name), row: 2, column: 0,
                width: canvas.columns, role: .dim)
            line = 3
        }
        let (rows, hint) = canvas.area.inset(top: line + 1).splitBottom(1)
        checklist.draw(in: canvas.sub(rows.inset(left: 2)), focused: true)
        let keys = text.text(
            .restrictHint, context.keyName(.listToggle), context.keyName(.confirm),
            context.keyName(.cancel))
        canvas.put(keys, row: hint.row, column: 0, width: canvas.columns, role: .dim)
    }
}
