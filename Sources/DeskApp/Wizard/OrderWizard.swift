import BookingAPI
import BookingCore
import DeskClient
import Foundation
import OfflineCache
import TerminalUI

/// The walk-in order, step by step: Termin → Zeit → Angebot → Optionen → Daten →
/// Bestätigung. Enter goes on (in Daten from field to field, then on), Escape goes back;
/// the keymap's `wizard.nextStep` and `wizard.previousStep` work from any field.
///
/// The wizard holds the chosen units on the server while the customer's data is typed
/// (`wantedHold`, reconciled one request at a time) and creates the order with a client id
/// chosen when the wizard starts, which is also the `Idempotency-Key`: sending it again
/// after a lost answer never makes a second order. With the desk's outbox the order is
/// stored before it is first sent; offline the wizard ends with its provisional number.
struct OrderWizard {
    /// The order's client id (a UUID); a new one only after the server refused the order,
    /// since the refused id stays bound to the request the server saw.
    var clientID: String
    /// The refused order this one replaces, when opened from the Sync tab.
    var replacing: Conflict?
    var step = WizardStep.date
    var dates: DateStep
    var time: TimeStep
    var offers = ItemPicker(nameHeading: .columnOffer)
    var options = ItemPicker(nameHeading: .columnOption)
    var customer: CustomerStep
    /// The period once Zeit is done.
    var period: Period?
    var pickupDate: LocalDate
    var returnDate: LocalDate
    /// The server's price of the draft, for Bestätigung.
    var quote: PricedOrder?
    /// The running total from BookingCore's price function, shown while choosing.
    var runningTotal: Money?
    var submission = Submission.editing
    /// What the server holds for us, what we want held, and the hold request on its way.
    var heldHold: HoldInfo?
    var wantedHold: OrderDraft?
    var holdInFlight: BookingCall?
    private var edited = false
    private let focusOffer: OfferID?
    private let priceCatalog: Catalog

    /// Where the order stands once Bestätigung is confirmed.
    enum Submission: Equatable {
        case editing
        /// Confirmed; waits for the hold to settle before sending.
        case waitingForHold
        case sending(CreateOrderRequest)
        /// Sent, but no answer came (network); Enter sends the same again. Only for a desk
        /// without an outbox.
        case unsent(CreateOrderRequest)
        case created(OrderInfo)
        /// In the outbox and on its way; waits for the server's first answer.
        case stored(OutboxEntry)
        /// In the outbox, to be sent when the server can be reached: done at the counter.
        case takenOffline(OutboxEntry)
    }

    init(
        date: LocalDate, branch: BranchID, offer: OfferID?, context: DeskContext,
        clientID: String = UUID().uuidString.lowercased()
    ) {
        self.clientID = clientID
        let session = context.session
        dates = DateStep(date: date, text: context.text)
        time = TimeStep(branches: session?.branches ?? [], branch: branch)
        customer = CustomerStep(text: context.text)
        pickupDate = date
        returnDate = date
        focusOffer = offer
        priceCatalog = session?.priceCatalog ?? Catalog(offers: [], categories: [])
    }

    /// Whether quitting should ask first: something was entered or is held.
    var isHalfDone: Bool {
        if isFinished { return false }
        return step > .date || edited || heldHold != nil || holdInFlight != nil
    }

    /// Whether the order is taken: created on the server, or safely in the outbox.
    var isFinished: Bool {
        switch submission {
        case .created, .takenOffline: return true
        default: return false
        }
    }

    /// Orders sent without an answer yet, for the status line of a desk without an outbox
    /// (the online-only desk of the benchmarks); with one, the outbox counts them.
    var unsentOrders: Int {
        switch submission {
        case .sending, .unsent: return 1
        default: return 0
        }
    }

    /// The keymap scopes of the focused part, most specific first.
    var scopes: [String] {
        switch step {
        case .offers, .options: return ["stepper", "list", "wizard", "global"]
        case .confirm: return ["wizard", "global"]
        default: return ["field", "wizard", "global"]
        }
    }

    // MARK: - The draft

    /// The order as chosen so far; nil before the period is known.
    var draft: OrderDraft? {
        guard let period, let pickup = time.pickup, let returning = time.returning else {
            return nil
        }
        return OrderDraft(
            branchID: pickup.id, returnBranchID: returning.id == pickup.id ? nil : returning.id,
            start: period.start, end: period.end, persons: time.persons.value,
            offers: offers.chosen, options: options.chosen)
    }

    /// Prices the draft with BookingCore's one price function for the running total.
    mutating func recomputeTotal(context: DeskContext) {
        guard let session = context.session, let draft, !draft.offers.isEmpty else {
            runningTotal = nil
            return
        }
        runningTotal =
            try? Quote(
                draft: draft, catalog: priceCatalog, prepayment: session.prepayment,
                calendar: session.calendar, bookedAt: context.now
            ).total
    }

    // MARK: - Keys

