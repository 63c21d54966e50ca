import BookingAPI
import BookingCore
import DeskClient
import Foundation
import OfflineCache

extension Desk {
    /// Takes a server answer: first what it says about the connection, then it goes to
    /// the screen that asked. A call the server could not be reached for is answered from
    /// the cache where the cache can (see `Desk+Offline`).
    func receive(_ reply: DeskReply, context: DeskContext) {
        connection.settled(reply.request)
        let conflicts = connection.openConflicts
        noteConnection(reply, context: context)
        if case .failure(.sessionEnded) = reply.result, session != nil {
            sessionEnded(context: context)
            return
        }
        route(answeredFromCache(reply, context: context), context: context)
        refreshOutboxFigures()
        if connection.openConflicts > conflicts, case .orderChanges = reply.request {
            // The refresh after a forced walk-in found orders it leaves short.
            notice = Notice(text.text(.shortageNew, context.keyName(.nextTab)), kind: .warning)
            syncScreen?.reload(store: store, context: context)
        }
    }

    /// Hands an answer to whatever waits for it.
    func route(_ reply: DeskReply, context: DeskContext) {
        switch reply.request {
        case .health:
            break
        case .logIn:
            receiveLogIn(reply, context: context)
        case .branches, .categories, .offers, .options:
            receiveCatalogue(reply, context: context)
        case .catalogueChanges:
            receiveCatalogueChanges(reply, context: context)
        case .orderChanges:
            receiveOrderChanges(reply, context: context)
        case .monthAvailability:
            sync.settled(reply.request)
            noteMonthMissing(reply)
            perform(calendar?.receive(reply, context: context) ?? [], context: context)
        case .createOrder:
            receiveOrder(reply, context: context)
        case .intervalAvailability, .quote, .createHold, .releaseHold:
            receiveForWizard(reply, context: context)
        case .orders, .pickUpOrder, .returnOrder, .cancelOrder, .order:
            perform(orders?.receive(reply, context: context) ?? [], context: context)
            noteNeedsNetwork(reply, context: context)
        case .logOut, .me, .offer, .guideTours:
            break
        }
    }

    /// Any answer means the server is there; no answer means it is not. The person sees
    /// both changes once, not every failed request.
    private func noteConnection(_ reply: DeskReply, context: DeskContext) {
        if case .failure(let failure) = reply.result, failure.isUnreachable {
            if connection.unreachable(at: context.now) {
                notice = Notice(text.entry(.errorUnreachable), kind: .warning)
                offerUnlock()
                releaseWaitingOrder(context: context)
            }
        } else if connection.answered(at: context.now) {
            notice = Notice(text.entry(.errorBackOnline), kind: .success)
            if case .login(var screen) = phase {
                screen.withdrawUnlock()
                phase = .login(screen)
            }
            cameBack(context: self.context(context.now))
        }
    }

    /// Back online: load what the outage kept from loading, and send what waited.
    private func cameBack(context: DeskContext) {
        if let pendingLogIn, session != nil {
            // The desk was unlocked offline; nothing else goes out before this log-in.
            send(.logIn(pendingLogIn), context: context)
            return
        }
        resumeAfterOutage(context: context)
    }

    /// Reloads what the screen in front shows and lets the sync loop catch up.
    func resumeAfterOutage(context: DeskContext) {
        if case .loading = phase, pendingCatalogue.isEmpty == false {
            loadCatalogue(context: context)
        }
        if case .working = phase, tab == .calendar {
            perform(calendar?.reload() ?? [], context: context)
        }
        try? store?.outbox.retryNow(now: context.now)
        sync.catchUp(at: context.now)
        syncTick(context: context)
    }

    func sessionEnded(context: DeskContext) {
        let release = wizard?.releaseHold() ?? []
        perform(release, context: context)
        forgetSession()
        var sentence = text.entry(.errorSessionEnded)
        if let waiting = try? store?.sessionEnded(), waiting > 0 {
            sentence += " " + text.text(.sessionEndedUnsent, String(waiting))
        }
        notice = Notice(sentence, kind: .warning)
        refreshOutboxFigures()
    }

    /// Drops who was logged in and every screen, back to the log-in.
    func forgetSession() {
        session = nil
        pendingLogIn = nil
        wizard = nil
        calendar = nil
        orders = nil
        syncScreen = nil
        overlay = nil
        sync = SyncState()
        tab = .calendar
        phase = .login(Self.loginScreen(serverLabel: serverLabel, logins: shownLogins))
    }

    // MARK: - Log-in

    private func receiveLogIn(_ reply: DeskReply, context: DeskContext) {
        guard case .login(var screen) = phase else {
            receiveBackgroundLogIn(reply, context: context)
            return
        }
        if case .failure(let failure) = reply.result, failure.isUnreachable,
            case .logIn(let request) = reply.request, store != nil
        {
            unlockOffline(request, screen: &screen, context: context)
            if case .login = phase { phase = .login(screen) }
            return
        }
        let actions = screen.receive(reply, context: context)
        phase = .login(screen)
        perform(actions, context: context)
    }

    // MARK: - Catalogue

