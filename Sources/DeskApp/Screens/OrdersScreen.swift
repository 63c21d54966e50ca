import BookingAPI
import BookingCore
import DeskClient
import TerminalUI

/// Today at the branch: the pick-ups and the returns of the day in two lists, or the
/// orders found by number or name. Orders are marked picked up or returned with one key;
/// cancelling asks first.
struct OrdersScreen {
    enum Part: Int {
        case pickups, returns
    }

    private(set) var branch: BranchID
    private(set) var day: LocalDate
    private(set) var pickups: [OrderInfo] = []
    private(set) var returns: [OrderInfo] = []
    private(set) var results: [OrderInfo]?
    private(set) var query = ""
    private(set) var focus = Part.pickups
    private(set) var searchField: TextField?
    private var lists = [SelectList(items: []), SelectList(items: [])]
    private var resultList = SelectList(items: [])
    private var pending: OrderSearch?

    init(branch: BranchID, day: LocalDate) {
        self.branch = branch
        self.day = day
    }

    var scopes: [String] {
        searchField != nil ? ["field", "global"] : ["list", "field", "orders", "global"]
    }

    /// Asks for the day's orders of the branch (again).
    mutating func load(branch: BranchID, day: LocalDate) -> [ScreenAction] {
        self.branch = branch
        self.day = day
        let search = OrderSearch(branch: branch, date: day)
        pending = search
        return [.send(.orders(search))]
    }

    /// The order under the cursor.
    var selectedOrder: OrderInfo? {
        if let results {
            return results.isEmpty ? nil : results[resultList.selection]
        }
        let orders = focus == .pickups ? pickups : returns
        return orders.isEmpty ? nil : orders[lists[focus.rawValue].selection]
    }

    // MARK: - Keys

    mutating func handle(_ key: Key, context: DeskContext) -> [ScreenAction]? {
        if searchField != nil { return handleSearch(key, context: context) }
        switch context.command(for: key, scopes: scopes) {
        case .pickUp?: return move(to: .pickedUp, context: context)
        case .markReturned?: return move(to: .returned, context: context)
        case .cancelOrder?: return askToCancel(context: context)
        case .listSearch?:
            searchField = TextField(text: query, maxLength: 100)
            return []
        case .nextField?, .previousField?:
            guard results == nil else { return [] }
            focus = focus == .pickups ? .returns : .pickups
            return []
        case .cancel?, .back?:
            guard results != nil else { return nil }
            results = nil
            query = ""
            return []
        case .refresh?:
            return load(branch: branch, day: context.today)
        case .some(let command) where command.scope == "list":
            if results != nil {
                _ = resultList.handle(key, keymap: context.keymap)
            } else {
                _ = lists[focus.rawValue].handle(key, keymap: context.keymap)
            }
            return []
        default:
            return nil
        }
    }

    private mutating func handleSearch(_ key: Key, context: DeskContext) -> [ScreenAction]? {
        switch FormKeys.route(key, context: context) {
        case .submit:
            let text = searchField?.text.trimmingSpaces() ?? ""
            searchField = nil
            guard !text.isEmpty else { return [] }
            query = text
            let search = OrderSearch(text: text)
            pending = search
            // A sentence about the order selected before would read as one about the results.
            return [.clearNotice, .send(.orders(search))]
        case .field:
            _ = searchField?.handle(key, keymap: context.keymap)
            return []
        default:
            if context.command(for: key, scopes: ["global"]) == .cancel { searchField = nil }
            return []
        }
    }

    private func move(to status: OrderStatus, context: DeskContext) -> [ScreenAction] {
        guard let order = selectedOrder else {
            return [.notice(Notice(context.text.entry(.ordersNoneSelected), kind: .warning))]
        }
        guard order.status.canMove(to: status) else {
            let key: MessageKey = status == .returned ? .ordersNotPickedUp : .ordersNotReserved
            return [.notice(Notice(context.text.entry(key), kind: .warning))]
        }
        return [.send(status == .returned ? .returnOrder(order.id) : .pickUpOrder(order.id))]
    }

    private func askToCancel(context: DeskContext) -> [ScreenAction] {
        guard let order = selectedOrder else { return [] }
        guard order.status.canMove(to: .cancelled) else {
            return [.notice(Notice(context.text.entry(.ordersNotReserved), kind: .warning))]
        }
        // Offline the answer is known already: asking first would only waste a key press.
        guard context.isOnline else {
            let sentence = BookingCall.cancelOrder(order.id).offlineSentence
            return [.notice(Notice(context.text.entry(sentence), kind: .warning))]
        }
        let question = Question(
            title: context.text.entry(.commandCancelOrder),
            message: context.text.text(.cancelQuestion, order.number, Self.name(of: order)),
            context: context, onYes: .cancelOrder(order.id))
        return [.present(.question(question))]
    }

    // MARK: - Answers

    mutating func receive(_ reply: DeskReply, context: DeskContext) -> [ScreenAction] {
        switch (reply.request, reply.result) {
        case (.orders(let search), .success(.orders(let list))):
            guard search == pending else { return [] }
            pending = nil
            show(list.orders, for: search, context: context)
            return []
        case (.pickUpOrder, .success(.order(let order))):
            return updated(order, .orderPickedUp, context: context)
        case (.returnOrder, .success(.order(let order))):
            return updated(order, .orderReturned, context: context)
        case (.cancelOrder, .success(.order(let order))):
            return updated(order, .orderCancelled, context: context)
        case (.orders, .failure(let failure)), (.pickUpOrder, .failure(let failure)),
            (.returnOrder, .failure(let failure)), (.cancelOrder, .failure(let failure)):
            pending = nil
            guard !failure.isUnreachable else { return [] }
            return [
                .notice(Notice(failure.sentence(context.text), kind: .error))
            ]
        default:
            return []
        }
    }

