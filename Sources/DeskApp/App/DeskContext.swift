import BookingAPI
import BookingCore
import DeskClient
import Foundation
import TerminalUI

/// What every screen needs besides its own state, handed in with each key, answer and
/// frame: the words, the keys, the clock and who is logged in. Passing them in keeps the
/// screens free of globals, so tests set the time, the language and the keymap.
public struct DeskContext {
    public let text: MessageCatalog
    public let keymap: Keymap
    /// The time of the event being handled or the frame being drawn.
    public let now: Date
    public let session: DeskSession?
    /// Whether the desk reaches the server now; offline, orders wait in the outbox and
    /// availability comes from the cache.
    public let isOnline: Bool

    public init(
        text: MessageCatalog, keymap: Keymap, now: Date, session: DeskSession?,
        isOnline: Bool = true
    ) {
        self.text = text
        self.keymap = keymap
        self.now = now
        self.session = session
        self.isOnline = isOnline
    }

    /// The account's time zone (Europe/Berlin before log-in).
    public var calendar: AccountCalendar { session?.calendar ?? .berlin }

    /// Today in the account's time zone.
    public var today: LocalDate { calendar.date(of: now) }

    /// An amount as the language writes it: `1.234,50 €` or `€1,234.50`.
    public func money(_ amount: Money) -> String {
        amount.formatted(text.language == .german ? .german : .english)
    }

    /// The desk command `key` runs in the first of `scopes` that binds it.
    public func command(for key: Key, scopes: [String]) -> DeskCommand? {
        keymap.command(for: key, scopes: scopes).flatMap(DeskCommand.init(rawValue:))
    }

    /// The name of the first key bound to `command`, for hints such as "F8 weiter".
    public func keyName(_ command: DeskCommand) -> String {
        keymap.keys(for: command.rawValue).first?.name ?? "–"
    }
}

/// A sentence on the message line above the status line.
public struct Notice: Sendable, Equatable {
    public enum Kind: Sendable {
        case info, success, warning, error
    }

    public var text: String
    public var kind: Kind

    public init(_ text: String, kind: Kind) {
        self.text = text
        self.kind = kind
    }

    var role: Role {
        switch kind {
        case .info: return .normal
        case .success: return .success
        case .warning: return .warning
        case .error: return .error
        }
    }
}

/// The screens behind the tabs.
public enum DeskTab: Int, CaseIterable, Sendable {
    case calendar, wizard, orders, sync

    public var label: MessageKey {
        switch self {
        case .calendar: return .tabCalendar
        case .wizard: return .tabWizard
        case .orders: return .tabOrders
        case .sync: return .tabSync
        }
    }
}

/// What a screen asks of the desk after a key or an answer.
public enum ScreenAction {
    /// Send a request to the server; its reply comes back to the screen that sent it.
    case send(BookingCall)
    /// Show a sentence on the message line.
    case notice(Notice)
    /// Clear the message line.
    case clearNotice
    /// Switch to another tab.
    case show(DeskTab)
    /// Start the order wizard on a day, at a branch, with an offer in focus.
    case startOrder(date: LocalDate, branch: BranchID, offer: OfferID?)
    /// Show a dialog, picker or help over the screen.
    case present(Overlay)
    /// The wizard is done (order created or abandoned); the calendar shows fresh numbers.
    case orderFinished
    /// Log-in succeeded.
    case loggedIn(LoginResponse)
    /// Take an order into the outbox, resolve or act on a conflict.
    case outbox(OutboxAction)
    /// End the program.
    case quit
}
