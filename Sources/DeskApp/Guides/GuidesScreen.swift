import BookingAPI
import BookingCore
import DeskClient
import Foundation
import TerminalUI

/// Guides & Touren, for admins and staff: the guides' records above, the tour dates from
/// today below; `field.next` moves between the two. In the guides: a new record, edit the
/// record, create the guide's log-in. In the tours: a new date, edit it, assign a guide,
/// release it to the guide. What the server refuses a user (staff may only read) appears
/// as its sentence.
struct GuidesScreen {
    enum Part: Equatable {
        case guides, tours
    }

    enum Mode {
        case lists
        case guide(GuideEditor)
        case access(GuideAccessForm)
        case tour(TourEditor)
    }

    var guides: [GuideRecord] = []
    var guidesLoaded = false
    var guidesLoading = false
    /// Why there is no guide list (the server refused, or is not reachable).
    var guidesProblem: String?
    var guideList = SelectList(items: [])
    var tours = TourDatesScreen()
    var focus = Part.guides
    var mode = Mode.lists

    var scopes: [String] {
        switch mode {
        case .lists where tours.picker != nil: return ["list", "global"]
        case .lists: return ["guides", "list", "field", "global"]
        default: return ["field", "global"]
        }
    }

    var selectedGuide: GuideRecord? { guides.isEmpty ? nil : guides[guideList.selection] }

    mutating func loadIfNeeded(context: DeskContext) -> [ScreenAction] {
        var actions: [ScreenAction] = []
        if !guidesLoaded && !guidesLoading { actions += loadGuides() }
        if !tours.isLoaded && !tours.isLoading { actions += tours.load(context: context) }
        return actions
    }

    mutating func reload(context: DeskContext) -> [ScreenAction] {
        loadGuides() + tours.load(context: context)
    }

    private mutating func loadGuides() -> [ScreenAction] {
        guidesLoading = true
        return [.send(.account(.guides))]
    }

    // MARK: - Keys

    mutating func handle(_ key: Key, context: DeskContext) -> [ScreenAction]? {
        switch mode {
        case .lists:
            if tours.picker != nil {
                return tours.handlePicker(key, guides: guides, context: context)
            }
            return handleLists(key, context: context)
        case .guide(var editor):
            let outcome = editor.handle(key, context: context)
            mode = .guide(editor)
            return outcome == .submitted ? saveGuide(context: context) : leaveOn(outcome)
        case .access(var form):
            let outcome = form.handle(key, context: context)
            mode = .access(form)
            return outcome == .submitted ? saveAccess(context: context) : leaveOn(outcome)
        case .tour(var editor):
            let outcome = editor.handle(key, context: context)
            mode = .tour(editor)
            return outcome == .submitted ? saveTour(context: context) : leaveOn(outcome)
        }
    }

    /// Escape in a form goes back to the lists without saving.
    private mutating func leaveOn(_ outcome: Outcome) -> [ScreenAction] {
        guard outcome == .cancelled else { return [] }
        mode = .lists
        return [.clearNotice]
    }

    private mutating func handleLists(_ key: Key, context: DeskContext) -> [ScreenAction]? {
        if tours.list.isSearching || guideList.isSearching {
            // A search takes every character until Enter or Escape.
            if focus == .tours { _ = tours.handleList(key, context: context) }
            if focus == .guides { _ = moveGuides(key, context: context) }
            return []
        }
        let command = context.command(for: key, scopes: scopes)
        switch command {
        case .nextField?, .previousField?:
            focus = focus == .guides ? .tours : .guides
            return []
        case .refresh?:
            return reload(context: context)
        case .some(let command) where Self.changeCommands.contains(command):
            return act(command, context: context)
        case .some(let command) where command.scope != "list":
            // Help, quit, tabs and the like are the desk's.
            return nil
        default:
            break
        }
        let moved =
            focus == .tours
            ? tours.handleList(key, context: context) : moveGuides(key, context: context)
        return moved ? [] : nil
    }

    private mutating func moveGuides(_ key: Key, context: DeskContext) -> Bool {
        if guideList.isSearching {
            _ = guideList.handle(key, keymap: context.keymap)
            return true
        }
        let command = context.command(for: key, scopes: ["list"])
        guard command != nil || key.scalar != nil, command != .listToggle else { return false }
        _ = guideList.handle(key, keymap: context.keymap)
        return true
    }

