import BookingAPI
import BookingCore
import DeskClient
import TerminalUI

/// The first screen: account, user name and password (masked). On the embedded default it
/// also shows the demo logins, so a fresh machine gets to the calendar without a manual.
struct LoginScreen {
    /// A demo log-in shown under the form, with the role it has.
    struct DemoLogin: Sendable, Equatable {
        var account: String
        var username: String
        var password: String
        var role: BookingCore.Role
    }

    private(set) var fields: [TextField]
    private(set) var focus = 0
    private(set) var isBusy = false
    private(set) var message: Notice?
    /// While the server cannot be reached: who may log in without it, as a sentence.
    private(set) var unlockHint: String?
    let serverLabel: String
    let demoLogins: [DemoLogin]

    private static let labels: [MessageKey] = [.loginAccount, .loginUsername, .loginPassword]

    init(serverLabel: String, demoLogins: [DemoLogin], account: String = "") {
        self.serverLabel = serverLabel
        self.demoLogins = demoLogins
        let firstAccount = account.isEmpty ? demoLogins.first?.account ?? "" : account
        fields = [
            TextField(text: firstAccount, maxLength: 60),
            TextField(maxLength: 60),
            TextField(maxLength: 200, mask: "•"),
        ]
        focus = firstAccount.isEmpty ? 0 : 1
    }

    var account: String { fields[0].text.trimmingSpaces() }

    // MARK: - Keys

    mutating func handle(_ key: Key, context: DeskContext) -> [ScreenAction] {
        if case .character = key, context.command(for: key, scopes: ["field"]) == nil {
            _ = fields[focus].insert(key.scalar!)
            return []
        }
        switch context.command(for: key, scopes: ["field", "global"]) {
        case .nextField?: focus = (focus + 1) % fields.count
        case .previousField?: focus = (focus + fields.count - 1) % fields.count
        case .confirm?: return submit(context: context)
        default: _ = fields[focus].handle(key, keymap: context.keymap)
        }
        return []
    }

    /// Sends the log-in, or puts the cursor on the first empty field with a message there.
    private mutating func submit(context: DeskContext) -> [ScreenAction] {
        guard !isBusy else { return [] }
        for index in fields.indices {
            fields[index].message = nil
        }
        if let empty = fields.indices.first(where: { fields[$0].text.trimmingSpaces().isEmpty }) {
            fields[empty].message = context.text.entry(.required)
            focus = empty
            return []
        }
        isBusy = true
        message = Notice(context.text.entry(.loginBusy), kind: .info)
        let request = LoginRequest(
            account: account, username: fields[1].text.trimmingSpaces(),
            password: fields[2].text)
        return [.send(.logIn(request))]
    }

    // MARK: - Answers

    mutating func receive(_ reply: DeskReply, context: DeskContext) -> [ScreenAction] {
        guard case .logIn = reply.request else { return [] }
        isBusy = false
        switch reply.result {
        case .success(.loggedIn(let response)):
            let role = response.session.user.role
            // FIXME: tour guides should see their read-only list of tours; until that screen
            // exists the desk turns them away at log-in with a sentence.
            guard role == .admin || role == .staff || role == .superuser else {
                message = Notice(
                    context.text.text(.loginNotAtDesk, context.text.role(role)), kind: .error)
                return [.send(.logOut)]
            }
            message = nil
            fields[2].text = ""
            return [.loggedIn(response)]
        case .failure(let failure):
            message = Notice(failure.sentence(context.text), kind: .error)
            fields[2].text = ""
            focus = 2
            return []
        default:
            return []
        }
    }

    /// The server cannot be reached: offers the last user the offline unlock, with their
    /// account and name filled in where nothing was typed yet.
    mutating func offerUnlock(account: String, username: String, sentence: String) {
        unlockHint = sentence
        guard fields[1].text.isEmpty, fields[0].text.isEmpty || fields[0].text == account
        else { return }
        fields[0].text = account
        fields[1].text = username
        focus = 2
    }

    /// The server answers again: the log-in goes to it as usual.
    mutating func withdrawUnlock() {
        unlockHint = nil
    }

    /// The log-in was refused without the server (the offline unlock said no): the
    /// sentence says why, the password is cleared for the next try.
    mutating func refuse(_ sentence: String) {
        isBusy = false
        message = Notice(sentence, kind: .error)
        fields[2].text = ""
        focus = 2
    }

    // MARK: - Drawing

    mutating func draw(in canvas: Canvas, context: DeskContext) {
        let text = context.text
        let width = min(canvas.columns - 4, 64)
        let boxHeight = 12
        let top = max(0, (canvas.rows - boxHeight - 2 - demoLogins.count) / 2)
        let box = canvas.sub(
            Rect(row: top, column: (canvas.columns - width) / 2, rows: boxHeight, columns: width))
        box.box(box.area, title: text.entry(.appName) + " · " + text.entry(.loginTitle))
        for (index, label) in Self.labels.enumerated() {
            let row = 2 + index * 2
            box.put(text.entry(label), row: row, column: 3, width: 14, role: .normal)
            let field = box.sub(Rect(row: row, column: 18, rows: 2, columns: width - 21))
            fields[index].draw(in: field, focused: index == focus)
        }
        if let shown = message ?? unlockHint.map({ Notice($0, kind: .warning) }) {
            for (index, line) in TextWrap.lines(shown.text, width: width - 6).prefix(2)
                .enumerated()
            {
                box.put(line, row: 8 + index, column: 3, role: shown.role)
            }
        }
        let hint = text.text(
            .loginHint, context.keyName(.confirm), context.keyName(.nextField),
            context.keyName(.quit))
        box.put(hint, row: 10, column: 3, width: width - 6, role: .dim)
        drawServer(in: canvas, below: top + boxHeight, context: context)
    }

    private func drawServer(in canvas: Canvas, below row: Int, context: DeskContext) {
        let column = max(0, (canvas.columns - min(canvas.columns - 4, 64)) / 2)
        let width = canvas.columns - column
        canvas.put(
            context.text.text(.loginServer, serverLabel), row: row + 1, column: column,
            width: width, role: .dim)
        guard !demoLogins.isEmpty else { return }
        canvas.put(
            context.text.entry(.loginDemoTitle), row: row + 2, column: column, width: width,
            role: .header)
        for (index, demo) in demoLogins.enumerated() {
            let line = context.text.text(
                .loginDemoLine, demo.account, demo.username, demo.password,
                context.text.role(demo.role))
            canvas.put(
                "  " + line, row: row + 3 + index, column: column, width: width, role: .normal)
        }
    }
}

extension Key {
    /// The typed scalar of a character key.
    var scalar: Unicode.Scalar? {
        if case .character(let scalar) = self { return scalar }
        return nil
    }
}
