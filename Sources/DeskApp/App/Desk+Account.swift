import BookingAPI
import BookingCore
import DeskClient
import Foundation

/// The screens of the account's people and tours: which tabs a role sees, the guide's
/// view after log-in, and the answers to their calls.
extension Desk {
    /// The tabs the logged-in user sees, in order: a guide only their tours; staff the
    /// counter's screens and Guides & Touren; admins also the users.
    var visibleTabs: [DeskTab] {
        let role = session?.info.user.role
        return DeskTab.allCases.filter { $0.isShown(to: role) }
    }

    /// The tab `offset` places from the one in front, wrapping around.
    func tab(after offset: Int) -> DeskTab {
        let shown = visibleTabs
        guard let index = shown.firstIndex(of: tab) else { return shown.first ?? tab }
        return shown[(index + offset % shown.count + shown.count) % shown.count]
    }

    /// Shows Benutzer, Guides & Touren or Meine Touren, loading what is not loaded yet.
    func showAccountTab(_ tab: DeskTab, context: DeskContext) {
        guard let session else { return }
        switch tab {
        case .users:
            if users == nil {
                let user = session.info.user
                users = UsersScreen(me: user.role == .superuser ? nil : user.id)
            }
            perform(users?.loadIfNeeded() ?? [], context: context)
        case .guides:
            if guides == nil { guides = GuidesScreen() }
            perform(guides?.loadIfNeeded(context: context) ?? [], context: context)
        case .myTours:
            if myTours == nil { startGuideView(context: context) }
        default:
            break
        }
    }

    /// A guide logged in: their tours and nothing else; no catalogue to load.
    func startGuideView(context: DeskContext) {
        phase = .working
        tab = .myTours
        var screen = GuideToursScreen()
        let actions = screen.load(context: context)
        myTours = screen
        perform(actions, context: context)
    }

    /// The help of the guide's view lists only the keys that read.
    var helpFilter: ((DeskCommand) -> Bool)? {
        guard case .working = phase, tab == .myTours else { return nil }
        return { GuideToursScreen.readingCommands.contains($0) }
    }

    /// Hands an answer to the screen whose call it was.
    func receiveAccount(_ reply: DeskReply, context: DeskContext) {
        guard case .account(let call) = reply.request else { return }
        let actions: [ScreenAction]
        switch call {
        case .users, .createUser, .setAdmin, .setRestrictions, .setActive, .deleteUser,
            .mailNewPassword:
            actions = users?.receive(reply, context: context) ?? []
        case .guides, .createGuide, .updateGuide, .createGuideAccess, .tours, .createTour,
            .updateTour:
            actions = guides?.receive(reply, context: context) ?? []
        }
        perform(actions, context: context)
    }

    /// The guide's tours, for Meine Touren; without the server, those the cache holds
    /// (the reply recorder stores every list the server sends).
    func receiveGuideTours(_ reply: DeskReply, context: DeskContext) {
        if case .failure(let failure) = reply.result, failure.isUnreachable {
            showCachedGuideTours(context: context)
            return
        }
        perform(myTours?.receive(reply, context: context) ?? [], context: context)
    }

    private func showCachedGuideTours(context: DeskContext) {
        guard let store, let storedAt = try? store.cache.syncedAt(.tours),
            let tours = try? store.cache.tours()
        else {
            myTours?.nothingCached(context: context)
            return
        }
        myTours?.show(tours, fetchedAt: storedAt, source: .cache, context: context)
    }

    /// A yes to a question about a user (deactivate, delete, new password) sends it.
    func confirmAccount(_ call: AccountCall, context: DeskContext) {
        perform(users?.send(call, context: context) ?? [], context: context)
    }

    /// Back online: the screen in front asks again for what it could not load.
    func resumeAccountScreens(context: DeskContext) {
        guard case .working = phase else { return }
        switch tab {
        case .users: perform(users?.loadIfNeeded() ?? [], context: context)
        case .guides: perform(guides?.loadIfNeeded(context: context) ?? [], context: context)
        case .myTours: perform(myTours?.load(context: context) ?? [], context: context)
        default: break
        }
    }

    /// Logged out or the session ended: nothing of these screens stays.
    func forgetAccountScreens() {
        users = nil
        guides = nil
        myTours = nil
    }
}

extension DeskTab {
    /// Whether a user of `role` sees this tab; nobody sees any before logging in.
    func isShown(to role: BookingCore.Role?) -> Bool {
        guard let role else { return false }
        switch self {
        case .myTours: return role == .guide
        case .users: return role == .admin || role == .superuser
        default: return role != .guide
        }
    }
}
