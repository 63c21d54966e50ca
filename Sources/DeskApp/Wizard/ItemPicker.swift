import BookingCore
import TerminalUI

/// The list of the Angebot and Optionen steps: offers (or options) with their price, the
/// units free for the chosen period, and a quantity per row. Quantities are limited by what
/// is free, as the server last said; the selected row has a stepper.
struct ItemPicker {
    private(set) var items: [Offer] = []
    private(set) var quantities: [OfferID: Int] = [:]
    /// Free units per offer for the chosen period; a missing entry is not known yet, a nil
    /// value unlimited.
    private(set) var free: [OfferID: Int?] = [:]
    /// Units of our own hold, which the server counts as taken but are ours to give.
    private(set) var held: [OfferID: Int] = [:]
    private(set) var list = SelectList(items: [])
    private(set) var stepper = QuantityStepper(value: 0, range: 0...0)
    /// The heading of the name column: Angebot or Option.
    let nameHeading: MessageKey

    init(nameHeading: MessageKey) {
        self.nameHeading = nameHeading
    }

    /// Unlimited options still need a limit for the stepper.
    static let unlimitedMaximum = 99

    /// Replaces the rows; quantities of offers that are still listed are kept.
    mutating func setItems(_ offers: [Offer], focus: OfferID? = nil, context: DeskContext) {
        items = offers
        quantities = quantities.filter { id, _ in offers.contains { $0.id == id } }
        refreshRows(context: context)
        if let focus, let index = offers.firstIndex(where: { $0.id == focus }) {
            list.select(index)
        }
        syncStepper()
    }

    /// Chooses the quantities of an order taken before; rows not listed yet keep theirs
    /// until `setItems` lists them.
    mutating func prefill(_ chosen: [OrderItem]) {
        for item in chosen {
            quantities[item.offerID, default: 0] += item.quantity
        }
    }

    /// New free units from the server, and what our hold takes.
    mutating func setAvailability(
        _ free: [OfferID: Int?], held: [OfferID: Int], context: DeskContext
    ) {
        self.free = free
        self.held = held
        refreshRows(context: context)
        syncStepper()
    }

    /// Forgets the free units, e.g. when the period changed.
    mutating func forgetAvailability(context: DeskContext) {
        free = [:]
        held = [:]
        refreshRows(context: context)
        syncStepper()
    }

    /// The most units of `offer` that may be chosen now.
    func maximum(for offer: Offer) -> Int {
        let known = free[offer.id]
        switch known {
        case .some(.some(let units)):
            return max(0, units + (held[offer.id] ?? 0))
        case .some(.none):
            return Self.unlimitedMaximum
        case .none:
            return offer.stock ?? Self.unlimitedMaximum
        }
    }

    /// Whether the free units have come from the server.
    var isAvailabilityKnown: Bool { !free.isEmpty }

    /// The chosen items with a quantity, in list order.
    var chosen: [OrderItem] {
        items.compactMap { offer in
            guard let quantity = quantities[offer.id], quantity > 0 else { return nil }
            return OrderItem(offer.id, quantity: quantity)
        }
    }

    /// The chosen items whose quantity is more than is free now.
    var tooMany: [Offer] {
        items.filter { (quantities[$0.id] ?? 0) > maximum(for: $0) }
    }

    var selectedOffer: Offer? { items.isEmpty ? nil : items[list.selection] }

    /// Sets the quantity of an offer, within what is free.
    mutating func setQuantity(_ quantity: Int, of id: OfferID, context: DeskContext) {
        guard let offer = items.first(where: { $0.id == id }) else { return }
        quantities[id] = min(max(0, quantity), maximum(for: offer))
        refreshRow(of: id, context: context)
        syncStepper()
    }

    // MARK: - Keys

