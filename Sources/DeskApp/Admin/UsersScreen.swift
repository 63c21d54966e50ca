import BookingAPI
import BookingCore
import DeskClient
import Foundation
import TerminalUI

/// Benutzer, for admins: the account's users with name, user name, role, admin flag,
/// branches, categories, last log-in and state. One key toggles the admin flag; branches
/// and categories are edited in checklists; a new user gets a password by mail;
/// deactivating and deleting ask first. Keys that cannot apply to a user (the owner, a
/// guide, oneself) say why instead of doing nothing.
struct UsersScreen {
    enum Mode {
        case list
        case newUser(NewUserForm)
        case restrictions(RestrictionEditor)
    }

    /// The admin at the desk, who cannot take their own admin flag nor deactivate or delete
    /// themselves here: another admin does that. Nil for vendor support, who is none of the
    /// account's users.
    let me: UserID?
    var users: [UserRecord] = []
    var isLoaded = false
    var isLoading = false
    /// Why there is no list yet (no server, or it refused).
    var loadProblem: String?
    var mode = Mode.list
    /// Users with a change on its way; their row says so until the answer is in.
    private(set) var pending: Set<UserID> = []
    var list = SelectList(items: [])
    /// Whether the rows were made for a wide window (more columns), nil before the first.
    var rowsAreWide: Bool?

    init(me: UserID?) {
        self.me = me
    }

    /// The keymap scopes of what has the focus, most specific first.
    var scopes: [String] {
        switch mode {
        case .list: return ["users", "list", "global"]
        case .newUser: return ["field", "global"]
        case .restrictions: return ["list", "global"]
        }
    }

    var selectedUser: UserRecord? { users.isEmpty ? nil : users[list.selection] }

    mutating func loadIfNeeded() -> [ScreenAction] {
        isLoaded || isLoading ? [] : load()
    }

    mutating func load() -> [ScreenAction] {
        isLoading = true
        return [.send(.account(.users))]
    }

    // MARK: - Keys

    mutating func handle(_ key: Key, context: DeskContext) -> [ScreenAction]? {
        switch mode {
        case .list:
            return handleList(key, context: context)
        case .newUser(var form):
            let actions = handleNewUser(key, form: &form, context: context)
            if case .newUser = mode { mode = .newUser(form) }
            return actions
        case .restrictions(var editor):
            let outcome = editor.handle(key, context: context)
            mode = .restrictions(editor)
            switch outcome {
            case .submitted: return saveRestrictions(editor, context: context)
            case .cancelled: mode = .list
            default: break
            }
            return []
        }
    }

    private mutating func handleList(_ key: Key, context: DeskContext) -> [ScreenAction]? {
        if list.isSearching {
            // A search started with `list.search` takes every character, letters of
            // commands included, until Enter or Escape.
            _ = list.handle(key, keymap: context.keymap)
            return []
        }
        let command = context.command(for: key, scopes: scopes)
        switch command {
        case .some(let command) where Self.userCommands.contains(command):
            return act(command, context: context)
        case .newUser?:
            guard context.isOnline else { return [notice(.accountChangesNeedNetwork, context)] }
            mode = .newUser(NewUserForm(text: context.text))
            return [.clearNotice]
        case .refresh?:
            return load()
        case .some(let command) where command.scope == "list":
            _ = list.handle(key, keymap: context.keymap)
            return []
        case nil where key.scalar != nil:
            _ = list.handle(key, keymap: context.keymap)
            return []
        default:
            return nil
        }
    }

    /// The keys about the selected user.
    static let userCommands: Set<DeskCommand> = [
        .toggleAdmin, .editBranches, .editCategories, .deactivateUser, .deleteUser,
        .mailNewPassword,
    ]

