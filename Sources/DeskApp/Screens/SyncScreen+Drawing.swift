import BookingCore
import OfflineCache
import TerminalUI

extension SyncScreen {
    mutating func draw(in canvas: Canvas, context: DeskContext) {
        let text = context.text
        let unsent = rows.filter {
            if case .pending = $0 { return true }
            if case .conflict(let conflict, _, _) = $0 { return conflict.kind == .refused }
            return false
        }.count
        let open = rows.filter { if case .conflict = $0 { true } else { false } }.count
        canvas.put(
            text.text(.syncTitle, String(unsent), String(open)), row: 0, column: 0,
            width: canvas.columns, role: .title)
        let (body, bottom) = canvas.area.inset(top: 1).splitBottom(2)
        if rows.isEmpty {
            canvas.put(
                text.entry(.syncEmpty), row: body.row + 1, column: 2, width: canvas.columns - 2,
                role: .dim)
        } else {
            list.draw(in: canvas.sub(body), focused: true)
        }
        canvas.put(
            detail(context), row: bottom.row, column: 0, width: canvas.columns, role: .normal)
        let hint = text.text(
            .syncHint, context.keyName(.otherOffer), context.keyName(.otherTime),
            context.keyName(.giveUpOrder), context.keyName(.acknowledge),
            context.keyName(.refresh))
        canvas.put(hint, row: bottom.row + 1, column: 0, width: canvas.columns, role: .dim)
    }

    /// What the selected line is about, in a sentence.
    private func detail(_ context: DeskContext) -> String {
        let text = context.text
        switch selectedRow {
        case .conflict(let conflict, let cause, _)? where conflict.kind == .shortage:
            let offer = conflict.offerID.flatMap { context.session?.offer($0)?.name } ?? ""
            return text.text(
                .syncShortageDetail, conflict.orderNumber ?? "", String(conflict.missingUnits ?? 0),
                offer, cause?.provisionalNumber ?? "")
        case .conflict(let conflict, _, _)?:
            return text.text(.syncRefusedDetail, text.reason(conflict.errorCode))
        case .pending(let entry)?:
            return entry.kind == .walkIn
                ? text.entry(.syncPendingWalkIn) : text.entry(.syncPendingReservation)
        case .sent(let entry)?:
            return text.text(
                .syncSentDetail, entry.provisionalNumber, entry.orderNumber ?? "")
        case nil:
            return ""
        }
    }
}
