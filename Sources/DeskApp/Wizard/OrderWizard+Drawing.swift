import BookingAPI
import BookingCore
import TerminalUI

extension OrderWizard {
    mutating func draw(in canvas: Canvas, context: DeskContext) {
        let text = context.text
        let (header, rest) = canvas.area.splitTop(2)
        let (body, hintRow) = rest.inset(top: 1).splitBottom(1)
        drawHeader(in: canvas.sub(header), context: context)
        // Lists and forms read best at a bounded width, even in a wide window.
        let content = canvas.sub(
            Rect(
                row: body.row, column: body.column, rows: body.rows, columns: min(body.columns, 120)
            ))
        switch step {
        case .date: dates.draw(in: content, context: context)
        case .time: time.draw(in: content, context: context)
        case .offers:
            if offers.items.isEmpty {
                content.put(
                    context.text.entry(.noOffersHere), row: 0, column: 0, width: content.columns,
                    role: .dim)
            } else {
                offers.draw(in: content, focused: true)
            }
        case .options: drawOptions(in: content, context: context)
        case .customer: customer.draw(in: content, context: context)
        case .confirm: drawConfirmation(in: content, context: context)
        }
        let held = holdText(context: context)
        canvas.put(held, row: hintRow.row, column: canvas.columns - held.cellWidth, role: .dim)
        canvas.put(
            hint(text: text, context: context), row: hintRow.row, column: 0,
            width: canvas.columns - held.cellWidth - 3, role: .dim)
    }

    /// The step bar; under it the period and branch (once known) and the running total.
    private func drawHeader(in canvas: Canvas, context: DeskContext) {
        let text = context.text
        var bar = StepBar(
            labels: WizardStep.allCases.map { text.entry($0.label) }, current: step.rawValue)
        bar.draw(
            in: canvas.sub(Rect(row: 0, column: 0, rows: 1, columns: canvas.columns)), focused: true
        )
        let total = runningTotal.map { text.text(.wizardTotal, context.money($0)) } ?? ""
        let totalWidth = total.cellWidth
        canvas.put(total, row: 1, column: canvas.columns - totalWidth, role: .title)
        guard step > .time, let pickup = time.pickup, let period else { return }
        let calendar = context.calendar
        let start = calendar.local(period.start)
        let end = calendar.local(period.end)
        let line = text.text(
            .wizardPeriod, text.date(start.date), text.time(start.time), text.date(end.date),
            text.time(end.time), pickup.name)
        canvas.put(line, row: 1, column: 0, width: canvas.columns - totalWidth - 1, role: .normal)
    }

    /// "Reserviert bis 10:10 Uhr", or that the hold is on its way.
    private func holdText(context: DeskContext) -> String {
        if let held = heldHold {
            let until = context.calendar.local(held.expiresAt).time
            return context.text.text(.holdPlaced, context.text.time(until))
        }
        return holdInFlight != nil ? context.text.entry(.holdPlacing) : ""
    }

    private mutating func drawOptions(in canvas: Canvas, context: DeskContext) {
        guard options.items.isEmpty else {
            options.draw(in: canvas, focused: true)
            return
        }
        canvas.put(
            context.text.text(.noOptionsHere, context.keyName(.confirm)), row: 0, column: 0,
            width: canvas.columns, role: .dim)
    }

    private func hint(text: MessageCatalog, context: DeskContext) -> String {
        let next = context.keyName(.confirm)
        let back = context.keyName(.cancel)
        switch step {
        case .offers, .options:
            return text.text(
                .wizardHintList, next, back, context.keyName(.increase),
                context.keyName(.decrease))
        case .confirm:
            return text.text(.confirmHint, next, back)
        default:
            return text.text(.wizardHint, next, back, context.keyName(.nextField))
        }
    }

    // MARK: - Bestätigung

