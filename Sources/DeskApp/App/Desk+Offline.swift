import BookingAPI
import BookingCore
import DeskClient
import Foundation
import OfflineCache

extension Desk {
    // MARK: - Sending

    /// Sends a call, or, when the desk cannot reach the server for the person logged in,
    /// answers it from the cache at once, as if the server had been asked and found gone
    /// where the cache has nothing. Calls that change data on the server other than by a
    /// new order get a sentence saying they wait for the network.
    func send(_ call: BookingCall, context: DeskContext) {
        if store != nil, session != nil, !isConnected, call.usesSession {
            let answer =
                cacheAnswers(context)?.answer(call) ?? .failure(.offline("not in the cache"))
            // Straight to the screen: a local answer says nothing about the connection.
            route(DeskReply(request: call, result: answer), context: context)
            return
        }
        connection.sent(call, at: context.now)
        effects.append(.send(call))
    }

    /// What the cache can say for the session; nil without a store or a session.
    func cacheAnswers(_ context: DeskContext) -> CacheAnswers? {
        guard let store, let session else { return nil }
        return CacheAnswers(
            store: store, session: session, now: context.now,
            excluding: wizard?.replacing?.clientID)
    }

    /// A call that found no server, answered from the cache where it can be: the screen
    /// gets the figures it asked for instead of nothing.
    func answeredFromCache(_ reply: DeskReply, context: DeskContext) -> DeskReply {
        guard case .failure(let failure) = reply.result, failure.isUnreachable,
            let answer = cacheAnswers(context)?.answer(reply.request)
        else { return reply }
        return DeskReply(request: reply.request, result: answer)
    }

    /// A change the server must make (cancel, pick up, return) that found no server: the
    /// screens say nothing of unreachable servers, so the desk says why nothing happened.
    func noteNeedsNetwork(_ reply: DeskReply, context: DeskContext) {
        guard case .failure(let failure) = reply.result, failure.isUnreachable,
            reply.request.needsNetwork
        else { return }
        notice = Notice(text.entry(reply.request.offlineSentence), kind: .warning)
    }

    /// The server went while the wizard waited for its order's answer: the order is safe
    /// in the outbox, so the customer need not wait for the request to time out.
    func releaseWaitingOrder(context: DeskContext) {
        guard case .stored(let entry)? = wizard?.submission,
            let actions = wizard?.heldForLater(entry, context: context)
        else { return }
        perform(actions, context: context)
    }

    /// The calendar's month that neither the server nor the cache could give.
    func noteMonthMissing(_ reply: DeskReply) {
        guard case .failure(let failure) = reply.result, failure.isUnreachable, store != nil,
            let query = MonthQuery(reply.request), query == calendar?.query
        else { return }
        notice = Notice(text.entry(.offlineNoMonth), kind: .warning)
    }

    // MARK: - Offline unlock

    /// On the log-in screen, with the server gone: says who may log in without it.
    func offerUnlock() {
        guard case .login(var screen) = phase,
            let user = (try? store?.unlock.lastUser()) ?? nil
        else { return }
        screen.offerUnlock(
            account: user.account, username: user.username,
            sentence: text.text(.loginOfflineHint, user.username, user.account))
        phase = .login(screen)
    }

    /// The log-in found no server: the last user who logged in online may reopen the desk
    /// with their password, checked against the local hash, and work from the cache.
    func unlockOffline(
        _ request: LoginRequest, screen: inout LoginScreen, context: DeskContext
    ) {
        guard let store else { return }
        let result: OfflineUnlock.Result
        do {
            result = try store.unlock.unlock(
                account: request.account, username: request.username,
                password: request.password)
        } catch {
            screen.refuse(text.text(.storageFailed, error.description))
            return
        }
        switch result {
        case .unlocked:
            openOffline(request, screen: &screen, context: context)
        case .wrongPassword(let left):
            screen.refuse(text.text(.unlockWrongPassword, String(left)))
        case .lockedOut:
            screen.refuse(text.entry(.unlockLockedOut))
        case .otherUser:
            let user = try? store.unlock.lastUser()
            screen.refuse(
                text.text(.unlockOtherUser, user?.username ?? "", user?.account ?? ""))
        case .notSetUp:
            screen.refuse(text.entry(.unlockNotSetUp))
        }
    }