    /// Handles a key; nil when the key is not the wizard's (help, quit, tabs).
    mutating func handle(_ key: Key, context: DeskContext) -> [ScreenAction]? {
        if isFinished { return nil }
        let command = context.command(for: key, scopes: scopes)
        switch command {
        case .nextStep?: return forward(context: context)
        case .previousStep?, .cancel?: return back(context: context)
        default: break
        }
        let outcome: Outcome
        switch step {
        case .date: outcome = dates.handle(key, context: context)
        case .time:
            outcome = time.handle(key, context: context)
            if outcome == .changed { takeProposedDays(context: context) }
        case .offers: outcome = offers.handle(key, context: context)
        case .options: outcome = options.handle(key, context: context)
        case .customer: outcome = customer.handle(key, context: context)
        case .confirm: outcome = command == .confirm ? .submitted : .ignored
        }
        switch outcome {
        case .submitted:
            return forward(context: context)
        case .changed:
            edited = true
            if step == .offers || step == .options { recomputeTotal(context: context) }
            return [.clearNotice]
        case .handled:
            return []
        case .ignored, .cancelled:
            return command == .confirm ? forward(context: context) : nil
        }
    }

    // MARK: - Moving between steps

    /// Checks the step and goes on to the next, with what the next step needs.
    mutating func forward(context: DeskContext) -> [ScreenAction] {
        switch step {
        case .date: return leaveDates(context: context)
        case .time: return leaveTime(context: context)
        case .offers: return leaveOffers(context: context)
        case .options: return leaveOptions(context: context)
        case .customer:
            guard customer.validate() else { return [] }
            return enter(.confirm, context: context)
        case .confirm:
            return confirm(context: context)
        }
    }

    /// One step back; in Termin, leaving the wizard (asking first when something is done).
    mutating func back(context: DeskContext) -> [ScreenAction] {
        guard let previous = step.previous else {
            guard isHalfDone else { return [.orderFinished] }
            let question = Question(
                title: context.text.entry(.tabWizard),
                message: context.text.entry(.abandonQuestion), context: context,
                onYes: .abandonOrder)
            return [.present(.question(question))]
        }
        switch submission {
        case .sending, .stored: return []
        default: submission = .editing
        }
        return enter(previous, context: context)
    }

    private mutating func leaveDates(context: DeskContext) -> [ScreenAction] {
        guard
            let (pickup, back) = dates.validate(
                context: context, pickupBranch: time.pickup, returnBranch: time.returning)
        else { return [] }
        (pickupDate, returnDate) = (pickup, back)
        time.suggestTimes(pickupDate: pickup, returnDate: back, context: context)
        takeProposedDays(context: context)
        return enter(.time, context: context)
    }

    /// Follows Zeit when its proposal moved to other days (after closing, or for another
    /// branch), so that Termin shows them too.
    private mutating func takeProposedDays(context: DeskContext) {
        guard let days = time.days, days != (pickupDate, returnDate) else { return }
        (pickupDate, returnDate) = days
        dates.prefill(pickup: pickupDate, back: returnDate, text: context.text)
    }

    private mutating func leaveTime(context: DeskContext) -> [ScreenAction] {
        guard
            let period = time.validate(
                pickupDate: pickupDate, returnDate: returnDate, context: context)
        else { return [] }
        if period != self.period {
            offers.forgetAvailability(context: context)
            options.forgetAvailability(context: context)
        }
        self.period = period
        return enter(.offers, context: context)
    }

    private mutating func leaveOffers(context: DeskContext) -> [ScreenAction] {
        if offers.chosen.isEmpty, let offer = offers.selectedOffer, offers.maximum(for: offer) > 0 {
            offers.setQuantity(1, of: offer.id, context: context)
            recomputeTotal(context: context)
        }
        if let problem = offersProblem(context: context) { return [problem] }
        return enter(.options, context: context) + holdChoice()
    }

    private mutating func leaveOptions(context: DeskContext) -> [ScreenAction] {
        if let over = options.tooMany.first {
            return [notice(context.text.text(.onlyFree, String(options.maximum(for: over))))]
        }
        return enter(.customer, context: context) + holdChoice()
    }

    /// Why the chosen offers cannot be booked as they are, as a sentence; nil when fine.
    private func offersProblem(context: DeskContext) -> ScreenAction? {
        let text = context.text
        guard !offers.chosen.isEmpty else { return notice(text.entry(.chooseAnOffer)) }
        if let over = offers.tooMany.first {
            return notice(text.text(.onlyFree, String(offers.maximum(for: over))))
        }
        guard let session = context.session, let draft else { return nil }
        do {
            _ = try Quote(
                draft: draft, catalog: priceCatalog, prepayment: session.prepayment,
                calendar: session.calendar, bookedAt: context.now)
            return nil
        } catch {
            return notice(Self.sentence(for: error, session: session, text: text))
        }
    }

