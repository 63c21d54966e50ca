import BookingAPI
import BookingCore
import DeskClient
import Foundation
import OfflineCache
import TerminalUI

extension OrderWizard {
    /// Takes the server's answers to the wizard's requests; answers to questions no longer
    /// asked (an older period, an older draft) are dropped.
    mutating func receive(_ reply: DeskReply, context: DeskContext) -> [ScreenAction] {
        switch reply.request {
        case .intervalAvailability(let start, let end, let filter):
            return receiveAvailability(
                reply, branch: filter.branch, start: start, end: end, context: context)
        case .quote(let asked):
            return receiveQuote(reply, draft: asked, context: context)
        case .createHold, .releaseHold:
            guard reply.request == holdInFlight else { return [] }
            return receiveHold(reply, context: context)
        case .createOrder(let request):
            guard request.clientID == clientID else { return [] }
            return receiveOrder(reply, request: request, context: context)
        default:
            return []
        }
    }

    private mutating func receiveAvailability(
        _ reply: DeskReply, branch: BranchID?, start: Date, end: Date, context: DeskContext
    ) -> [ScreenAction] {
        guard let period, start == period.start, end == period.end, branch == time.pickup?.id
        else { return [] }
        switch reply.result {
        case .success(.intervalAvailability(let answer)):
            var free: [OfferID: Int?] = [:]
            for row in answer.offers { free[row.offerID] = row.free }
            var mine: [OfferID: Int] = [:]
            if let held = heldHold?.draft, held.start == period.start, held.end == period.end {
                for item in held.offers + held.options {
                    mine[item.offerID, default: 0] += item.quantity
                }
            }
            offers.setAvailability(free, held: mine, context: context)
            options.setAvailability(free, held: mine, context: context)
            return []
        case .failure(let failure):
            return failureNotice(failure, context: context)
        default:
            return []
        }
    }

    private mutating func receiveQuote(
        _ reply: DeskReply, draft asked: OrderDraft, context: DeskContext
    ) -> [ScreenAction] {
        guard asked == draft else { return [] }
        switch reply.result {
        case .success(.quote(let priced)):
            quote = priced
            return []
        case .failure(let failure):
            return failureNotice(failure, context: context)
        default:
            return []
        }
    }

    private mutating func receiveHold(_ reply: DeskReply, context: DeskContext) -> [ScreenAction] {
        holdInFlight = nil
        var actions: [ScreenAction] = []
        switch (reply.request, reply.result) {
        case (.releaseHold, _):
            heldHold = nil
        case (.createHold, .success(.hold(let info))):
            heldHold = info
        case (.createHold, .failure(let failure)):
            wantedHold = nil
            if case .soldOut = failure { return backToOffers(.soldOutNow, context: context) }
            if submission == .waitingForHold { submission = .editing }
            return failureNotice(failure, context: context)
        default:
            break
        }
        actions += reconcileHold()
        if submission == .waitingForHold && isHoldSettled {
            actions += send(context: context)
        }
        return actions
    }

    private mutating func receiveOrder(
        _ reply: DeskReply, request: CreateOrderRequest, context: DeskContext
    ) -> [ScreenAction] {
        let text = context.text
        switch reply.result {
        case .success(.order(let order)):
            submission = .created(order)
            heldHold = nil
            wantedHold = nil
            let dialog = Dialog(
                title: text.entry(.orderCreatedTitle),
                message: text.text(.orderCreated, order.number) + "\n\n"
                    + text.text(.orderCreatedHint, context.keyName(.confirm)),
                buttons: [text.entry(.ok)], frameRole: .success)
            return [.present(.message(dialog)), .clearNotice]
        case .failure(let failure):
            return orderFailed(failure, request: request, context: context)
        default:
            return []
        }
    }

    /// What a refused order means at the counter: gone units lead back to Angebot, a lost
    /// answer keeps the order to send again, a changed price asks for a new look. An order
    /// in the outbox that met no refusal is taken: the outbox keeps sending it.
    private mutating func orderFailed(
        _ failure: DeskClientError, request: CreateOrderRequest, context: DeskContext
    ) -> [ScreenAction] {
        if case .stored(let entry) = submission {
            guard failure.refusal != nil else { return heldForLater(entry, context: context) }
            // The desk gave the refused entry up; the changed order needs its own id.
            clientID = Outbox.newClientID()
        }
        switch failure {
        case _ where failure.isUnreachable:
            submission = .unsent(request)
            let retry = context.text.text(.orderRetry, context.keyName(.confirm))
            return [.notice(Notice(retry, kind: .warning))]
        case .holdExpired:
            heldHold = nil
            return backToOffers(.holdExpired, context: context)
        case .soldOut:
            return backToOffers(.soldOutNow, context: context)
        case .conflict(.totalMismatch, _):
            submission = .editing
            quote = nil
            let refresh: [ScreenAction] = draft.map { [.send(.quote($0))] } ?? []
            return refresh + [.notice(Notice(context.text.entry(.totalChanged), kind: .warning))]
        default:
            submission = .editing
            return failureNotice(failure, context: context)
        }
    }

    /// Back to Angebot with fresh availability and a sentence saying why.
    private mutating func backToOffers(_ reason: MessageKey, context: DeskContext) -> [ScreenAction]
    {
        submission = .editing
        wantedHold = nil
        var actions = reconcileHold()
        offers.forgetAvailability(context: context)
        options.forgetAvailability(context: context)
        actions += enter(.offers, context: context)
        return actions + [.notice(Notice(context.text.entry(reason), kind: .error))]
    }

    private func failureNotice(_ failure: DeskClientError, context: DeskContext) -> [ScreenAction] {
        guard !failure.isUnreachable else { return [] }
        return [.notice(Notice(failure.sentence(context.text), kind: .error))]
    }
}
