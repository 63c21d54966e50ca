import BookingAPI
import BookingCore
import Foundation
import OfflineCache
import TerminalUI

extension OrderWizard {
    /// A wizard on an order the server refused, filled in as it was taken; `enter` the
    /// step to start at (Angebot for another offer, Termin for another time). It gets a
    /// new client id; confirming sends it in the refused order's place.
    init(revising conflict: Conflict, request: CreateOrderRequest, context: DeskContext) {
        let draft = request.draft
        let calendar = context.calendar
        let start = calendar.local(draft.start)
        let end = calendar.local(draft.end)
        self.init(
            date: start.date, branch: draft.branchID, offer: draft.offers.first?.offerID,
            context: context)
        replacing = conflict
        dates.prefill(pickup: start.date, back: end.date, text: context.text)
        time.prefill(
            start: start.time, end: end.time, pickup: draft.branchID,
            returning: draft.returnBranchID ?? draft.branchID, persons: draft.persons)
        offers.prefill(draft.offers)
        options.prefill(draft.options)
        customer.prefill(request.customer, text: context.text)
        pickupDate = start.date
        returnDate = end.date
        period = try? Period(start: draft.start, end: draft.end)
    }

    /// The order is in the outbox: wait for the server's answer while it is reachable,
    /// otherwise the order is taken and the wizard ends with its provisional number.
    mutating func stored(_ entry: OutboxEntry, online: Bool, context: DeskContext)
        -> [ScreenAction]
    {
        guard online else { return heldForLater(entry, context: context) }
        submission = .stored(entry)
        let sending = context.text.text(.orderWaiting, entry.provisionalNumber)
        return [.notice(Notice(sending, kind: .info))]
    }

    /// The order stays in the outbox and goes out when the server can take it: the
    /// customer leaves with the provisional number.
    mutating func heldForLater(_ entry: OutboxEntry, context: DeskContext) -> [ScreenAction] {
        submission = .takenOffline(entry)
        heldHold = nil
        wantedHold = nil
        let text = context.text
        let sentence: MessageKey =
            entry.kind == .walkIn ? .orderQueuedWalkIn : .orderQueuedReservation
        let dialog = Dialog(
            title: text.entry(.orderQueuedTitle),
            message: text.text(sentence, entry.provisionalNumber) + "\n\n"
                + text.text(.orderCreatedHint, context.keyName(.confirm)),
            buttons: [text.entry(.ok)], frameRole: .warning)
        return [.present(.message(dialog)), .clearNotice]
    }

    /// Whether the wizard waits for the server's answer to the outbox order `clientID`.
    func waits(for clientID: String) -> Bool {
        if case .stored(let entry) = submission { return entry.clientID == clientID }
        return false
    }
}