    /// A key about the selected user: refused with a sentence saying why, or done.
    private mutating func act(_ command: DeskCommand, context: DeskContext) -> [ScreenAction] {
        guard let user = selectedUser else {
            return [notice(.usersNoneSelected, context, kind: .warning)]
        }
        if let reason = Self.refusal(of: command, for: user, me: me) {
            return [notice(reason, context, user.name, kind: .warning)]
        }
        guard !pending.contains(user.id) else {
            return [notice(.userChangePending, context, user.name, kind: .warning)]
        }
        guard context.isOnline else { return [notice(.accountChangesNeedNetwork, context)] }
        switch command {
        case .toggleAdmin:
            return send(.setAdmin(user.id, user.role != .admin), context: context)
        case .editBranches, .editCategories:
            let kind: RestrictionEditor.Kind = command == .editBranches ? .branches : .categories
            mode = .restrictions(
                RestrictionEditor(kind: kind, user: user, session: context.session))
            return [.clearNotice]
        case .deactivateUser where !user.isActive:
            return send(.setActive(user.id, true), context: context)
        default:
            return [.present(.question(question(command, user: user, context: context)))]
        }
    }

    /// Why `command` cannot apply to `user`; nil when it can.
    static func refusal(of command: DeskCommand, for user: UserRecord, me: UserID?) -> MessageKey? {
        switch command {
        case .toggleAdmin:
            if user.isOwner { return .ownerKeepsAdmin }
            if user.role == .guide { return .guideNeverAdmin }
            if user.id == me { return .notYourself }
        case .editBranches, .editCategories:
            if user.isOwner { return .ownerUnrestricted }
            if user.role == .guide { return .guideUnrestricted }
        case .deactivateUser:
            if user.isOwner { return .ownerStaysActive }
            if user.id == me && user.isActive { return .notYourself }
        case .deleteUser:
            if user.isOwner { return .ownerNotDeleted }
            if user.id == me { return .notYourself }
        default:
            break
        }
        return nil
    }

    /// The question before deactivating, deleting or sending a new password.
    private func question(_ command: DeskCommand, user: UserRecord, context: DeskContext)
        -> Question
    {
        let text = context.text
        let (message, call): (MessageKey, AccountCall) =
            switch command {
            case .deactivateUser: (.deactivateQuestion, .setActive(user.id, false))
            case .deleteUser: (.deleteUserQuestion, .deleteUser(user.id))
            default: (.newPasswordQuestion, .mailNewPassword(user.id))
            }
        return Question(
            title: text.entry(command.summary), message: text.text(message, user.name, user.email),
            context: context, onYes: .account(call))
    }

    /// Marks the user of `call` as waiting for the server and sends it. The line under
    /// the list says so; the row changes once, with the answer, since changing a row
    /// costs the whole list's search keys (see `SelectList.items`).
    mutating func send(_ call: AccountCall, context: DeskContext) -> [ScreenAction] {
        if let id = call.userID { pending.insert(id) }
        return [.send(.account(call))]
    }

    private mutating func handleNewUser(
        _ key: Key, form: inout NewUserForm, context: DeskContext
    ) -> [ScreenAction] {
        switch form.handle(key, context: context) {
        case .cancelled:
            mode = .list
            return [.clearNotice]
        case .submitted:
            guard !form.isSending, let request = form.request(context: context) else { return [] }
            guard context.isOnline else { return [notice(.accountChangesNeedNetwork, context)] }
            form.isSending = true
            return [.send(.account(.createUser(request))), notice(.userCreating, context)]
        default:
            return []
        }
    }

    private mutating func saveRestrictions(_ editor: RestrictionEditor, context: DeskContext)
        -> [ScreenAction]
    {
        guard context.isOnline else { return [notice(.accountChangesNeedNetwork, context)] }
        mode = .list
        return send(.setRestrictions(editor.user.id, editor.request), context: context)
    }

    func notice(
        _ key: MessageKey, _ context: DeskContext, _ arguments: String...,
        kind: Notice.Kind = .warning
    ) -> ScreenAction {
        .notice(Notice(context.text.text(key, arguments: arguments), kind: kind))
    }

    // MARK: - Answers

