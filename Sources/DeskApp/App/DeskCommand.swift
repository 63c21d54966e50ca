import TerminalUI

/// Everything a key can ask the desk to do. The raw values are the command names of the
/// keymap files (`scope.name`); a key is looked up in the scopes of what has the focus,
/// most specific first (a text field, then the wizard, then `global`).
public enum DeskCommand: String, CaseIterable, Sendable {
    // Everywhere.
    case help = "global.help"
    case quit = "global.quit"
    case nextTab = "global.nextTab"
    case previousTab = "global.previousTab"
    case back = "global.back"
    case confirm = "global.confirm"
    case cancel = "global.cancel"
    case refresh = "global.refresh"
    case logOut = "global.logOut"

    // The month calendar.
    case previousDay = "calendar.previousDay"
    case nextDay = "calendar.nextDay"
    case previousWeek = "calendar.previousWeek"
    case nextWeek = "calendar.nextWeek"
    case previousMonth = "calendar.previousMonth"
    case nextMonth = "calendar.nextMonth"
    case today = "calendar.today"
    case findOffer = "calendar.findOffer"
    case newOrder = "calendar.newOrder"
    case switchBranch = "calendar.switchBranch"
    case switchCategory = "calendar.switchCategory"

    // Lists and checklists.
    case listUp = "list.up"
    case listDown = "list.down"
    case listPageUp = "list.pageUp"
    case listPageDown = "list.pageDown"
    case listHome = "list.home"
    case listEnd = "list.end"
    case listSearch = "list.search"
    case listToggle = "list.toggle"

    // Text fields.
    case fieldLeft = "field.left"
    case fieldRight = "field.right"
    case fieldHome = "field.home"
    case fieldEnd = "field.end"
    case fieldDeleteBackward = "field.deleteBackward"
    case fieldDeleteForward = "field.deleteForward"
    case fieldDeleteToEnd = "field.deleteToEnd"
    case fieldDeleteToStart = "field.deleteToStart"
    case nextField = "field.next"
    case previousField = "field.previous"

    // Quantity steppers.
    case increase = "stepper.increase"
    case decrease = "stepper.decrease"

    // Dialogs.
    case dialogNext = "dialog.next"
    case dialogPrevious = "dialog.previous"

    // The users screen (admins).
    case toggleAdmin = "users.toggleAdmin"
    case editBranches = "users.branches"
    case editCategories = "users.categories"
    case newUser = "users.new"
    case deactivateUser = "users.deactivate"
    case deleteUser = "users.delete"
    case mailNewPassword = "users.newPassword"

    // Guides & Touren: guides' records and tour dates.
    case newGuideOrTour = "guides.new"
    case editGuideOrTour = "guides.edit"
    case createGuideAccess = "guides.access"
    case assignGuide = "guides.assign"
    case releaseTour = "guides.release"

    // The order wizard.
    case nextStep = "wizard.nextStep"
    case previousStep = "wizard.previousStep"

    // The orders screen.
    case pickUp = "orders.pickUp"
    case markReturned = "orders.return"
    case cancelOrder = "orders.cancel"

    // The Sync tab: conflicts, shortages and unsent orders.
    case otherOffer = "sync.otherOffer"
    case otherTime = "sync.otherTime"
    case giveUpOrder = "sync.cancel"
    case acknowledge = "sync.acknowledge"

    /// The names the keymap loader accepts; another name in a user's file is reported.
    public static let names = Set(allCases.map(\.rawValue))

    /// The scope of the command, the part of its name before the dot.
    public var scope: String {
        String(rawValue.prefix { $0 != "." })
    }
}

extension DeskCommand {
    /// What the command does, for the help screen.
    public var summary: MessageKey {
        MessageKey(rawValue: "command." + rawValue) ?? .errorUnexpected
    }

    /// The heading of the command's scope on the help screen.
    public static func scopeHeading(_ scope: String) -> MessageKey {
        MessageKey(rawValue: "help.scope." + scope) ?? .errorUnexpected
    }
}