    /// The keys that open a form or change a tour; Enter edits what is selected.
    static let changeCommands: Set<DeskCommand> = [
        .newGuideOrTour, .editGuideOrTour, .confirm, .createGuideAccess, .assignGuide,
        .releaseTour,
    ]

    /// A key that opens a form or changes a tour: refused offline, and with a sentence
    /// where it does not fit the part in front.
    private mutating func act(_ command: DeskCommand, context: DeskContext) -> [ScreenAction] {
        guard context.isOnline else { return [notice(.accountChangesNeedNetwork, context)] }
        switch (focus, command) {
        case (.guides, .newGuideOrTour):
            mode = .guide(GuideEditor(guide: nil, text: context.text))
        case (.guides, .editGuideOrTour), (.guides, .confirm):
            guard let guide = selectedGuide else { return [notice(.guidesNoneSelected, context)] }
            mode = .guide(GuideEditor(guide: guide, text: context.text))
        case (.guides, .createGuideAccess):
            return openAccess(context: context)
        case (.tours, .newGuideOrTour):
            return openTour(nil, context: context)
        case (.tours, .editGuideOrTour), (.tours, .confirm):
            guard let tour = tours.selectedTour else {
                return [notice(.toursNoneSelected, context)]
            }
            return openTour(tour, context: context)
        case (.tours, .assignGuide):
            guard guidesLoaded else {
                return [
                    .notice(Notice(guidesProblem ?? context.text.entry(.loading), kind: .warning))
                ]
            }
            return tours.openPicker(guides: guides, context: context)
        case (.tours, .releaseTour):
            return tours.toggleRelease(context: context)
        case (.guides, _):
            return [notice(.keyIsForTours, context, context.keyName(.nextField))]
        default:
            return [notice(.keyIsForGuides, context, context.keyName(.nextField))]
        }
        return [.clearNotice]
    }

    private mutating func openAccess(context: DeskContext) -> [ScreenAction] {
        guard let guide = selectedGuide else { return [notice(.guidesNoneSelected, context)] }
        guard guide.userID == nil else {
            return [notice(.guideHasAccess, context, guide.data.name)]
        }
        guard guide.data.email?.isEmpty == false else {
            return [notice(.guideNeedsEmail, context, guide.data.name)]
        }
        mode = .access(GuideAccessForm(guide: guide, text: context.text))
        return [.clearNotice]
    }

    private mutating func openTour(_ tour: TourRecord?, context: DeskContext) -> [ScreenAction] {
        let offers = context.session?.tourOffers ?? []
        guard !offers.isEmpty else { return [notice(.noTourOffers, context)] }
        // A new date starts on tomorrow: today's default hours may already be over.
        let day = context.today.adding(days: 1) ?? context.today
        mode = .tour(
            TourEditor(tour: tour, offers: offers, guides: guides, day: day, context: context))
        return [.clearNotice]
    }

    // MARK: - Saving

    private mutating func saveGuide(context: DeskContext) -> [ScreenAction] {
        guard case .guide(var editor) = mode, !editor.isSending else { return [] }
        defer { mode = .guide(editor) }
        guard let data = editor.data(context: context) else { return [] }
        editor.isSending = true
        let call: AccountCall =
            editor.guide.map { .updateGuide($0.id, data) } ?? .createGuide(data)
        return [.send(.account(call)), notice(.saving, context, kind: .info)]
    }

    private mutating func saveAccess(context: DeskContext) -> [ScreenAction] {
        guard case .access(var form) = mode, !form.isSending else { return [] }
        defer { mode = .access(form) }
        guard let request = form.request(context: context) else { return [] }
        form.isSending = true
        return [
            .send(.account(.createGuideAccess(form.guide.id, request))),
            notice(.saving, context, kind: .info),
        ]
    }

    private mutating func saveTour(context: DeskContext) -> [ScreenAction] {
        guard case .tour(var editor) = mode, !editor.isSending else { return [] }
        defer { mode = .tour(editor) }
        guard let request = editor.request(context: context) else { return [] }
        editor.isSending = true
        let call: AccountCall =
            editor.tour.map { .updateTour($0.id, request) } ?? .createTour(request)
        return [.send(.account(call)), notice(.saving, context, kind: .info)]
    }

    func notice(
        _ key: MessageKey, _ context: DeskContext, _ arguments: String...,
        kind: Notice.Kind = .warning
    ) -> ScreenAction {
        .notice(Notice(context.text.text(key, arguments: arguments), kind: kind))
    }
}