    mutating func receive(_ reply: DeskReply, context: DeskContext) -> [ScreenAction] {
        guard case .account(let call) = reply.request else { return [] }
        if let id = call.userID { pending.remove(id) }
        switch reply.result {
        case .success(let answer):
            return received(answer, for: call, context: context)
        case .failure(let failure):
            return failed(failure, call: call, context: context)
        }
    }

    private mutating func received(
        _ answer: BookingReply, for call: AccountCall, context: DeskContext
    ) -> [ScreenAction] {
        let text = context.text
        switch (call, answer) {
        case (.users, .users(let all)):
            show(all, context: context)
            return []
        case (.createUser, .userCreated(let created)):
            mode = .list
            insert(created.user, context: context)
            let sentence =
                text.text(.userCreated, created.user.name, created.user.username) + " "
                + Self.mailSentence(created.passwordMail, to: created.user.email, context: context)
            return [.notice(Notice(sentence, kind: .success))]
        case (.setAdmin(_, let isAdmin), .user(let user)):
            replace(user, context: context)
            return [
                notice(
                    isAdmin ? .userNowAdmin : .userNoLongerAdmin, context, user.name, kind: .success
                )
            ]
        case (.setRestrictions, .user(let user)):
            replace(user, context: context)
            let summary = Self.restrictions(of: user, context: context)
            return [notice(.userRestrictionsSaved, context, user.name, summary, kind: .success)]
        case (.setActive(_, let active), .user(let user)):
            replace(user, context: context)
            return [
                notice(
                    active ? .userActivated : .userDeactivated, context, user.name, kind: .success)
            ]
        case (.deleteUser(let id), _):
            let name = users.first { $0.id == id }?.name ?? ""
            remove(id, context: context)
            return [notice(.userDeleted, context, name, kind: .success)]
        case (.mailNewPassword(let id), .passwordMailed(let delivery)):
            guard let user = users.first(where: { $0.id == id }) else { return [] }
            let sentence =
                text.text(.newPasswordMade, user.name) + " "
                + Self.mailSentence(delivery, to: user.email, context: context)
            return [.notice(Notice(sentence, kind: delivery == .failed ? .warning : .success))]
        default:
            return []
        }
    }

    private mutating func failed(
        _ failure: DeskClientError, call: AccountCall, context: DeskContext
    ) -> [ScreenAction] {
        let text = context.text
        switch call {
        case .users:
            isLoading = false
            loadProblem =
                failure.isUnreachable ? text.entry(.usersWaitForServer) : failure.sentence(text)
            return failure.isUnreachable
                ? [] : [.notice(Notice(failure.sentence(text), kind: .error))]
        case .createUser:
            if case .newUser(var form) = mode {
                let atField = form.refused(failure, context: context)
                mode = .newUser(form)
                if atField { return [.clearNotice] }
            }
        default:
            break
        }
        if failure.isUnreachable { return [notice(.accountChangeNotSaved, context)] }
        // A user deleted meanwhile, or a change the server refused: the list shows the truth.
        let reload: [ScreenAction] = isNotFound(failure) ? load() : []
        return reload + [.notice(Notice(failure.sentence(text), kind: .error))]
    }

    private func isNotFound(_ failure: DeskClientError) -> Bool {
        if case .notFound = failure { return true }
        return false
    }

    /// Where a generated password went, as a sentence.
    static func mailSentence(_ delivery: MailDelivery, to address: String, context: DeskContext)
        -> String
    {
        let text = context.text
        switch delivery {
        case .sent: return text.text(.passwordMailSent, address)
        case .spooled: return text.text(.passwordMailSpooled, address)
        case .failed:
            return text.text(.passwordMailFailed, address, context.keyName(.mailNewPassword))
        }
    }
}

extension AccountCall {
    /// The user a user call changes.
    var userID: UserID? {
        switch self {
        case .setAdmin(let id, _), .setRestrictions(let id, _), .setActive(let id, _),
            .deleteUser(let id), .mailNewPassword(let id):
            return id
        default:
            return nil
        }
    }
}
