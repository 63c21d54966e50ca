import BookingAPI
import BookingCore
import DeskClient
import Foundation
import TerminalUI

/// The tour dates of the Guides & Touren tab, from today on: date, time, tour, places
/// taken of the capacity, guide and whether the guide sees it. A date is created or
/// edited in `TourEditor`, a guide assigned from a list, a date released with one key.
struct TourDatesScreen {
    private(set) var tours: [TourRecord] = []
    private(set) var isLoaded = false
    private(set) var isLoading = false
    private(set) var problem: String?
    /// Tours with a change on its way.
    private(set) var pending: Set<TourID> = []
    private(set) var list = SelectList(items: [])
    /// The list of guides to assign, while it is open.
    private(set) var picker: SelectList?
    /// Guides' names by id, for the guide column; empty where guides are not to be seen.
    private var guideNames: [GuideID: String] = [:]

    var selectedTour: TourRecord? { tours.isEmpty ? nil : tours[list.selection] }

    /// Asks for the tours ending after the start of today.
    mutating func load(context: DeskContext) -> [ScreenAction] {
        isLoading = true
        let from = context.calendar.instant(context.today, LocalTime(hour: 0, minute: 0)!)
        return [.send(.account(.tours(from: from)))]
    }

    mutating func send(_ call: AccountCall) -> [ScreenAction] {
        if case .updateTour(let id, _) = call { pending.insert(id) }
        return [.send(.account(call))]
    }

    // MARK: - Keys

    /// Moves in the list; nil for keys that are not the list's.
    mutating func handleList(_ key: Key, context: DeskContext) -> Bool {
        if list.isSearching {
            _ = list.handle(key, keymap: context.keymap)
            return true
        }
        let command = context.command(for: key, scopes: ["list"])
        guard command != nil || key.scalar != nil, command != .listToggle else { return false }
        _ = list.handle(key, keymap: context.keymap)
        return true
    }

    /// Opens the guides to choose from, or says why not.
    mutating func openPicker(guides: [GuideRecord], context: DeskContext) -> [ScreenAction] {
        guard let tour = selectedTour else { return [noTour(context)] }
        guard pending.contains(tour.id) == false else { return [waiting(tour, context)] }
        var picker = SelectList(
            items: [ListItem(context.text.entry(.noGuide))] + guides.map { ListItem($0.data.name) })
        picker.select((tour.guideID.flatMap { id in guides.firstIndex { $0.id == id } } ?? -1) + 1)
        self.picker = picker
        return [.clearNotice]
    }

    /// Keys of the open guide list: Enter assigns the chosen guide, Escape closes.
    mutating func handlePicker(_ key: Key, guides: [GuideRecord], context: DeskContext)
        -> [ScreenAction]
    {
        guard var picker else { return [] }
        switch context.command(for: key, scopes: ["list", "global"]) {
        case .confirm?:
            self.picker = nil
            guard let tour = selectedTour else { return [] }
            let choice = picker.selection
            var request = Self.request(for: tour)
            request.guideID = choice > 0 ? guides[choice - 1].id : nil
            if request.guideID == nil { request.released = false }
            return send(.updateTour(tour.id, request))
        case .cancel?:
            self.picker = nil
        default:
            _ = picker.handle(key, keymap: context.keymap)
            self.picker = picker
        }
        return []
    }

    /// Releases the selected tour to its guide, or takes it back.
    mutating func toggleRelease(context: DeskContext) -> [ScreenAction] {
        guard let tour = selectedTour else { return [noTour(context)] }
        guard pending.contains(tour.id) == false else { return [waiting(tour, context)] }
        guard tour.released || tour.guideID != nil else {
            let sentence = context.text.text(.releaseNeedsGuide, context.keyName(.assignGuide))
            return [.notice(Notice(sentence, kind: .warning))]
        }
        var request = Self.request(for: tour)
        request.released.toggle()
        return send(.updateTour(tour.id, request))
    }

    /// The stored tour as a request, to change one part of it.
    static func request(for tour: TourRecord) -> TourRequest {
        TourRequest(
            offerID: tour.offerID, start: tour.start, end: tour.end, capacity: tour.capacity,
            guideID: tour.guideID, released: tour.released)
    }

    private func noTour(_ context: DeskContext) -> ScreenAction {
        .notice(Notice(context.text.entry(.toursNoneSelected), kind: .warning))
    }

    private func waiting(_ tour: TourRecord, _ context: DeskContext) -> ScreenAction {
        .notice(Notice(context.text.text(.userChangePending, tour.name), kind: .warning))
    }