    /// Period, branches and customer, then the lines, options, VAT, total and prepayment.
    private func drawConfirmation(in canvas: Canvas, context: DeskContext) {
        let text = context.text
        let customerData = customer.entry
        let contact = [customerData.displayName, customerData[.email].trimmingSpaces()]
            .filter { !$0.isEmpty }.joined(separator: ", ")
        canvas.put(
            text.text(.confirmCustomer, contact), row: 0, column: 0, width: canvas.columns,
            role: .normal)
        if let pickup = time.pickup, let returning = time.returning {
            canvas.put(
                text.text(.confirmBranches, pickup.name, returning.name), row: 1, column: 0,
                width: canvas.columns, role: .normal)
        }
        if let draft {
            let walkIn = Self.kind(of: draft, context: context) == .walkIn
            canvas.put(
                text.entry(walkIn ? .confirmWalkIn : .confirmReservation), row: 2, column: 0,
                width: canvas.columns, role: .dim)
        }
        guard let quote else {
            canvas.put(
                text.entry(.confirmQuoteLoading), row: 3, column: 0, width: canvas.columns,
                role: .dim)
            return
        }
        ConfirmationTable(
            quote: quote, context: context,
            prepaymentPercent: context.session?.info.account.prepaymentPercent ?? 0
        )
        .draw(in: canvas.sub(canvas.area.inset(top: 3)))
    }
}

/// The receipt-like table of Bestätigung: one row per line, options under their own
/// heading, then VAT per rate, the total and the prepayment with its due date.
struct ConfirmationTable {
    let quote: PricedOrder
    let context: DeskContext
    let prepaymentPercent: Int

    func draw(in canvas: Canvas) {
        let text = context.text
        let amount = 12
        let unit = 12
        let quantity = 5
        let name = max(10, canvas.columns - amount - unit - quantity - 3)
        var row = 0
        func line(_ cells: [String], role: Role) {
            var column = 0
            let widths = [quantity, name, unit, amount]
            let alignments: [Alignment] = [.right, .left, .right, .right]
            for (index, cell) in cells.enumerated() {
                canvas.put(
                    cell, row: row, column: column, width: widths[index],
                    alignment: alignments[index], role: role)
                column += widths[index] + 1
            }
            row += 1
        }
        line(
            [
                text.entry(.columnQuantity), text.entry(.columnOffer),
                text.entry(.columnUnitPrice), text.entry(.columnAmount),
            ], role: .header)
        let offers = quote.lines.filter { $0.kind != .option }
        let options = quote.lines.filter { $0.kind == .option }
        for item in offers {
            line(cells(for: item), role: .normal)
        }
        if !options.isEmpty {
            line(["", text.entry(.confirmOptions), "", ""], role: .title)
            for item in options {
                line(cells(for: item), role: .normal)
            }
        }
        canvas.horizontalLine(row: row, column: canvas.columns - amount, length: amount)
        row += 1
        line(["", text.entry(.confirmTotal), "", context.money(quote.total)], role: .title)
        for vat in quote.vatTotals {
            let percent = Self.percent(vat.rate, language: text.language)
            line(
                ["", text.text(.confirmVAT, percent), "", context.money(vat.amount)], role: .normal)
        }
        let due = text.date(quote.prepaymentDue)
        line(
            [
                "", text.text(.confirmPrepayment, String(prepaymentPercent), due), "",
                context.money(quote.prepayment),
            ],
            role: .normal)
    }

    private func cells(for line: PricedOrder.Line) -> [String] {
        [
            context.text.text(.confirmQuantity, String(line.quantity)), line.name,
            context.money(line.unitPrice), context.money(line.total),
        ]
    }

    /// "19" for 1900 basis points, "7,5" for 750 in German.
    static func percent(_ rate: VATRate, language: Language) -> String {
        let whole = rate.rawValue / 100
        let hundredths = rate.rawValue % 100
        guard hundredths != 0 else { return String(whole) }
        let decimals =
            hundredths % 10 == 0
            ? String(hundredths / 10) : (hundredths < 10 ? "0" : "") + String(hundredths)
        return String(whole) + (language == .german ? "," : ".") + decimals
    }
}
