import BookingAPI
import BookingCore
import DeskClient
import Foundation
import TerminalUI

/// Meine Touren: everything a tour guide sees at the desk. Their released tours with name,
/// date, time and participants, the coming ones first (soonest at the top), then those of
/// the last weeks. No key changes anything: the list moves and searches, `global.refresh`
/// asks again. Without the server the list comes from the cache, with the time it was
/// fetched.
struct GuideToursScreen {
    /// Where the shown list came from.
    enum Source: Equatable {
        case server
        /// The cache, when the server could not be reached.
        case cache
    }

    private(set) var tours: [GuideTour] = []
    /// When the shown list was fetched from the server; nil before the first list.
    private(set) var fetchedAt: Date?
    private(set) var source = Source.server
    private(set) var isLoading = false
    /// Why there is no list: the server refused, or neither it nor the cache had one.
    private(set) var problem: String?
    private var list = SelectList(items: [])

    /// How many days back the past tours reach.
    static let pastDays = 30

    /// The commands the screen answers to; every other key is left to the desk, which
    /// offers only help, refresh and quit here.
    static let readingCommands: Set<DeskCommand> = [
        .help, .quit, .refresh, .listUp, .listDown, .listPageUp, .listPageDown, .listHome,
        .listEnd, .listSearch,
    ]

    /// Asks the server for the guide's released tours.
    mutating func load(context: DeskContext) -> [ScreenAction] {
        isLoading = true
        return [.send(.guideTours)]
    }

    // MARK: - Keys

    mutating func handle(_ key: Key, context: DeskContext) -> [ScreenAction]? {
        if list.isSearching {
            _ = list.handle(key, keymap: context.keymap)
            return []
        }
        switch context.command(for: key, scopes: ["list", "global"]) {
        case .refresh?:
            return load(context: context)
        case .some(let command) where command.scope == "list" && command != .listToggle:
            _ = list.handle(key, keymap: context.keymap)
            return []
        case nil where key.scalar != nil:
            // Typing searches the list by name, which changes nothing.
            _ = list.handle(key, keymap: context.keymap)
            return []
        default:
            return nil
        }
    }

    // MARK: - Answers

    /// The server's list; an unreachable server is left to the desk, which looks in the
    /// cache (see `show(_:fetchedAt:source:context:)`).
    mutating func receive(_ reply: DeskReply, context: DeskContext) -> [ScreenAction] {
        switch reply.result {
        case .success(.guideTours(let tours)):
            isLoading = false
            show(tours, fetchedAt: context.now, source: .server, context: context)
            return []
        case .failure(let failure) where failure.isUnreachable:
            return []
        case .failure(let failure):
            isLoading = false
            problem = failure.sentence(context.text)
            return [.notice(Notice(failure.sentence(context.text), kind: .error))]
        default:
            return []
        }
    }

    /// The cache had nothing either: say so where the list would be.
    mutating func nothingCached(context: DeskContext) {
        isLoading = false
        guard fetchedAt == nil else { return }
        problem = context.text.entry(.myToursNothingCached)
    }

    /// Shows `tours`: the coming ones by start, then those of the last `pastDays` days,
    /// latest first.
    mutating func show(
        _ tours: [GuideTour], fetchedAt: Date, source: Source, context: DeskContext
    ) {
        isLoading = false
        problem = nil
        self.fetchedAt = fetchedAt
        self.source = source
        let now = context.now
        let coming = tours.filter { $0.end > now }.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        let first = context.calendar.instant(
            context.today.advanced(by: -Self.pastDays), LocalTime(hour: 0, minute: 0)!)
        let past = tours.filter { $0.end <= now && $0.end > first }
            .sorted { ($0.start, $0.id) > ($1.start, $1.id) }
        self.tours = coming + past
        var items = coming.map { row(for: $0, role: .normal, context: context) }
        if !past.isEmpty {
            // The heading stands in the tour column, the only one wide enough for it.
            items.append(ListItem("", "", context.text.entry(.myToursPast), "", role: .title))
            items += past.map { row(for: $0, role: .dim, context: context) }
        }
        var rebuilt = SelectList(items: items, columns: Self.columns, header: header(context))
        rebuilt.select(list.selection)
        list.carrySearch(to: &rebuilt, keymap: context.keymap)
        list = rebuilt
    }

    // MARK: - Rows

    static let columns = [
        ListColumn(.cells(14)), ListColumn(.cells(18)), ListColumn(),
        ListColumn(.cells(11), alignment: .right),
    ]

    private func header(_ context: DeskContext) -> [String] {
        let text = context.text
        return [
            text.entry(.columnDate), text.entry(.columnTime), text.entry(.columnTour),
            text.entry(.columnParticipants),
        ]
    }

    private func row(for tour: GuideTour, role: Role, context: DeskContext) -> ListItem {
        let text = context.text
        let start = context.calendar.local(tour.start)
        let end = context.calendar.local(tour.end)
        var time = text.time(start.time) + "–" + text.time(end.time)
        if end.date != start.date { time = text.time(start.time) + "–" + text.date(end.date) }
        return ListItem(
            text.weekdayShort(start.date.isoWeekday) + " " + text.date(start.date), time,
            tour.name, String(tour.participants), role: role)
    }

    // MARK: - Drawing

    mutating func draw(in canvas: Canvas, context: DeskContext) {
        let text = context.text
        let name = context.session?.info.user.name ?? ""
        canvas.put(
            text.text(.myToursTitle, name), row: 0, column: 0, width: canvas.columns, role: .title)
        drawAsOf(in: canvas, context: context)
        let (body, hintRow) = canvas.area.inset(top: 2).splitBottom(1)
        let area = canvas.sub(body)
        if let problem {
            area.putSentence(problem, row: 1, column: 2, width: area.columns - 2, role: .warning)
        } else if tours.isEmpty {
            let key: MessageKey = isLoading ? .loading : .myToursNone
            area.put(text.entry(key), row: 1, column: 2, width: area.columns - 2, role: .dim)
        } else {
            list.draw(in: area, focused: true)
        }
        let hint = text.text(.myToursHint, context.keyName(.refresh), context.keyName(.help))
        canvas.put(hint, row: hintRow.row, column: 0, width: canvas.columns, role: .dim)
    }

    /// "Stand 10:02", or that the list comes from the cache and how old it is.
    private func drawAsOf(in canvas: Canvas, context: DeskContext) {
        guard let fetchedAt else { return }
        let text = context.text
        let local = context.calendar.local(fetchedAt)
        var when = text.time(local.time)
        if local.date != context.today { when = text.date(local.date) + " " + when }
        let line =
            source == .cache
            ? text.text(.myToursFromCache, when, text.age(of: fetchedAt, now: context.now))
            : text.text(.myToursAsOf, when)
        canvas.put(
            line, row: 1, column: 0, width: canvas.columns,
            role: source == .cache ? .warning : .dim)
    }
}
