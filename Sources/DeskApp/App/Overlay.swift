import BookingCore
import DeskClient
import OfflineCache
import TerminalUI

/// Something drawn over the screen that takes every key until it closes: the help, a
/// yes/no question, a message, a picker or the offer finder.
public enum Overlay {
    case help(HelpOverlay)
    case question(Question)
    case message(Dialog)
    case picker(Picker)
    case finder(OfferFinder)
}

/// What closing an overlay means for the desk or the screen below it.
public enum OverlayResult: Equatable {
    /// The person answered yes.
    case confirmed(Answer)
    case branch(BranchID)
    /// A category, or nil for all categories.
    case category(CategoryID?)
    /// An offer, or nil for all offers of the category.
    case offer(OfferID?)
}

/// What a yes to a question does.
public enum Answer: Equatable, Sendable {
    case quit
    case abandonOrder
    case cancelOrder(OrderID)
    /// Give up a refused order from the outbox.
    case giveUp(Conflict)
    case logOut
    /// A change of a user, guide or tour that asks first (deactivate, delete).
    case account(AccountCall)
}

/// A yes/no question in a dialog; `j`/`y` answer yes and `n` no, besides the buttons.
public struct Question {
    public var dialog: Dialog
    public var onYes: Answer

    public init(title: String, message: String, context: DeskContext, onYes: Answer) {
        dialog = Dialog(
            title: title, message: message,
            buttons: [context.text.entry(.yes), context.text.entry(.no)], focusedButton: 1,
            frameRole: .warning)
        self.onYes = onYes
    }

    /// Returns nil while open, `.some(nil)` when answered no, the answer when yes.
    mutating func handle(_ key: Key, context: DeskContext) -> OverlayResult?? {
        if case .character(let scalar) = key {
            switch Character(scalar).lowercased() {
            case "j", "y": return .some(.confirmed(onYes))
            case "n": return .some(nil)
            default: break
            }
        }
        switch dialog.handle(key, keymap: context.keymap) {
        case .submitted: return .some(dialog.focusedButton == 0 ? .confirmed(onYes) : nil)
        case .cancelled: return .some(nil)
        default: return nil
        }
    }
}

/// A list to choose one branch or category from.
public struct Picker {
    public var title: String
    public var list: SelectList
    public var choices: [OverlayResult]

    public init(title: String, labels: [String], choices: [OverlayResult], selected: Int) {
        self.title = title
        self.list = SelectList(items: labels.map { ListItem($0) })
        self.choices = choices
        list.select(selected)
    }

    /// Returns nil while open, `.some(nil)` when cancelled, the choice when confirmed.
    mutating func handle(_ key: Key, context: DeskContext) -> OverlayResult?? {
        switch context.command(for: key, scopes: ["list", "global"]) {
        case .confirm?:
            guard choices.indices.contains(list.selection) else { return .some(nil) }
            return .some(choices[list.selection])
        case .cancel?:
            return .some(nil)
        default:
            _ = list.handle(key, keymap: context.keymap)
            return nil
        }
    }

    mutating func draw(in canvas: Canvas) {
        // What is typed to jump to a row shows in the title, so a typo is seen.
        let shown = list.query.isEmpty ? title : title + " · " + list.query
        let width = min(canvas.columns, max(30, shown.cellWidth + 6))
        let height = min(canvas.rows, list.items.count + 2)
        let box = canvas.sub(canvas.area.centered(rows: height, columns: width))
        box.fill(role: .normal)
        box.box(box.area, title: shown)
        list.draw(in: box.sub(box.area.inset(by: 1)), focused: true)
    }
}

/// Finds an offer by name: a text field and the offers whose names contain what is typed.
public struct OfferFinder {
    public var field = TextField(maxLength: 60)
    public var list = SelectList(items: [])
    private let offers: [Offer]
    private var matches: [Offer] = []

    public init(offers: [Offer]) {
        self.offers = offers
        refresh()
    }

    /// Returns nil while open, `.some(nil)` when cancelled, the offer when confirmed (nil
    /// offer for an empty query: all offers again).
    mutating func handle(_ key: Key, context: DeskContext) -> OverlayResult?? {
        switch context.command(for: key, scopes: ["list", "global"]) {
        case .confirm?:
            if field.text.trimmingSpaces().isEmpty { return .some(.offer(nil)) }
            guard !matches.isEmpty else { return nil }
            return .some(.offer(matches[list.selection].id))
        case .cancel?:
            return .some(nil)
        case .listUp?, .listDown?, .listPageUp?, .listPageDown?:
            _ = list.handle(key, keymap: context.keymap)
            return nil
        default:
            if field.handle(key, keymap: context.keymap) == .changed { refresh() }
            return nil
        }
    }

    /// The offers whose names contain the typed text, ignoring case; the ones starting with
    /// it first.
    private mutating func refresh() {
        let needle = field.text.trimmingSpaces().lowercased()
        let found =
            needle.isEmpty ? offers : offers.filter { $0.name.lowercased().contains(needle) }
        let starting = found.filter { $0.name.lowercased().hasPrefix(needle) }
        matches = starting + found.filter { !$0.name.lowercased().hasPrefix(needle) }
        list.items = matches.map { ListItem($0.name) }
        list.select(0)
    }

    public var matchCount: Int { matches.count }

    mutating func draw(in canvas: Canvas, context: DeskContext) {
        let width = min(canvas.columns, 50)
        let height = min(canvas.rows, 14)
        let box = canvas.sub(canvas.area.centered(rows: height, columns: width))
        box.fill(role: .normal)
        box.box(box.area, title: context.text.entry(.calendarFindPrompt))
        let inner = box.area.inset(by: 1)
        field.draw(
            in: box.sub(Rect(row: 1, column: 2, rows: 1, columns: inner.columns - 2)), focused: true
        )
        let rows = Rect(row: 3, column: 1, rows: inner.rows - 2, columns: inner.columns)
        if matches.isEmpty {
            let sentence = context.text.text(.calendarNoMatch, field.text)
            box.put(sentence, row: 3, column: 2, width: inner.columns - 2, role: .dim)
        } else {
            list.draw(in: box.sub(rows), focused: false)
        }
    }
}
