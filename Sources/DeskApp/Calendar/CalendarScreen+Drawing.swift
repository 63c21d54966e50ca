import BookingCore
import TerminalUI

extension CalendarScreen {
    /// The panel with each offer's free units on the chosen day needs this many columns
    /// besides the month; narrower terminals show the month alone.
    static let panelWidth = 36
    static let panelMinimumColumns = 110

    /// The week planner under the month needs this many rows to be worth showing.
    static let weekPlannerMinimumRows = 6

    mutating func draw(in canvas: Canvas, context: DeskContext) {
        let (top, rest) = canvas.area.splitTop(1)
        drawFilter(in: canvas.sub(top), context: context)
        let (body, bottom) = rest.splitBottom(2)
        var month = body
        if canvas.columns >= Self.panelMinimumColumns {
            let split = body.splitLeft(body.columns - Self.panelWidth - 1)
            month = split.left
            drawPanel(in: canvas.sub(split.rest.inset(left: 1)), context: context)
        }
        // The month grid stops growing at four rows a week; a tall window shows the chosen
        // week below it, offer by offer, like a wall planner.
        let monthRows = 2 + widget.weeks.count * 4
        if month.rows >= monthRows + Self.weekPlannerMinimumRows {
            let (grid, planner) = month.splitTop(monthRows)
            month = grid
            drawWeekPlanner(in: canvas.sub(planner.inset(top: 1)), context: context)
        }
        drawMonth(in: canvas.sub(month), context: context)
        drawLegend(
            in: canvas.sub(Rect(row: bottom.row, column: 0, rows: 1, columns: bottom.columns)),
            context: context)
        drawDay(
            in: canvas.sub(Rect(row: bottom.row + 1, column: 0, rows: 1, columns: bottom.columns)),
            context: context)
    }

    /// "Filiale Nord · Fahrräder · alle Angebote".
    private func drawFilter(in line: Canvas, context: DeskContext) {
        let text = context.text
        let session = context.session
        let branchName = session?.branch(branch)?.name ?? ""
        let categoryName =
            category.flatMap { session?.category($0)?.name } ?? text.entry(.calendarAllCategories)
        let offerName = offer.flatMap { session?.offer($0)?.name } ?? text.entry(.calendarAllOffers)
        line.put(
            text.text(.calendarFilter, branchName, categoryName, offerName), row: 0, column: 0,
            width: line.columns, role: .title)
    }

    /// The colours of free, few, sold out and closed, on the right.
    private func drawLegend(in line: Canvas, context: DeskContext) {
        let text = context.text
        let legend: [(MessageKey, Role)] = [
            (.calendarLegendFree, .free), (.calendarLegendFew, .few),
            (.calendarLegendNone, .none), (.calendarLegendClosed, .closed),
        ]
        let width = legend.reduce(0) { $0 + text.entry($1.0).cellWidth + 3 }
        var column = max(0, line.columns - width)
        for (key, role) in legend {
            column = line.put(" " + text.entry(key) + " ", row: 0, column: column, role: role) + 1
        }
    }

    private mutating func drawMonth(in canvas: Canvas, context: DeskContext) {
        let text = context.text
        let figures = self.figures
        widget.today = CalendarDate(context.today)
        let notLoaded = MonthCalendar.DayLook(note: text.entry(.calendarNotLoaded))
        widget.look = { date in
            figures?.index(of: LocalDate(date)).map { figures?.looks[$0] ?? notLoaded } ?? notLoaded
        }
        widget.draw(in: canvas, focused: true)
    }

    /// The colour and note of a day: the free units, sold out or closed.
    static func look(of figure: DayFigure, text: MessageCatalog) -> MonthCalendar.DayLook {
        switch figure.level {
        case .closed:
            return MonthCalendar.DayLook(role: .closed, note: text.entry(.calendarClosedShort))
        case .none:
            return MonthCalendar.DayLook(role: .none, note: text.entry(.calendarSoldOut))
        case .few, .free:
            let note = figure.free.map { text.text(.calendarFreeUnits, String($0)) }
            return MonthCalendar.DayLook(
                role: figure.level == .few ? .few : .free,
                note: note ?? text.entry(.unlimited))
        }
    }

