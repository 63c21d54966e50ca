import BookingAPI
import BookingCore
import Foundation
import TerminalUI

extension UsersScreen {
    /// From this width on, branches and categories get a column each and the last log-in
    /// its time.
    static let wideColumns = 130

    // MARK: - The list

    /// A new list from the server; the selection stays on the same user.
    mutating func show(_ all: [UserRecord], context: DeskContext) {
        let selected = selectedUser?.id
        users = all
        isLoaded = true
        isLoading = false
        loadProblem = nil
        rebuildRows(context: context, selecting: selected)
    }

    mutating func insert(_ user: UserRecord, context: DeskContext) {
        let index = users.firstIndex {
            ($0.username, $0.id.rawValue) > (user.username, user.id.rawValue)
        }
        users.insert(user, at: index ?? users.count)
        rebuildRows(context: context, selecting: user.id)
    }

    /// Puts the server's version of one user in their row.
    mutating func replace(_ user: UserRecord, context: DeskContext) {
        guard let index = users.firstIndex(where: { $0.id == user.id }) else { return }
        users[index] = user
        list.items[index] = row(for: user, wide: rowsAreWide ?? false, context: context)
    }

    mutating func remove(_ id: UserID, context: DeskContext) {
        users.removeAll { $0.id == id }
        rebuildRows(context: context, selecting: selectedUser?.id)
    }

    /// Makes every row again, for the window's width class.
    mutating func rebuildRows(context: DeskContext, selecting id: UserID?, wide: Bool? = nil) {
        let wide = wide ?? rowsAreWide ?? false
        rowsAreWide = wide
        let names = Names(session: context.session)
        let items = users.map { row(for: $0, wide: wide, names: names, context: context) }
        var rebuilt = SelectList(
            items: items, columns: wide ? Self.wideLayout : Self.narrowLayout,
            header: header(wide: wide, context: context))
        if let id, let index = users.firstIndex(where: { $0.id == id }) { rebuilt.select(index) }
        list.carrySearch(to: &rebuilt, keymap: context.keymap)
        list = rebuilt
    }

    /// Branch and category names by id and the account's time zone, looked up once per
    /// list rather than once per row.
    struct Names {
        var branches: [BranchID: String] = [:]
        var categories: [CategoryID: String] = [:]
        let calendar: AccountCalendar

        init(session: DeskSession?) {
            calendar = session?.calendar ?? .berlin
            for branch in session?.branches ?? [] { branches[branch.id] = branch.name }
            for category in session?.categories ?? [] { categories[category.id] = category.name }
        }
    }

    static let narrowLayout = [
        ListColumn(), ListColumn(.cells(10)), ListColumn(.cells(9)), ListColumn(.cells(5)),
        ListColumn(), ListColumn(.cells(11)), ListColumn(.cells(9)),
    ]

    static let wideLayout = [
        ListColumn(), ListColumn(.cells(14)), ListColumn(.cells(10)), ListColumn(.cells(5)),
        ListColumn(), ListColumn(), ListColumn(.cells(16)), ListColumn(.cells(10)),
    ]

    private func header(wide: Bool, context: DeskContext) -> [String] {
        let text = context.text
        let start = [
            text.entry(.columnName), text.entry(.columnUsername), text.entry(.columnRole),
            text.entry(.columnAdmin),
        ]
        let restrictions =
            wide
            ? [text.entry(.columnBranches), text.entry(.columnCategories)]
            : [text.entry(.columnRestrictions)]
        return start + restrictions + [text.entry(.columnLastLogIn), text.entry(.columnState)]
    }

    func row(for user: UserRecord, wide: Bool, context: DeskContext) -> ListItem {
        row(for: user, wide: wide, names: Names(session: context.session), context: context)
    }

    private func row(
        for user: UserRecord, wide: Bool, names: Names, context: DeskContext
    ) -> ListItem {
        let text = context.text
        let role =
            user.role == .guide
            ? text.entry(.roleGuideShort)
            : user.isOwner ? text.entry(.roleOwner) : text.entry(.roleStaffShort)
        let admin = user.role == .admin ? text.entry(.adminYes) : text.entry(.unknownShort)
        let branches = Self.branchList(of: user, names: names, context: context)
        let categories = Self.categoryList(of: user, names: names, context: context)
        let restrictions =
            wide
            ? [branches, categories]
            : [Self.restrictionSummary(of: user, branches, categories, context: context)]
        let state = text.entry(user.isActive ? .userStateActive : .userStateInactive)
        return ListItem(
            cells: [user.name, user.username, role, admin] + restrictions
                + [
                    Self.lastLogIn(of: user, withTime: wide, names: names, context: context), state,
                ],
            role: user.isActive ? .normal : .dim)
    }

