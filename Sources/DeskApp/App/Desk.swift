import BookingAPI
import BookingCore
import DeskClient
import Foundation
import OfflineCache
import TerminalUI

/// What reaches the desk: a key, a resize, a server answer, or the clock ticking.
public enum DeskEvent: Sendable {
    case key(Key)
    case resize(Size)
    case reply(DeskReply)
    case tick
}

/// What the desk asks of the program around it.
public enum DeskEffect: Equatable, Sendable {
    /// Send a request; the answer comes back as `.reply`.
    case send(BookingCall)
    /// End the program.
    case quit
}

/// A log-in shown under the form on the embedded default (the demo data's logins).
public struct ShownLogin: Sendable, Equatable {
    public var account: String
    public var username: String
    public var password: String
    public var role: BookingCore.Role

    public init(account: String, username: String, password: String, role: BookingCore.Role) {
        self.account = account
        self.username = username
        self.password = password
        self.role = role
    }
}

/// The whole desk as one state machine: keys go through the keymap to the screen in front
/// (or the overlay over it), answers go to the screen that asked, and every step returns
/// what the program should do (send a request, quit). It never touches the terminal or the
/// network itself, so tests drive it with keys and made-up answers and read the screen
/// from an in-memory terminal.
///
/// With an `OfflineStore` the desk keeps working without the server: every order goes
/// through the outbox (stored before it is first sent, then sent in order by the sync
/// loop of `Desk+Sync`), calls the server cannot answer are answered from the cache
/// (`Desk+Offline`), and the Sync tab shows what staff must resolve.
public final class Desk {
    enum Phase {
        case login(LoginScreen)
        /// Logged in; the catalogue is on its way.
        case loading
        case working
    }

    let text: MessageCatalog
    let keymap: Keymap
    var phase: Phase
    var session: DeskSession?
    var tab = DeskTab.calendar
    var calendar: CalendarScreen?
    var wizard: OrderWizard?
    var orders: OrdersScreen?
    var syncScreen: SyncScreen?
    var users: UsersScreen?
    var guides: GuidesScreen?
    var myTours: GuideToursScreen?
    var overlay: Overlay?
    var notice: Notice?
    var connection = Connection()
    var pendingCatalogue: Set<String> = []
    /// The desk's cache and outbox; nil for a desk that works only online (benchmarks).
    let store: OfflineStore?
    /// What the sync loop has on its way and when it refreshes the cache next.
    var sync = SyncState()
    /// After an offline unlock: the log-in to send once the server is back, since the
    /// desk holds no session until then. Kept in memory only.
    var pendingLogIn: LoginRequest?
    let serverLabel: String
    let shownLogins: [ShownLogin]
    /// Sentences about broken theme or keymap files, shown on the log-in screen.
    let problems: [String]
    /// The effects collected while handling one event.
    var effects: [DeskEffect] = []

    /// - Parameters:
    ///   - serverLabel: where the server is, for the log-in screen.
    ///   - shownLogins: demo logins to show under the form; empty for a remote server.
    ///   - problems: sentences about broken theme or keymap files, shown at the start.
    ///   - store: the cache and outbox for working offline; without one every order goes
    ///     straight to the server and nothing is kept.
    public init(
        text: MessageCatalog, keymap: Keymap, serverLabel: String, shownLogins: [ShownLogin],
        problems: [String] = [], store: OfflineStore? = nil
    ) {
        self.text = text
        self.keymap = keymap
        self.serverLabel = serverLabel
        self.shownLogins = shownLogins
        self.problems = problems
        self.store = store
        phase = .login(Self.loginScreen(serverLabel: serverLabel, logins: shownLogins))
        if let first = problems.first {
            let more =
                problems.count > 1 ? text.text(.configMoreInLog, String(problems.count - 1)) : ""
            notice = Notice(text.text(.configUsingDefault, first) + more, kind: .warning)
        }
        takeStoreEvents()
        refreshOutboxFigures()
    }

    static func loginScreen(serverLabel: String, logins: [ShownLogin]) -> LoginScreen {
        LoginScreen(
            serverLabel: serverLabel,
            demoLogins: logins.map {
                LoginScreen.DemoLogin(
                    account: $0.account, username: $0.username, password: $0.password,
                    role: $0.role)
            })
    }

    func context(_ now: Date) -> DeskContext {
        DeskContext(
            text: text, keymap: keymap, now: now, session: session, isOnline: isConnected)
    }

