import BookingAPI
import BookingCore
import Foundation
import OfflineCache
import TerminalUI

/// Abgleich: what this desk has not settled with the server. Conflicts first (orders the
/// server refused, orders a forced walk-in left short), then the orders waiting to be sent
/// with their provisional numbers, then the ones sent lately with the real number each
/// got. Staff resolve a refused order with another offer or another time (the wizard opens
/// on it) or give it up; a shortage is marked done once dealt with.
struct SyncScreen {
    /// One line of the list.
    enum Row: Equatable {
        /// A conflict: for a refused order with its outbox entry, for a shortage with the
        /// entry of the walk-in that caused it and the short order as cached.
        case conflict(Conflict, OutboxEntry?, OrderInfo?)
        case pending(OutboxEntry)
        case sent(OutboxEntry)
    }

    private(set) var rows: [Row] = []
    var list = SelectList(items: [])

    /// Reads the outbox again; the selection stays where it was.
    mutating func reload(store: OfflineStore?, context: DeskContext) {
        guard let store else { return }
        let entries = (try? store.outbox.entries()) ?? []
        let byClientID = Dictionary(
            entries.map { ($0.clientID, $0) }, uniquingKeysWith: { first, _ in first })
        let conflicts = ((try? store.outbox.conflicts()) ?? []).map { conflict in
            Row.conflict(
                conflict, (conflict.clientID ?? conflict.causedBy).flatMap { byClientID[$0] },
                conflict.orderID.flatMap { try? store.cache.order($0) })
        }
        rows =
            conflicts + entries.filter { $0.state == .pending }.map(Row.pending)
            + entries.filter { $0.state == .sent }.reversed().map(Row.sent)
        let selection = list.selection
        list = SelectList(
            items: rows.map { item(for: $0, context: context) }, columns: Self.columns,
            header: [
                context.text.entry(.columnNumber), context.text.entry(.columnTime),
                context.text.entry(.columnCustomer), context.text.entry(.columnItems),
                context.text.entry(.columnStatus),
            ])
        list.select(selection)
    }

    var selectedRow: Row? { rows.isEmpty ? nil : rows[list.selection] }

    // MARK: - Keys

    /// Handles a key; nil when it is not the screen's (help, quit, tabs).
    mutating func handle(_ key: Key, context: DeskContext) -> [ScreenAction]? {
        let command = context.command(for: key, scopes: ["sync", "list", "global"])
        switch command {
        case .otherOffer?:
            return refused(context) { [.outbox(.revise($0, startingAt: .offers))] }
        case .otherTime?:
            return refused(context) { [.outbox(.revise($0, startingAt: .date))] }
        case .giveUpOrder?:
            return refused(context) { [.outbox(.giveUp($0))] }
        case .acknowledge?:
            guard case .conflict(let conflict, _, _)? = selectedRow, conflict.kind == .shortage
            else { return [notice(.syncNotAShortage, context)] }
            return [.outbox(.acknowledge(conflict))]
        case .refresh?:
            return [
                .outbox(.sendNow), .notice(Notice(context.text.entry(.syncSending), kind: .info)),
            ]
        case .some(let command) where command.scope == "list":
            _ = list.handle(key, keymap: context.keymap)
            return []
        default:
            return nil
        }
    }

    /// The actions for the selected refused order, or why there are none.
    private func refused(_ context: DeskContext, _ actions: (Conflict) -> [ScreenAction])
        -> [ScreenAction]
    {
        guard case .conflict(let conflict, _, _)? = selectedRow, conflict.kind == .refused
        else { return [notice(.syncNotAConflict, context)] }
        return actions(conflict)
    }

    private func notice(_ key: MessageKey, _ context: DeskContext) -> ScreenAction {
        .notice(Notice(context.text.entry(key), kind: .warning))
    }

    // MARK: - Rows

    static let columns = [
        ListColumn(.cells(11)), ListColumn(.cells(12)), ListColumn(.cells(14)), ListColumn(),
        ListColumn(.cells(22)),
    ]

    private func item(for row: Row, context: DeskContext) -> ListItem {
        let text = context.text
        switch row {
        case .conflict(let conflict, _, let order) where conflict.kind == .shortage:
            let missing = text.text(.syncShortage, String(conflict.missingUnits ?? 0))
            return ListItem(
                cells: [conflict.orderNumber ?? ""]
                    + describe(order?.draft, order?.customer, context)
                    + [missing], role: .warning)
        case .conflict(let conflict, let entry, _):
            let state = text.text(.syncRefused, text.reason(conflict.errorCode))
            return ListItem(
                cells: [conflict.provisionalNumber ?? ""]
                    + describe(entry?.request.draft, entry?.request.customer, context) + [state],
                role: .error)
        case .pending(let entry):
            return ListItem(
                cells: [entry.provisionalNumber]
                    + describe(entry.request.draft, entry.request.customer, context)
                    + [pendingState(entry, context)])
        case .sent(let entry):
            return ListItem(
                cells: [entry.provisionalNumber]
                    + describe(entry.request.draft, entry.request.customer, context)
                    + [text.text(.syncSent, entry.orderNumber ?? "")],
                role: .dim)
        }
    }

    /// Pick-up time, customer and items of an order.
    private func describe(_ draft: OrderDraft?, _ customer: CustomerData?, _ context: DeskContext)
        -> [String]
    {
        guard let draft else { return ["", "", ""] }
        let start = context.calendar.local(draft.start)
        let when = context.text.dayMonth(start.date) + " " + context.text.time(start.time)
        let name = [customer?.firstName ?? "", customer?.lastName ?? ""]
            .filter { !$0.isEmpty }.joined(separator: " ")
        let items = (draft.offers + draft.options).map { item in
            "\(item.quantity)× "
                + (context.session?.offer(item.offerID)?.name ?? "#\(item.offerID)")
        }
        return [when, name, items.joined(separator: ", ")]
    }

    private func pendingState(_ entry: OutboxEntry, _ context: DeskContext) -> String {
        guard entry.attempts > 0 else { return context.text.entry(.syncWaiting) }
        let next = context.calendar.local(entry.nextAttemptAt).time
        return context.text.text(
            .syncRetrying, String(entry.attempts + 1), context.text.time(next))
    }
}
