import BookingAPI
import BookingCore
import DeskClient
import Foundation

extension Desk {
    /// Takes a server answer: first what it says about the connection, then it goes to
    /// the screen that asked.
    func receive(_ reply: DeskReply, context: DeskContext) {
        noteConnection(reply, context: context)
        if case .failure(.sessionEnded) = reply.result, session != nil {
            sessionEnded(context: context)
            return
        }
        switch reply.request {
        case .health:
            healthInFlight = false
        case .logIn:
            guard case .login(var screen) = phase else { return }
            let actions = screen.receive(reply, context: context)
            phase = .login(screen)
            perform(actions, context: context)
        case .branches, .categories, .offers, .options:
            receiveCatalogue(reply, context: context)
        case .monthAvailability:
            perform(calendar?.receive(reply, context: context) ?? [], context: context)
        case .intervalAvailability, .quote, .createHold, .releaseHold, .createOrder:
            receiveForWizard(reply, context: context)
        case .orders, .pickUpOrder, .returnOrder, .cancelOrder, .order:
            perform(orders?.receive(reply, context: context) ?? [], context: context)
        case .logOut, .me, .offer, .catalogueChanges, .orderChanges:
            break
        }
    }

    /// Any answer means the server is there; no answer means it is not. The person sees
    /// both changes once, not every failed request.
    private func noteConnection(_ reply: DeskReply, context: DeskContext) {
        if case .failure(let failure) = reply.result, failure.isUnreachable {
            if connection.unreachable(at: context.now) {
                notice = Notice(text.entry(.errorUnreachable), kind: .warning)
            }
        } else if connection.answered(at: context.now) {
            notice = Notice(text.entry(.errorBackOnline), kind: .success)
            resumeAfterOutage(context: context)
        }
        connection.unsentOrders = wizard?.unsentOrders ?? 0
    }

    /// Back online: load what the outage kept from loading.
    private func resumeAfterOutage(context: DeskContext) {
        if case .loading = phase, pendingCatalogue.isEmpty == false {
            loadCatalogue()
        }
        if case .working = phase, tab == .calendar {
            perform(calendar?.load() ?? [], context: context)
        }
    }

    private func sessionEnded(context: DeskContext) {
        let release = wizard?.releaseHold() ?? []
        perform(release, context: context)
        session = nil
        wizard = nil
        calendar = nil
        orders = nil
        overlay = nil
        phase = .login(Self.loginScreen(serverLabel: serverLabel, logins: shownLogins))
        notice = Notice(text.entry(.errorSessionEnded), kind: .warning)
    }

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

    private func startWorking(context: DeskContext) {
        guard let session else { return }
        phase = .working
        calendar = CalendarScreen(session: session, today: context.today, text: text)
        orders = OrdersScreen(branch: calendar?.branch ?? BranchID(0), day: context.today)
        tab = .calendar
        perform(calendar?.load() ?? [], context: context)
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
                effects.append(.send(.releaseHold(hold.id)))
            }
            return
        }
        let actions = wizard?.receive(reply, context: context) ?? []
        perform(actions, context: context)
        connection.unsentOrders = wizard?.unsentOrders ?? 0
    }
}
