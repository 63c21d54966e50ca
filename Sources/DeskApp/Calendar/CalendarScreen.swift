import BookingAPI
import BookingCore
import DeskClient
import Foundation
import TerminalUI

/// The wall planner: a month of one branch, for a category or one offer, each day showing
/// the free units in the colour of its level. Keys move by day, week and month; Enter (or
/// `calendar.newOrder`) starts an order on the chosen day.
struct CalendarScreen {
    private(set) var branch: BranchID
    private(set) var category: CategoryID?
    private(set) var offer: OfferID?
    var widget: MonthCalendar
    /// Months loaded for the current selection; a few, dropped when the selection changes.
    private var months: [LocalDate: MonthFigures] = [:]
    private var pending: Set<MonthQuery> = []

    init(session: DeskSession, today: LocalDate, text: MessageCatalog) {
        // The oldest branch first: usually the main one.
        let visible = Set(session.info.branchIDs)
        let mine = session.branches.filter { visible.contains($0.id) }
        branch = (mine.isEmpty ? session.branches : mine).map(\.id).min() ?? BranchID(0)
        category = session.categories(at: branch).first?.id
        widget = MonthCalendar(
            selected: CalendarDate(today),
            labels: MonthCalendar.Labels(
                monthNames: (1...12).map(text.monthName),
                weekdayNames: (1...7).map(text.weekdayShort)))
        widget.today = CalendarDate(today)
    }

    var selectedDate: LocalDate { LocalDate(widget.selected) }

    /// The question the calendar asks the server for the shown month.
    var query: MonthQuery {
        MonthQuery(month: selectedDate, branch: branch, category: category, offer: offer)
    }

    /// The figures of the shown month, if loaded.
    var figures: MonthFigures? { months[selectedDate.firstOfMonth] }

    /// The offer the wizard's list starts on: the chosen offer, else the first of the
    /// chosen category, so a bike counter lands on the bikes.
    func focusOffer(_ context: DeskContext) -> OfferID? {
        offer ?? context.session?.offers(at: branch, category: category).first?.id
    }

    /// Asks for the shown month unless it is loaded or on its way.
    mutating func load() -> [ScreenAction] {
        let query = self.query
        guard months[query.month] == nil, !pending.contains(query) else { return [] }
        pending.insert(query)
        return [.send(query.call)]
    }

    /// Forgets what was loaded and asks again, e.g. after an order or on `global.refresh`.
    mutating func reload() -> [ScreenAction] {
        months = [:]
        pending = []
        return load()
    }

    // MARK: - Keys

    /// Handles a key; nil when it is not the calendar's (help, quit, tabs).
    mutating func handle(_ key: Key, context: DeskContext) -> [ScreenAction]? {
        switch context.command(for: key, scopes: ["calendar", "global"]) {
        case .confirm?, .newOrder?:
            return [.startOrder(date: selectedDate, branch: branch, offer: focusOffer(context))]
        case .findOffer?:
            let offers = context.session?.offers(at: branch) ?? []
            return [.present(.finder(OfferFinder(offers: offers)))]
        case .switchBranch?:
            return [.present(.picker(branchPicker(context)))]
        case .switchCategory?:
            return [.present(.picker(categoryPicker(context)))]
        case .refresh?:
            return reload()
        case .back?, .cancel?:
            guard offer != nil else { return nil }
            return choose(.offer(nil), context: context)
        default:
            let before = widget.selected.firstOfMonth
            widget.today = CalendarDate(context.today)
            guard widget.handle(key, keymap: context.keymap) != .ignored else { return nil }
            return widget.selected.firstOfMonth == before ? [] : load()
        }
    }

    /// Applies a branch, category or offer chosen in a picker or the finder.
    mutating func choose(_ result: OverlayResult, context: DeskContext) -> [ScreenAction] {
        guard let session = context.session else { return [] }
        switch result {
        case .branch(let id):
            branch = id
            let categories = session.categories(at: id)
            if let category, !categories.contains(where: { $0.id == category }) {
                self.category = categories.first?.id
            }
            offer = nil
        case .category(let id):
            category = id
            offer = nil
        case .offer(let id):
            offer = id
            if let id, let found = session.offer(id) { category = found.categoryID }
        case .confirmed:
            return []
        }
        return reload()
    }

    private func branchPicker(_ context: DeskContext) -> Picker {
        let branches = context.session?.branches ?? []
        return Picker(
            title: context.text.entry(.calendarChooseBranch), labels: branches.map(\.name),
            choices: branches.map { .branch($0.id) },
            selected: branches.firstIndex { $0.id == branch } ?? 0)
    }

    private func categoryPicker(_ context: DeskContext) -> Picker {
        let categories = context.session?.categories(at: branch) ?? []
        return Picker(
            title: context.text.entry(.calendarChooseCategory),
            labels: [context.text.entry(.calendarAllCategories)] + categories.map(\.name),
            choices: [.category(nil)] + categories.map { .category($0.id) },
            selected: (categories.firstIndex { $0.id == category }).map { $0 + 1 } ?? 0)
    }

    // MARK: - Answers

    mutating func receive(_ reply: DeskReply, context: DeskContext) -> [ScreenAction] {
        guard let query = MonthQuery(reply.request) else { return [] }
        pending.remove(query)
        guard query.branch == branch, query.category == category, query.offer == offer,
            let session = context.session
        else { return [] }
        switch reply.result {
        case .success(.monthAvailability(let month)):
            months[query.month] = MonthFigures(month, session: session, text: context.text)
            return []
        case .failure(let failure) where !failure.isUnreachable:
            return [
                .notice(Notice(failure.sentence(context.text), kind: .error))
            ]
        default:
            return []
        }
    }
}
