import BookingAPI
import BookingCore
import DeskClient
import Foundation
import TerminalUI

extension Desk {
    /// Carries out what a screen asked for.
    func perform(_ actions: [ScreenAction], context: DeskContext) {
        for action in actions {
            perform(action, context: context)
        }
    }

    private func perform(_ action: ScreenAction, context: DeskContext) {
        switch action {
        case .send(let request): send(request, context: context)
        case .notice(let notice): self.notice = notice
        case .clearNotice: notice = nil
        case .show(let tab): show(tab, context: context)
        case .startOrder(let date, let branch, let offer):
            startOrder(date: date, branch: branch, offer: offer, context: context)
        case .present(let overlay): self.overlay = overlay
        case .orderFinished: finishOrder(context: context)
        case .loggedIn(let response): loggedIn(response, context: context)
        case .outbox(let request): perform(request, context: context)
        case .quit: quit()
        }
    }

    /// Switches tabs; the orders tab loads the day, the wizard tab starts an order on the
    /// calendar's day if none is open.
    func show(_ tab: DeskTab, context: DeskContext) {
        self.tab = tab
        switch tab {
        case .calendar:
            perform(calendar?.load() ?? [], context: context)
        case .wizard:
            guard wizard == nil, let calendar else { return }
            startOrder(
                date: calendar.selectedDate, branch: calendar.branch,
                offer: calendar.focusOffer(context), context: context)
        case .orders:
            guard let fallback = orders?.branch else { return }
            let branch = calendar?.branch ?? fallback
            let actions = orders?.load(branch: branch, day: context.today) ?? []
            perform(actions, context: context)
        case .sync:
            reloadSyncScreen(context: context)
        }
    }

    /// Opens the wizard on a day; an order already half done is kept and shown instead.
    func startOrder(date: LocalDate, branch: BranchID, offer: OfferID?, context: DeskContext) {
        tab = .wizard
        if let wizard, wizard.isHalfDone { return }
        wizard = OrderWizard(date: date, branch: branch, offer: offer, context: context)
        notice = nil
    }

    /// Closes the wizard (created, or abandoned with its hold let go) and shows fresh
    /// numbers in the calendar.
    func finishOrder(context: DeskContext) {
        let release = wizard?.releaseHold() ?? []
        wizard = nil
        perform(release, context: context)
        tab = .calendar
        perform(calendar?.reload() ?? [], context: context)
    }

    /// After log-in: keep who it is and load the catalogue before the calendar.
    private func loggedIn(_ response: LoginResponse, context: DeskContext) {
        session = DeskSession(info: response.session)
        pendingLogIn = nil
        phase = .loading
        notice = Notice(text.text(.loginWelcome, response.session.user.name), kind: .success)
        loadCatalogue(context: context)
    }

    /// Asks for the catalogue: with a cache, what changed since the cursor it holds (the
    /// rest comes from the cache); without one, the whole catalogue in four calls.
    func loadCatalogue(context: DeskContext) {
        let requests: [BookingCall]
        if let store {
            requests = [.catalogueChanges(since: try? store.cache.cursor(.catalogue))]
        } else {
            requests = [.branches, .categories, .offers(OfferSearch()), .options(branch: nil)]
        }
        pendingCatalogue = Set(requests.map(\.name))
        for request in requests { send(request, context: context) }
    }

    // MARK: - Overlays

    func handleOverlayKey(_ key: Key, context: DeskContext) {
        guard let current = overlay else { return }
        switch current {
        case .help(var help):
            overlay = help.handle(key, context: context) ? nil : .help(help)
        case .question(var question):
            let result = question.handle(key, context: context)
            overlay = .question(question)
            if let result { close(with: result, context: context) }
        case .message(var dialog):
            let outcome = dialog.handle(key, keymap: keymap)
            overlay = .message(dialog)
            if outcome == .submitted || outcome == .cancelled { close(with: nil, context: context) }
        case .picker(var picker):
            let result = picker.handle(key, context: context)
            overlay = .picker(picker)
            if let result { close(with: result, context: context) }
        case .finder(var finder):
            let result = finder.handle(key, context: context)
            overlay = .finder(finder)
            if let result { close(with: result, context: context) }
        }
    }

    /// Closes the overlay and acts on its answer.
    private func close(with result: OverlayResult?, context: DeskContext) {
        let closed = overlay
        overlay = nil
        if case .message = closed, wizard?.isFinished == true {
            finishOrder(context: context)
            return
        }
        guard let result else { return }
        switch result {
        case .confirmed(.quit):
            quit()
        case .confirmed(.abandonOrder):
            finishOrder(context: context)
        case .confirmed(.cancelOrder(let id)):
            send(.cancelOrder(id), context: context)
        case .confirmed(.giveUp(let conflict)):
            resolve(conflict, .cancel, sentence: .syncGivenUp, context: context)
        case .confirmed(.logOut):
            logOut(context: context)
        case .branch, .category, .offer:
            let actions = calendar?.choose(result, context: context) ?? []
            perform(actions, context: context)
        }
    }
}