    // MARK: - Words for a user

    static func branchList(of user: UserRecord, names: Names, context: DeskContext) -> String {
        guard user.role != .guide else { return context.text.entry(.unknownShort) }
        guard let ids = user.branchIDs else { return context.text.entry(.restrictAll) }
        return ids.map { names.branches[$0] ?? "#\($0.rawValue)" }.joined(separator: ", ")
    }

    static func categoryList(of user: UserRecord, names: Names, context: DeskContext) -> String {
        guard user.role != .guide else { return context.text.entry(.unknownShort) }
        guard let ids = user.categoryIDs else { return context.text.entry(.restrictAll) }
        return ids.map { names.categories[$0] ?? "#\($0.rawValue)" }.joined(separator: ", ")
    }

    /// "keine", or "Filiale Nord / alle" in one column of a narrow window.
    private static func restrictionSummary(
        of user: UserRecord, _ branches: String, _ categories: String, context: DeskContext
    ) -> String {
        guard user.role != .guide else { return context.text.entry(.unknownShort) }
        guard user.branchIDs != nil || user.categoryIDs != nil else {
            return context.text.entry(.restrictNone)
        }
        return branches + " / " + categories
    }

    /// "Filialen: Filiale Nord · Kategorien: alle", for the message after saving.
    static func restrictions(of user: UserRecord, context: DeskContext) -> String {
        let names = Names(session: context.session)
        return context.text.text(
            .restrictionsSummary, branchList(of: user, names: names, context: context),
            categoryList(of: user, names: names, context: context))
    }

    static func lastLogIn(
        of user: UserRecord, withTime: Bool, names: Names, context: DeskContext
    ) -> String {
        guard let instant = user.lastLogInAt else { return context.text.entry(.neverLoggedIn) }
        let local = names.calendar.local(instant)
        let date = context.text.date(local.date)
        return withTime ? date + " " + context.text.time(local.time) : date
    }

    // MARK: - Drawing

    mutating func draw(in canvas: Canvas, context: DeskContext) {
        let text = context.text
        let title = text.text(
            .usersTitle, context.session?.info.account.name ?? "", String(users.count))
        canvas.put(title, row: 0, column: 0, width: canvas.columns, role: .title)
        let body = canvas.sub(canvas.area.inset(top: 1))
        switch mode {
        case .newUser(var form):
            form.draw(in: body, context: context)
            mode = .newUser(form)
        case .restrictions(var editor):
            editor.draw(in: body, context: context)
            mode = .restrictions(editor)
        case .list:
            drawList(in: body, context: context)
        }
    }

    private mutating func drawList(in canvas: Canvas, context: DeskContext) {
        let wide = canvas.columns >= Self.wideColumns
        if rowsAreWide != wide {
            rebuildRows(context: context, selecting: selectedUser?.id, wide: wide)
        }
        let (body, foot) = canvas.area.splitBottom(4)
        if users.isEmpty {
            let sentence = loadProblem ?? context.text.entry(isLoading ? .loading : .usersNone)
            canvas.putSentence(sentence, row: 1, column: 2, width: canvas.columns - 2, role: .dim)
        } else {
            list.draw(in: canvas.sub(body), focused: true)
        }
        let detail = selectedUser.map { detailLine(of: $0, context: context) } ?? ""
        for (index, line) in TextWrap.lines(detail, width: canvas.columns).prefix(2).enumerated() {
            canvas.put(line, row: foot.row + index, column: 0, role: .normal)
        }
        for (index, line) in TextWrap.lines(hint(context), width: canvas.columns).prefix(2)
            .enumerated()
        {
            canvas.put(line, row: foot.row + 2 + index, column: 0, role: .dim)
        }
    }

    private func detailLine(of user: UserRecord, context: DeskContext) -> String {
        let names = Names(session: context.session)
        if pending.contains(user.id) {
            return context.text.text(.userChangeOnItsWay, user.name)
        }
        return context.text.text(
            .userDetail, user.name, user.username, user.email,
            Self.branchList(of: user, names: names, context: context),
            Self.categoryList(of: user, names: names, context: context),
            Self.lastLogIn(of: user, withTime: true, names: names, context: context))
    }

    private func hint(_ context: DeskContext) -> String {
        context.text.text(
            .usersHint, context.keyName(.toggleAdmin), context.keyName(.editBranches),
            context.keyName(.editCategories), context.keyName(.newUser),
            context.keyName(.deactivateUser), context.keyName(.deleteUser),
            context.keyName(.mailNewPassword), context.keyName(.listSearch))
    }
}