    // MARK: - Answers

    mutating func show(_ all: [TourRecord], context: DeskContext) {
        let selected = selectedTour?.id
        tours = all.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        isLoaded = true
        isLoading = false
        problem = nil
        rebuildRows(context: context, selecting: selected)
    }

    mutating func failedToLoad(_ sentence: String) {
        isLoading = false
        problem = sentence
    }

    /// A tour the server created or changed: in its place by start, selected.
    mutating func stored(_ tour: TourRecord, context: DeskContext) {
        pending.remove(tour.id)
        tours.removeAll { $0.id == tour.id }
        let index = tours.firstIndex { ($0.start, $0.id) > (tour.start, tour.id) }
        tours.insert(tour, at: index ?? tours.count)
        rebuildRows(context: context, selecting: tour.id)
    }

    mutating func settled(_ id: TourID, context: DeskContext) {
        pending.remove(id)
        rebuildRows(context: context, selecting: selectedTour?.id)
    }

    /// New guide names; the guide column shows them.
    mutating func setGuides(_ guides: [GuideRecord], context: DeskContext) {
        guideNames = Dictionary(
            guides.map { ($0.id, $0.data.name) }, uniquingKeysWith: { first, _ in first })
        rebuildRows(context: context, selecting: selectedTour?.id)
    }

    // MARK: - Rows

    static let columns = [
        ListColumn(.cells(13)), ListColumn(.cells(11)), ListColumn(),
        ListColumn(.cells(6), alignment: .right), ListColumn(.cells(14)), ListColumn(.cells(8)),
    ]

    private mutating func rebuildRows(context: DeskContext, selecting id: TourID?) {
        let text = context.text
        var rebuilt = SelectList(
            items: tours.map { row(for: $0, context: context) }, columns: Self.columns,
            header: [
                text.entry(.columnDate), text.entry(.columnTime), text.entry(.columnTour),
                text.entry(.columnPlaces), text.entry(.columnGuide), text.entry(.columnReleased),
            ])
        if let id, let index = tours.firstIndex(where: { $0.id == id }) { rebuilt.select(index) }
        list.carrySearch(to: &rebuilt, keymap: context.keymap)
        list = rebuilt
    }

    private func row(for tour: TourRecord, context: DeskContext) -> ListItem {
        let text = context.text
        let start = context.calendar.local(tour.start)
        let end = context.calendar.local(tour.end)
        let guide: String
        if let id = tour.guideID {
            guide = guideNames[id] ?? text.entry(.guideAssigned)
        } else {
            guide = text.entry(.unknownShort)
        }
        let released =
            pending.contains(tour.id)
            ? "…" : text.entry(tour.released ? .adminYes : .releasedNo)
        return ListItem(
            text.weekdayShort(start.date.isoWeekday) + " " + text.date(start.date),
            text.time(start.time) + "–" + text.time(end.time), tour.name,
            "\(tour.participants)/\(tour.capacity)", guide, released,
            role: tour.participants > tour.capacity ? .warning : .normal)
    }

    // MARK: - Drawing

    mutating func draw(in canvas: Canvas, focused: Bool, context: DeskContext) {
        let text = context.text
        canvas.put(
            text.entry(.toursHeading), row: 0, column: 0, width: canvas.columns,
            role: focused ? .header : .dim)
        let area = canvas.sub(canvas.area.inset(top: 1))
        if let problem {
            area.putSentence(
                problem, row: 1, column: 2, width: area.columns - 2, lines: 2, role: .warning)
        } else if tours.isEmpty {
            let key: MessageKey = isLoading ? .loading : .toursNone
            area.put(text.entry(key), row: 1, column: 2, width: area.columns - 2, role: .dim)
        } else {
            list.draw(in: area, focused: focused)
        }
    }

    /// The list of guides to assign, in a box over the screen.
    mutating func drawPicker(in canvas: Canvas, context: DeskContext) {
        guard var picker else { return }
        let title = context.text.text(.assignGuideTitle, selectedTour?.name ?? "")
        let width = min(canvas.columns, max(40, title.cellWidth + 6))
        let height = min(canvas.rows, picker.items.count + 2)
        let box = canvas.sub(canvas.area.centered(rows: height, columns: width))
        box.fill(role: .normal)
        box.box(box.area, title: title)
        picker.draw(in: box.sub(box.area.inset(by: 1)), focused: true)
        self.picker = picker
    }
}