    /// Quantities change with the stepper keys and digits, Space switches between 0 and 1,
    /// the list keys move, and other characters search by name.
    mutating func handle(_ key: Key, context: DeskContext) -> Outcome {
        guard let offer = selectedOffer else { return .ignored }
        if list.isSearching {
            let outcome = list.handle(key, keymap: context.keymap)
            syncStepper()
            return outcome == .ignored ? .handled : outcome
        }
        switch context.command(for: key, scopes: ["stepper", "list"]) {
        case .increase?, .decrease?:
            return step(key, offer: offer, context: context)
        case .listToggle?:
            let now = quantities[offer.id] ?? 0
            setQuantity(now > 0 ? 0 : 1, of: offer.id, context: context)
            return .changed
        case .some:
            let outcome = list.handle(key, keymap: context.keymap)
            syncStepper()
            return outcome
        case nil:
            if let scalar = key.scalar, ("0"..."9").contains(scalar) {
                return step(key, offer: offer, context: context)
            }
            if key == .backspace { return step(key, offer: offer, context: context) }
            if context.command(for: key, scopes: ["global"]) != nil { return .ignored }
            let outcome = list.handle(key, keymap: context.keymap)
            syncStepper()
            return outcome
        }
    }

    private mutating func step(_ key: Key, offer: Offer, context: DeskContext) -> Outcome {
        let outcome = stepper.handle(key, keymap: context.keymap)
        guard outcome == .changed else { return outcome }
        quantities[offer.id] = stepper.value
        refreshRow(of: offer.id, context: context)
        return .changed
    }

    private mutating func syncStepper() {
        guard let offer = selectedOffer else { return }
        stepper = QuantityStepper(value: quantities[offer.id] ?? 0, range: 0...maximum(for: offer))
    }

    // MARK: - Rows

    /// New rows for the items. The same items with new figures are updated in place, so a
    /// search being typed survives an answer that arrives meanwhile.
    private mutating func refreshRows(context: DeskContext) {
        let rows = items.map { row(for: $0, context: context) }
        guard list.items.count != rows.count || list.items.isEmpty else {
            list.items = rows
            return
        }
        let selection = list.selection
        list = SelectList(
            items: rows, columns: Self.columns,
            header: [
                context.text.entry(nameHeading), context.text.entry(.columnPrice),
                context.text.entry(.columnFree), context.text.entry(.columnQuantity),
            ])
        list.select(selection)
    }

    private mutating func refreshRow(of id: OfferID, context: DeskContext) {
        guard let index = items.firstIndex(where: { $0.id == id }) else { return }
        list.items[index] = row(for: items[index], context: context)
    }

    static let columns = [
        ListColumn(), ListColumn(.cells(18), alignment: .right),
        ListColumn(.cells(5), alignment: .right), ListColumn(.cells(7), alignment: .right),
    ]

    private func row(for offer: Offer, context: DeskContext) -> ListItem {
        let text = context.text
        let freeText: String
        switch free[offer.id] {
        case .some(.some(let units)): freeText = String(units + (held[offer.id] ?? 0))
        case .some(.none): freeText = text.entry(.unlimitedShort)
        case .none: freeText = text.entry(.unknownShort)
        }
        let quantity = quantities[offer.id] ?? 0
        let role: Role = maximum(for: offer) == 0 && quantity == 0 ? .dim : .normal
        return ListItem(
            offer.name, Self.price(of: offer.price, context: context), freeText,
            quantity > 0 ? String(quantity) : "", role: role)
    }

    /// "10,00 € / Tag", with the minimum where there is one.
    static func price(of rule: PriceRule, context: DeskContext) -> String {
        let amount = context.money(rule.amount)
        let key: MessageKey
        switch rule.unit {
        case .perHour: key = .pricePerHour
        case .perDay: key = .pricePerDay
        case .perNight: key = .pricePerNight
        case .perPerson: key = .pricePerPerson
        case .perBooking: key = .pricePerBooking
        }
        let price = context.text.text(key, amount)
        guard let minimum = rule.minimum else { return price }
        return price + ", " + context.text.text(.priceMinimum, context.money(minimum))
    }

    // MARK: - Drawing

    mutating func draw(in canvas: Canvas, focused: Bool) {
        list.draw(in: canvas, focused: focused)
        guard focused, !items.isEmpty else { return }
        let row = 1 + list.selection - list.top
        guard row < canvas.rows else { return }
        canvas.fill(
            Rect(row: row, column: canvas.columns - 7, rows: 1, columns: 7), role: .selected)
        let digits = String(stepper.range.upperBound).count
        let width = digits + 4
        stepper.draw(
            in: canvas.sub(Rect(row: row, column: canvas.columns - width, rows: 1, columns: width)),
            focused: true)
    }
}