    /// "Sa 05.03.2016 · 18 von 19 frei · geöffnet 08:00–18:00" for the chosen day.
    private func drawDay(in line: Canvas, context: DeskContext) {
        let text = context.text
        let date = selectedDate
        var parts = [text.weekdayShort(date.isoWeekday) + " " + text.date(date)]
        if let figures, figures.offers.isEmpty {
            parts.append(text.entry(.calendarNoOffers))
        } else if let figure = figures?.figure(on: date) {
            parts.append(Self.detail(of: figure, text: text))
        }
        if let branch = context.session?.branch(branch),
            !branch.closedWeekdays.contains(date.isoWeekday)
        {
            parts.append(
                text.text(
                    .calendarOpeningHours, text.time(branch.opens), text.time(branch.closes)))
        }
        line.put(
            parts.joined(separator: " · "), row: 0, column: 0, width: line.columns, role: .normal)
    }

    static func detail(of figure: DayFigure, text: MessageCatalog) -> String {
        switch figure.level {
        case .closed: return text.entry(.calendarClosed)
        case .none: return text.entry(.calendarSoldOut)
        case .few, .free:
            guard let free = figure.free else { return text.entry(.unlimited) }
            guard let stock = figure.stock else {
                return text.text(.calendarFreeUnits, String(free))
            }
            return text.text(.calendarOfTotal, String(free), String(stock))
        }
    }

    /// Each offer of the selection with its free units on the chosen day.
    private func drawPanel(in canvas: Canvas, context: DeskContext) {
        let text = context.text
        canvas.put(
            text.weekdayShort(selectedDate.isoWeekday) + " " + text.date(selectedDate), row: 0,
            column: 0, width: canvas.columns, role: .header)
        guard let figures, let day = figures.index(of: selectedDate) else { return }
        let closed = figures.totals[day].closed
        for (index, row) in figures.offers.prefix(canvas.rows - 1).enumerated() {
            let free = day < row.free.count ? row.free[day] : nil
            let figure = DayFigure(free: free, stock: row.offer.stock, closed: closed)
            let look = Self.look(of: figure, text: text)
            let noteWidth = 12
            canvas.put(
                row.offer.name, row: index + 1, column: 0, width: canvas.columns - noteWidth - 1,
                role: .normal)
            canvas.put(
                look.note, row: index + 1, column: canvas.columns - noteWidth, width: noteWidth,
                alignment: .right, role: look.role)
        }
    }

    /// The chosen week, Monday to Sunday, one row per offer with its free units per day.
    private func drawWeekPlanner(in canvas: Canvas, context: DeskContext) {
        let text = context.text
        let monday = selectedDate.advanced(by: 1 - selectedDate.isoWeekday)
        let days = (0..<7).map { monday.advanced(by: $0) }
        let dayWidth = min(12, max(6, (canvas.columns - 24) / 7))
        let nameWidth = canvas.columns - dayWidth * 7
        canvas.put(text.entry(.columnOffer), row: 0, column: 0, width: nameWidth - 1, role: .header)
        for (index, day) in days.enumerated() {
            let label = text.weekdayShort(day.isoWeekday) + " " + String(day.day) + "."
            let role: Role = day == selectedDate ? .highlight : .header
            canvas.put(
                label, row: 0, column: nameWidth + index * dayWidth, width: dayWidth - 1,
                alignment: .right, role: role)
        }
        guard let figures else { return }
        let columns = days.map { figures.index(of: $0) }
        for (row, entry) in figures.offers.prefix(canvas.rows - 1).enumerated() {
            canvas.put(
                entry.offer.name, row: row + 1, column: 0, width: nameWidth - 1, role: .normal)
            for (index, day) in columns.enumerated() {
                guard let day else { continue }
                let free = day < entry.free.count ? entry.free[day] : nil
                let figure = DayFigure(
                    free: free, stock: entry.offer.stock, closed: figures.totals[day].closed)
                let (note, role) = Self.cell(of: figure, text: text)
                canvas.put(
                    note, row: row + 1, column: nameWidth + index * dayWidth, width: dayWidth - 1,
                    alignment: .right, role: role)
            }
        }
    }

    /// A day of the week planner: the bare number of free units in the colour of its level.
    static func cell(of figure: DayFigure, text: MessageCatalog) -> (String, Role) {
        switch figure.level {
        case .closed: return (text.entry(.calendarClosedShort), .closed)
        case .none: return ("0", .none)
        case .few: return (figure.free.map(String.init) ?? "", .few)
        case .free: return (figure.free.map(String.init) ?? text.entry(.unlimitedShort), .free)
        }
    }
}
