import BookingAPI
import BookingCore
import DeskClient
import Foundation
import TerminalUI

extension GuidesScreen {
    /// Answers to the tab's calls: lists shown, saved records in place, refusals as
    /// sentences (under the field they name where a form is open).
    mutating func receive(_ reply: DeskReply, context: DeskContext) -> [ScreenAction] {
        guard case .account(let call) = reply.request else { return [] }
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
        switch answer {
        case .guides(let all):
            showGuides(all, context: context)
        case .guide(let guide):
            store(guide, context: context)
            leaveForm()
            return [notice(.guideSaved, context, guide.data.name, kind: .success)]
        case .userCreated(let created):
            guard case .createGuideAccess(let id, _) = call else { return [] }
            if let index = guides.firstIndex(where: { $0.id == id }) {
                guides[index].userID = created.user.id
                store(guides[index], context: context)
            }
            leaveForm()
            let sentence =
                text.text(.guideAccessCreated, created.user.username, created.user.name) + " "
                + UsersScreen.mailSentence(
                    created.passwordMail, to: created.user.email, context: context)
            return [.notice(Notice(sentence, kind: .success))]
        case .tours(let all):
            tours.show(all, context: context)
        case .tour(let tour):
            let before = tours.tours.first { $0.id == tour.id }
            let fromForm = !mode.isLists
            tours.stored(tour, context: context)
            leaveForm()
            return [tourNotice(tour, before: fromForm ? nil : before, context: context)]
        default:
            break
        }
        return []
    }

    /// What changed of a tour: released, taken back, a guide assigned or removed; or that
    /// it was saved.
    private func tourNotice(_ tour: TourRecord, before: TourRecord?, context: DeskContext)
        -> ScreenAction
    {
        let guide = tour.guideID.flatMap { id in guides.first { $0.id == id }?.data.name } ?? ""
        let date = context.text.date(context.calendar.date(of: tour.start))
        let key: MessageKey
        switch before {
        case let before? where before.released != tour.released:
            key = tour.released ? .tourReleased : .tourNotReleased
        case let before? where before.guideID != tour.guideID:
            key = tour.guideID == nil ? .tourNoGuide : .tourAssigned
        default:
            key = .tourSaved
        }
        return notice(key, context, tour.name, date, guide, kind: .success)
    }

    private mutating func failed(
        _ failure: DeskClientError, call: AccountCall, context: DeskContext
    ) -> [ScreenAction] {
        let text = context.text
        let sentence = failure.sentence(text)
        switch call {
        case .guides:
            guidesLoading = false
            guidesProblem = failure.isUnreachable ? text.entry(.guidesWaitForServer) : sentence
            return []
        case .tours:
            tours.failedToLoad(
                failure.isUnreachable ? text.entry(.guidesWaitForServer) : sentence)
            return []
        case .updateTour(let id, _):
            tours.settled(id, context: context)
        default:
            if refusedInForm(failure, context: context) { return [.clearNotice] }
        }
        if failure.isUnreachable { return [notice(.accountChangeNotSaved, context)] }
        return [.notice(Notice(sentence, kind: .error))]
    }

    /// Hands a refusal to the open form; true when it went under a field.
    private mutating func refusedInForm(_ failure: DeskClientError, context: DeskContext)
        -> Bool
    {
        switch mode {
        case .guide(var editor):
            defer { mode = .guide(editor) }
            return editor.refused(failure, context: context)
        case .access(var form):
            defer { mode = .access(form) }
            return form.refused(failure, context: context)
        case .tour(var editor):
            defer { mode = .tour(editor) }
            return editor.refused(failure, context: context)
        case .lists:
            return false
        }
    }

    private mutating func leaveForm() {
        mode = .lists
    }

    // MARK: - The guides' list

    mutating func showGuides(_ all: [GuideRecord], context: DeskContext) {
        let selected = selectedGuide?.id
        guides = all.sorted {
            ($0.data.name.lowercased(), $0.id) < ($1.data.name.lowercased(), $1.id)
        }
        guidesLoaded = true
        guidesLoading = false
        guidesProblem = nil
        rebuildGuideRows(context: context, selecting: selected)
        tours.setGuides(guides, context: context)
    }

    /// A record the server created or changed: in its place by name, selected.
    private mutating func store(_ guide: GuideRecord, context: DeskContext) {
        var all = guides.filter { $0.id != guide.id }
        all.append(guide)
        showGuides(all, context: context)
        if let index = guides.firstIndex(where: { $0.id == guide.id }) {
            guideList.select(index)
        }
    }

    static let guideColumns = [
        ListColumn(.cells(12)), ListColumn(), ListColumn(.cells(16)), ListColumn(),
        ListColumn(.cells(7)),
    ]

    private mutating func rebuildGuideRows(context: DeskContext, selecting id: GuideID?) {
        let text = context.text
        var rebuilt = SelectList(
            items: guides.map { guide in
                ListItem(
                    guide.data.contractNumber, guide.data.name, guide.data.phones.first ?? "",
                    guide.data.email ?? "",
                    text.entry(guide.userID == nil ? .unknownShort : .adminYes))
            }, columns: Self.guideColumns,
            header: [
                text.entry(.columnContract), text.entry(.columnName), text.entry(.columnPhone),
                text.entry(.columnEmail), text.entry(.columnAccess),
            ])
        if let id, let index = guides.firstIndex(where: { $0.id == id }) {
            rebuilt.select(index)
        }
        guideList.carrySearch(to: &rebuilt, keymap: context.keymap)
        guideList = rebuilt
    }
}

extension GuidesScreen.Mode {
    var isLists: Bool {
        if case .lists = self { return true }
        return false
    }
}