    /// Opens the desk on the cached session and catalogue; the log-in goes to the server
    /// as soon as it answers again.
    private func openOffline(
        _ request: LoginRequest, screen: inout LoginScreen, context: DeskContext
    ) {
        guard let store, let info = try? store.cache.session(),
            info.user.username == request.username, info.account.slug == request.account
        else {
            screen.refuse(text.entry(.unlockNoData))
            return
        }
        session = DeskSession(info: info)
        guard readCatalogueFromCache() else {
            session = nil
            screen.refuse(text.entry(.unlockNoData))
            return
        }
        pendingLogIn = request
        notice = Notice(text.text(.unlockOffline, info.user.name), kind: .warning)
        startWorking(context: self.context(context.now))
    }

    /// The log-in sent after an offline unlock, once the server answered again.
    func receiveBackgroundLogIn(_ reply: DeskReply, context: DeskContext) {
        guard pendingLogIn != nil, case .logIn = reply.request else { return }
        switch reply.result {
        case .success(.loggedIn(let response)):
            pendingLogIn = nil
            session?.info = response.session
            // The recorder stored the session (other rights than cached wiped the cache);
            // catching up brings the catalogue again before anything else is shown.
            resumeAfterOutage(context: self.context(context.now))
        case .failure(let failure) where failure.isUnreachable:
            break
        case .failure:
            forgetSession()
            notice = Notice(text.entry(.backgroundLogInRefused), kind: .error)
        default:
            break
        }
    }

    // MARK: - Log-out

    /// Logs out, asking first while an order is half done.
    func requestLogOut(context: DeskContext) {
        guard session != nil else { return }
        guard !isOrderHalfDone else {
            overlay = .question(
                Question(
                    title: text.entry(.commandLogOut), message: text.entry(.logOutHalfDone),
                    context: context, onYes: .logOut))
            return
        }
        logOut(context: context)
    }

    /// Refused while the outbox holds unsent orders or open shortages, saying how many;
    /// otherwise the cache and the unlock hash are wiped and the session ends.
    func logOut(context: DeskContext) {
        if let store {
            do {
                if case .refused(let unsent, let shortages) = try store.logOut() {
                    notice = Notice(logOutRefusal(unsent, shortages), kind: .warning)
                    return
                }
            } catch {
                notice = Notice(text.text(.storageFailed, error.description), kind: .error)
                return
            }
        }
        let release = wizard?.releaseHold() ?? []
        perform(release, context: context)
        if isConnected { send(.logOut, context: context) }
        forgetSession()
        notice = Notice(text.entry(.loggedOut), kind: .success)
        refreshOutboxFigures()
    }

    private func logOutRefusal(_ unsent: Int, _ shortages: Int) -> String {
        guard unsent > 0 else {
            return text.text(
                .logOutRefusedShortages,
                shortages == 1
                    ? text.entry(.shortagesOne) : text.text(.shortagesMany, "\(shortages)"))
        }
        return text.text(
            .logOutRefusedUnsent,
            unsent == 1 ? text.entry(.ordersOne) : text.text(.ordersMany, String(unsent)))
    }
}

extension BookingCall {
    /// Whether the call needs the logged-in session (all but health and log-in).
    var usesSession: Bool {
        switch self {
        case .health, .logIn: return false
        default: return true
        }
    }

    /// Whether the call changes an order on the server in a way the desk cannot take on
    /// offline: cancelling, picking up, returning wait for the network.
    var needsNetwork: Bool {
        switch self {
        case .cancelOrder, .pickUpOrder, .returnOrder: return true
        default: return false
        }
    }

    /// The sentence for a call that waits for the network.
    var offlineSentence: MessageKey {
        switch self {
        case .cancelOrder: return .offlineCancel
        case .pickUpOrder: return .offlinePickUp
        case .returnOrder: return .offlineReturn
        default: return .errorUnreachable
        }
    }
}