    private mutating func show(_ orders: [OrderInfo], for search: OrderSearch, context: DeskContext)
    {
        guard search.text == nil else {
            results = orders
            resultList = SelectList(
                items: orders.map { row(for: $0, time: .start, withDate: true, context: context) },
                columns: Self.columns, header: header(context))
            return
        }
        let calendar = context.calendar
        let active = orders.filter { $0.status != .cancelled }
        pickups = active.filter { calendar.date(of: $0.draft.start) == day }
            .sorted { $0.draft.start < $1.draft.start }
        returns = active.filter { calendar.date(of: $0.draft.end) == day }
            .sorted { $0.draft.end < $1.draft.end }
        rebuildLists(context: context)
    }

    private mutating func updated(
        _ order: OrderInfo, _ sentence: MessageKey, context: DeskContext
    ) -> [ScreenAction] {
        for index in pickups.indices where pickups[index].id == order.id { pickups[index] = order }
        for index in returns.indices where returns[index].id == order.id { returns[index] = order }
        if let found = results?.firstIndex(where: { $0.id == order.id }) {
            results?[found] = order
            resultList.items[found] = row(
                for: order, time: .start, withDate: true, context: context)
        }
        rebuildLists(context: context)
        return [.notice(Notice(context.text.text(sentence, order.number), kind: .success))]
    }

    private mutating func rebuildLists(context: DeskContext) {
        for (part, orders) in [(Part.pickups, pickups), (Part.returns, returns)] {
            let selection = lists[part.rawValue].selection
            lists[part.rawValue] = SelectList(
                items: orders.map {
                    row(
                        for: $0, time: part == .pickups ? .start : .end, withDate: false,
                        context: context)
                },
                columns: Self.columns, header: header(context))
            lists[part.rawValue].select(selection)
        }
    }

    // MARK: - Rows

    private enum Moment {
        case start, end
    }

    static let columns = [
        ListColumn(.cells(11)), ListColumn(.cells(16)), ListColumn(.cells(20)), ListColumn(),
        ListColumn(.cells(13)),
    ]

    private func header(_ context: DeskContext) -> [String] {
        let text = context.text
        return [
            text.entry(.columnNumber), text.entry(.columnTime), text.entry(.columnCustomer),
            text.entry(.columnItems), text.entry(.columnStatus),
        ]
    }

    private func row(
        for order: OrderInfo, time moment: Moment, withDate: Bool, context: DeskContext
    ) -> ListItem {
        let local = context.calendar.local(moment == .start ? order.draft.start : order.draft.end)
        let time =
            (withDate ? context.text.date(local.date) + " " : "") + context.text.time(local.time)
        let items = order.priced.lines.map { "\($0.quantity)× \($0.name)" }.joined(separator: ", ")
        let role: Role = order.status == .cancelled ? .dim : .normal
        return ListItem(
            order.number, time, Self.name(of: order), items,
            context.text.orderStatus(order.status), role: role)
    }

    static func name(of order: OrderInfo) -> String {
        [order.customer.firstName ?? "", order.customer.lastName]
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    // MARK: - Drawing

    mutating func draw(in canvas: Canvas, context: DeskContext) {
        let text = context.text
        let branchName = context.session?.branch(branch)?.name ?? ""
        let title = text.text(
            .ordersTitle, branchName, text.weekdayShort(day.isoWeekday) + " " + text.date(day))
        canvas.put(title, row: 0, column: 0, width: canvas.columns, role: .title)
        let (body, hintRow) = canvas.area.inset(top: 1).splitBottom(1)
        if let field = searchField {
            drawSearchField(field, in: canvas.sub(body), context: context)
        } else if let results {
            drawPart(
                text.text(.ordersSearchTitle, query), list: &resultList, empty: results.isEmpty,
                in: canvas.sub(body), focused: true, context: context)
        } else {
            let (top, bottom) = body.splitTop(body.rows / 2)
            drawPart(
                text.entry(.ordersPickups), list: &lists[0], empty: pickups.isEmpty,
                in: canvas.sub(top), focused: focus == .pickups, context: context)
            drawPart(
                text.entry(.ordersReturns), list: &lists[1], empty: returns.isEmpty,
                in: canvas.sub(bottom), focused: focus == .returns, context: context)
        }
        let hint = text.text(
            .ordersHint, context.keyName(.pickUp), context.keyName(.markReturned),
            context.keyName(.cancelOrder), context.keyName(.listSearch),
            context.keyName(.nextField))
        canvas.put(hint, row: hintRow.row, column: 0, width: canvas.columns, role: .dim)
    }

    private func drawPart(
        _ title: String, list: inout SelectList, empty: Bool, in canvas: Canvas, focused: Bool,
        context: DeskContext
    ) {
        canvas.put(title, row: 0, column: 0, width: canvas.columns, role: focused ? .header : .dim)
        let area = canvas.sub(canvas.area.inset(top: 1))
        if empty {
            area.put(context.text.entry(.ordersNone), row: 1, column: 2, role: .dim)
        } else {
            list.draw(in: area, focused: focused)
        }
    }

    private func drawSearchField(_ field: TextField, in canvas: Canvas, context: DeskContext) {
        var field = field
        canvas.put(
            context.text.entry(.ordersSearchPrompt), row: 1, column: 0, width: 20, role: .normal)
        field.draw(in: canvas.sub(Rect(row: 1, column: 21, rows: 1, columns: 40)), focused: true)
    }
}