    /// Whether the desk can talk to the server for the person logged in: it answers, and
    /// the desk holds a session there (not only an offline unlock).
    var isConnected: Bool { connection.isOnline && pendingLogIn == nil }

    /// Whether an order is half done, so quitting asks first.
    public var isOrderHalfDone: Bool { wizard?.isHalfDone ?? false }

    // MARK: - Events

    /// Handles one event and returns what the program should do.
    public func handle(_ event: DeskEvent, now: Date) -> [DeskEffect] {
        effects = []
        let context = self.context(now)
        switch event {
        case .key(let key): handleKey(key, context: context)
        case .reply(let reply): receive(reply, context: context)
        case .tick: tick(context: context)
        case .resize: break
        }
        return effects
    }

    private func tick(context: DeskContext) {
        takeStoreEvents()
        // The Sync tab follows the outbox at the tick's pace, not once per answer: a long
        // queue going out would otherwise be read back whole after every order.
        if tab == .sync, case .working = phase {
            syncScreen?.reload(store: store, context: context)
        }
        if connection.isCheckDue(at: context.now)
            || (connection.nextCheck == nil && !connection.isProbing)
        {
            send(.health, context: context)
        }
        syncTick(context: context)
    }

    private func handleKey(_ key: Key, context: DeskContext) {
        if overlay != nil {
            handleOverlayKey(key, context: context)
            return
        }
        switch phase {
        case .login(var screen):
            let command = context.command(for: key, scopes: ["global"])
            if key.scalar == nil, command == .help || command == .quit {
                handleGlobal(command, context: context)
                return
            }
            let actions = screen.handle(key, context: context)
            phase = .login(screen)
            perform(actions, context: context)
        case .loading:
            handleGlobal(context.command(for: key, scopes: ["global"]), context: context)
        case .working:
            guard let actions = handleScreenKey(key, context: context) else {
                handleGlobal(context.command(for: key, scopes: ["global"]), context: context)
                return
            }
            perform(actions, context: context)
        }
    }

    /// Offers the key to the screen in front; nil when the screen leaves it to the desk.
    private func handleScreenKey(_ key: Key, context: DeskContext) -> [ScreenAction]? {
        switch tab {
        case .calendar:
            return calendar?.handle(key, context: context)
        case .wizard:
            return wizard?.handle(key, context: context)
        case .orders:
            return orders?.handle(key, context: context)
        case .sync:
            return syncScreen?.handle(key, context: context)
        case .users:
            return users?.handle(key, context: context)
        case .guides:
            return guides?.handle(key, context: context)
        case .myTours:
            return myTours?.handle(key, context: context)
        }
    }

    /// The commands that work on every screen.
    func handleGlobal(_ command: DeskCommand?, context: DeskContext) {
        switch command {
        case .help?:
            overlay = .help(HelpOverlay(scopes: helpScopes, context: context, only: helpFilter))
        case .quit?:
            requestQuit(context: context)
        case .logOut?:
            requestLogOut(context: context)
        case .nextTab?:
            guard case .working = phase else { return }
            show(tab(after: 1), context: context)
        case .previousTab?:
            guard case .working = phase else { return }
            show(tab(after: -1), context: context)
        default:
            break
        }
    }

    /// The keymap scopes the help lists for the screen in front.
    var helpScopes: [String] {
        switch phase {
        case .login, .loading: return ["field", "global"]
        case .working:
            switch tab {
            case .calendar: return ["calendar", "global"]
            case .wizard: return ["wizard", "field", "list", "stepper", "global"]
            case .orders: return ["orders", "list", "field", "global"]
            case .sync: return ["sync", "list", "global"]
            case .users: return users?.scopes ?? ["global"]
            case .guides: return guides?.scopes ?? ["global"]
            case .myTours: return ["list", "global"]
            }
        }
    }

    /// Quits at once, or asks first when an order is half done.
    func requestQuit(context: DeskContext) {
        guard isOrderHalfDone else {
            quit()
            return
        }
        let question = Question(
            title: text.entry(.quitTitle), message: text.entry(.quitHalfDone), context: context,
            onYes: .quit)
        overlay = .question(question)
    }

    /// Lets go of any hold, then asks the program to end.
    func quit() {
        let actions = wizard?.releaseHold() ?? []
        perform(actions, context: context(Date()))
        effects.append(.quit)
    }
}