    private func receiveCatalogue(_ reply: DeskReply, context: DeskContext) {
        guard case .loading = phase, session != nil else { return }
        switch (reply.request, reply.result) {
        case (_, .success(.branches(let branches))): session?.branches = branches
        case (_, .success(.categories(let categories))): session?.categories = categories
        case (.offers, .success(.offers(let offers))): session?.offers = offers
        case (.options, .success(.offers(let options))): session?.options = options
        case (_, .failure(let failure)):
            if !failure.isUnreachable {
                notice = Notice(failure.sentence(text), kind: .error)
            }
            return
        default:
            return
        }
        pendingCatalogue.remove(reply.request.name)
        guard pendingCatalogue.isEmpty, var session else { return }
        session.sortCatalogue()
        self.session = session
        startWorking(context: self.context(context.now))
    }

    /// The catalogue delta is in the cache (the recorder stored it): the desk's catalogue
    /// is read from there, at log-in and whenever something changed.
    private func receiveCatalogueChanges(_ reply: DeskReply, context: DeskContext) {
        sync.catalogueInFlight = false
        let changed: Bool
        switch reply.result {
        case .success(.catalogueChanges(let changes)):
            changed =
                changes.replacesAll || !changes.branches.isEmpty || !changes.categories.isEmpty
                || !changes.offers.isEmpty || !changes.removedOffers.isEmpty
        case .failure(let failure) where !failure.isUnreachable:
            notice = Notice(failure.sentence(text), kind: .error)
            return
        default:
            // Unreachable: the cache's catalogue, if it has one, will do.
            changed = true
        }
        if case .loading = phase {
            // Still pending without a catalogue: the server's return asks again.
            guard readCatalogueFromCache() else {
                notice = Notice(text.entry(.offlineNoCatalogue), kind: .error)
                return
            }
            pendingCatalogue.removeAll()
            startWorking(context: self.context(context.now))
        } else if changed {
            readCatalogueFromCache()
        }
    }

    /// Fills the session's catalogue from the cache; false when it holds none.
    @discardableResult
    func readCatalogueFromCache() -> Bool {
        guard let store, var session,
            (try? store.cache.syncedAt(.catalogue)) != nil,
            (try? session.fillCatalogue(from: store.cache)) != nil
        else { return false }
        self.session = session
        return true
    }

    func startWorking(context: DeskContext) {
        guard let session else { return }
        phase = .working
        calendar = CalendarScreen(session: session, today: context.today, text: text)
        orders = OrdersScreen(branch: calendar?.branch ?? BranchID(0), day: context.today)
        syncScreen = SyncScreen()
        tab = .calendar
        perform(calendar?.load() ?? [], context: context)
        sync.start(at: context.now)
        syncTick(context: context)
    }

    // MARK: - Orders

    /// An outbox order's answer (already recorded): the wizard that waits for it hears it,
    /// and the sync loop sends the next.
    private func receiveOrder(_ reply: DeskReply, context: DeskContext) {
        guard case .createOrder(let request) = reply.request else { return }
        guard store != nil else {
            receiveForWizard(reply, context: context)
            return
        }
        if sync.orderInFlight == request.clientID { sync.orderInFlight = nil }
        if wizard?.waits(for: request.clientID) == true {
            takeBackRefusal(reply, context: context)
            receiveForWizard(reply, context: context)
        } else {
            announce(reply, context: context)
        }
        if case .success(.order(let order)) = reply.result, order.forced {
            // The shortages it causes show once the other desks' orders are in.
            sync.nextOrders = context.now
        }
        syncTick(context: context)
    }

    /// The server refused the order the wizard is still open on: a new order is taken back
    /// from the outbox (the customer chooses again at once), a revision of a refused order
    /// stays in conflict and the wizard now replaces the new conflict.
    private func takeBackRefusal(_ reply: DeskReply, context: DeskContext) {
        guard case .failure(let failure) = reply.result, failure.refusal != nil,
            case .createOrder(let request) = reply.request, let store,
            let conflict = try? store.outbox.conflicts().last(where: {
                $0.clientID == request.clientID
            })
        else { return }
        if wizard?.replacing != nil {
            wizard?.replacing = conflict
        } else {
            _ = try? store.outbox.resolve(conflict.id, .cancel, now: context.now)
        }
    }

    /// A sent order from the outbox that no wizard waits for: a refusal is news for staff.
    private func announce(_ reply: DeskReply, context: DeskContext) {
        guard case .failure(let failure) = reply.result, let refusal = failure.refusal,
            case .createOrder(let request) = reply.request,
            let entry = try? store?.outbox.entry(clientID: request.clientID)
        else { return }
        let sentence = text.text(
            .conflictNew, entry.provisionalNumber, text.reason(refusal.code),
            context.keyName(.nextTab))
        notice = Notice(sentence, kind: .warning)
    }

    /// Wizard answers; a hold placed for a wizard that is gone is let go at once.
    private func receiveForWizard(_ reply: DeskReply, context: DeskContext) {
        let claimed: Bool
        switch reply.request {
        case .createHold, .releaseHold: claimed = wizard?.holdInFlight == reply.request
        default: claimed = wizard != nil
        }
        guard claimed else {
            if case .success(.hold(let hold)) = reply.result {
                send(.releaseHold(hold.id), context: context)
            }
            return
        }
        let actions = wizard?.receive(reply, context: context) ?? []
        perform(actions, context: context)
    }
}