    static func sentence(
        for error: QuoteError, session: DeskSession, text: MessageCatalog
    ) -> String {
        let name = { (id: OfferID) in session.offer(id)?.name ?? String(id.rawValue) }
        switch error {
        case .emptyOrder: return text.entry(.chooseAnOffer)
        case .tooManyPersons(let id, let maximum):
            return text.text(.tooManyPersons, name(id), String(maximum))
        case .returnElsewhereNotAllowed(let id):
            return text.text(.returnElsewhereNotAllowed, name(id))
        case .amountTooLarge, .quantityTooLarge: return text.entry(.amountTooLarge)
        case .periodTooLong(let days): return text.text(.rentalTooLong, String(days))
        default: return text.text(.errorUnexpected, error.code)
        }
    }

    /// Enters a step and asks the server for what it shows.
    mutating func enter(_ next: WizardStep, context: DeskContext) -> [ScreenAction] {
        step = next
        switch next {
        case .offers:
            offers.setItems(offerRows(context: context), focus: focusOffer, context: context)
            recomputeTotal(context: context)
            return availabilityRequest()
        case .options:
            let branch = time.pickup?.id
            let rows = (context.session?.options ?? []).filter { $0.branchID == branch }
            options.setItems(rows, context: context)
            recomputeTotal(context: context)
            return options.isAvailabilityKnown ? [] : availabilityRequest()
        case .confirm:
            quote = nil
            return draft.map { [.send(.quote($0))] } ?? []
        default:
            return []
        }
    }

    /// The offers of the pick-up branch; only those that may come back elsewhere when the
    /// return branch is another.
    private func offerRows(context: DeskContext) -> [Offer] {
        guard let pickup = time.pickup else { return [] }
        let elsewhere = time.returning?.id != pickup.id
        return (context.session?.offers(at: pickup.id) ?? []).filter {
            !elsewhere || $0.returnElsewhere
        }
    }

    private func availabilityRequest() -> [ScreenAction] {
        guard let period, let pickup = time.pickup else { return [] }
        return [
            .send(
                .intervalAvailability(
                    start: period.start, end: period.end, AvailabilityFilter(branch: pickup.id)))
        ]
    }

    private func notice(_ text: String) -> ScreenAction {
        .notice(Notice(text, kind: .error))
    }

    // MARK: - Hold

    /// Wants the current choice held, and starts the next hold request if none is on its way.
    private mutating func holdChoice() -> [ScreenAction] {
        wantedHold = draft
        return reconcileHold()
    }

    /// Lets go of the hold, e.g. when the wizard is abandoned.
    mutating func releaseHold() -> [ScreenAction] {
        wantedHold = nil
        return reconcileHold()
    }

    /// One request at a time: release what is held but not wanted, then place what is
    /// wanted; a new hold is placed only after the old one is gone, since the server counts
    /// our own hold as taken.
    mutating func reconcileHold() -> [ScreenAction] {
        guard holdInFlight == nil else { return [] }
        let request: BookingCall
        switch (heldHold, wantedHold) {
        case (let held?, let wanted) where held.draft != wanted:
            request = .releaseHold(held.id)
        case (nil, let wanted?):
            request = .createHold(wanted)
        default:
            return []
        }
        holdInFlight = request
        return [.send(request)]
    }

    /// Whether the server holds exactly what is wanted, with nothing on its way.
    var isHoldSettled: Bool {
        holdInFlight == nil && heldHold?.draft == wantedHold
    }

    // MARK: - Confirming

    private mutating func confirm(context: DeskContext) -> [ScreenAction] {
        switch submission {
        case .sending, .created, .waitingForHold, .stored, .takenOffline:
            return []
        case .unsent(let request):
            submission = .sending(request)
            return [.send(.createOrder(request))]
        case .editing:
            guard quote != nil else { return [notice(context.text.entry(.confirmQuoteLoading))] }
            guard isHoldSettled else {
                submission = .waitingForHold
                return [.notice(Notice(context.text.entry(.holdPlacing), kind: .info))]
            }
            return send(context: context)
        }
    }

    /// Hands the order to the desk: into the outbox (or straight to a desk's server that
    /// has none), or in place of the refused order it replaces.
    mutating func send(context: DeskContext) -> [ScreenAction] {
        guard let draft, let quote else { return [] }
        let request = CreateOrderRequest(
            clientID: clientID, draft: draft,
            customer: customer.entry.customerData(catalog: context.text),
            expectedTotal: quote.total, holdID: heldHold?.id)
        submission = .sending(request)
        let action: OutboxAction =
            replacing.map { .replace(conflictID: $0.id, with: request) }
            ?? .submit(request, Self.kind(of: draft, context: context))
        // The notice first: what the outbox answers (a dialog, a sentence) comes after.
        return [
            .notice(Notice(context.text.entry(.orderSending), kind: .info)), .outbox(action),
        ]
    }

    /// A walk-in is handed over at the counter now: picked up today, a quarter of an hour
    /// ahead at the latest. Anything later is a reservation, which the server may refuse.
    static func kind(of draft: OrderDraft, context: DeskContext) -> OutboxEntry.Kind {
        let soon = draft.start <= context.now.addingTimeInterval(15 * 60)
        return soon && context.calendar.date(of: draft.start) == context.today
            ? .walkIn : .reservation
    }
}
