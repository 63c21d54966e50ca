import BookingCore
import Foundation
import TerminalUI

extension Desk {
    /// The smallest terminal the desk lays out for.
    public static let minimumSize = Size(rows: 24, columns: 80)

    /// Draws the whole desk: tabs, the screen in front, the message line, the status line,
    /// and an overlay on top.
    public func draw(in canvas: Canvas, now: Date) {
        let context = self.context(now)
        guard canvas.columns >= Self.minimumSize.columns, canvas.rows >= Self.minimumSize.rows
        else {
            drawTooSmall(in: canvas)
            return
        }
        let noticeLines = notice.map { Self.noticeLines($0.text, width: canvas.columns - 2) } ?? []
        let noticeRows = max(1, noticeLines.count)
        let (top, below) = canvas.area.splitTop(1)
        var rest = below
        if let banner = offlineBanner(context: context) {
            let (line, others) = below.splitTop(1)
            canvas.sub(line).fill(role: .warning)
            canvas.put(banner, row: line.row, column: 1, width: line.columns - 2, role: .warning)
            rest = others
        }
        let (middle, bottom) = rest.splitBottom(noticeRows + 1)
        drawTop(in: canvas.sub(top), context: context)
        drawScreen(in: canvas.sub(middle.inset(left: 1, right: 1)), context: context)
        for (index, line) in noticeLines.prefix(noticeRows).enumerated() {
            canvas.put(line, row: bottom.row + index, column: 1, role: notice?.role ?? .normal)
        }
        var status = statusLine(context: context)
        status.draw(
            in: canvas.sub(
                Rect(row: bottom.row + noticeRows, column: 0, rows: 1, columns: canvas.columns)),
            focused: false)
        drawOverlay(in: canvas, context: context)
    }

    /// A message may take this many lines from the screen.
    static let noticeRowLimit = 3

    /// The lines of a message `width` cells wide. A long one takes up to `noticeRowLimit`
    /// lines rather than being cut; one longer still ends in "…", so that nobody takes a
    /// cut sentence for the whole.
    static func noticeLines(_ text: String, width: Int) -> [String] {
        let lines = TextWrap.lines(text, width: width)
        guard lines.count > noticeRowLimit else { return lines }
        var shown = Array(lines.prefix(noticeRowLimit))
        shown[noticeRowLimit - 1] = (shown[noticeRowLimit - 1] + " …")
            .fitted(toCells: width, ellipsis: "…")
        return shown
    }

    private func drawTooSmall(in canvas: Canvas) {
        let sentence = text.text(.terminalTooSmall, String(canvas.columns), String(canvas.rows))
        let lines = TextWrap.lines(sentence, width: max(1, canvas.columns - 2))
        let top = max(0, (canvas.rows - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            canvas.put(line, row: top + index, column: 1, role: .warning)
        }
    }

    /// The tabs (once logged in) and, on the right, the account and the time.
    private func drawTop(in line: Canvas, context: DeskContext) {
        line.fill(role: .tab)
        let now = context.calendar.local(context.now)
        let shown = isWorking ? visibleTabs : []
        let labels = shown.map(tabLabel)
        let tabsWidth = labels.reduce(0) { $0 + $1.cellWidth + 3 }
        // The account's name, then the day, then the clock give way to the tabs in a narrow
        // window.
        var right =
            text.weekdayShort(now.date.isoWeekday) + " " + text.date(now.date) + " "
            + text.time(now.time)
        if tabsWidth + right.cellWidth + 2 > line.columns { right = text.time(now.time) }
        if tabsWidth + right.cellWidth + 2 > line.columns { right = "" }
        if let account = session?.info.account.name, !right.isEmpty,
            !isWorking || tabsWidth + account.cellWidth + right.cellWidth + 5 <= line.columns
        {
            right = account + " · " + right
        }
        let rightWidth = right.cellWidth + 2
        line.put(right, row: 0, column: line.columns - rightWidth + 1, role: .tab)
        let left = line.sub(Rect(row: 0, column: 0, rows: 1, columns: line.columns - rightWidth))
        guard isWorking else {
            left.put(" " + text.entry(.appName), row: 0, column: 0, role: .title)
            return
        }
        var tabs = Tabs(labels: labels, selected: shown.firstIndex(of: tab) ?? 0)
        tabs.draw(in: left, focused: true)
    }

    private func drawScreen(in canvas: Canvas, context: DeskContext) {
        switch phase {
        case .login(var screen):
            screen.draw(in: canvas, context: context)
            phase = .login(screen)
            drawProblems(in: canvas)
        case .loading:
            canvas.put(
                text.entry(.loading), row: canvas.rows / 2, column: 0, width: canvas.columns,
                alignment: .center, role: .dim)
        case .working:
            switch tab {
            case .calendar: calendar?.draw(in: canvas, context: context)
            case .wizard: wizard?.draw(in: canvas, context: context)
            case .orders: orders?.draw(in: canvas, context: context)
            case .sync: syncScreen?.draw(in: canvas, context: context)
            case .users: users?.draw(in: canvas, context: context)
            case .guides: guides?.draw(in: canvas, context: context)
            case .myTours: myTours?.draw(in: canvas, context: context)
            }
        }
    }

    /// Broken theme or keymap lines, at the foot of the log-in screen, with the note that
    /// the default is used.
    private func drawProblems(in canvas: Canvas) {
        let lines = problems.prefix(2).flatMap { problem in
            TextWrap.lines(text.text(.configUsingDefault, problem), width: canvas.columns)
        }.prefix(4)
        for (index, line) in lines.enumerated() {
            canvas.put(line, row: canvas.rows - lines.count + index, column: 0, role: .warning)
        }
    }

    /// Who, where, online or not, unsent orders, last sync, and the help key.
    func statusLine(context: DeskContext) -> StatusLine {
        var left: [StatusLine.Segment] = []
        if let user = session?.info.user {
            left.append(.init(user.name))
            let branch = calendar.flatMap { session?.branch($0.branch) }?.name
            // A guide works at no branch; their role says where they are.
            let guide = user.role == .guide ? text.role(.guide) : nil
            left.append(.init(branch ?? guide ?? text.entry(.statusNoBranch)))
        } else {
            left.append(.init(text.entry(.statusNotLoggedIn)))
        }
        let online: StatusLine.Segment =
            connection.isOnline
            ? .init("● " + text.entry(.statusOnline), role: .status)
            : .init("○ " + text.entry(.statusOffline), role: .warning)
        let unsent = connection.unsentOrders
        let sync =
            (connection.lastSync ?? connection.dataAsOf).map {
                text.text(.statusLastSync, text.time(context.calendar.local($0).time))
            } ?? text.entry(.statusNeverSynced)
        var right: [StatusLine.Segment] = [
            online,
            .init(text.text(.statusUnsent, String(unsent)), role: unsent > 0 ? .warning : .status),
        ]
        if connection.openConflicts > 0 {
            right.append(
                .init(
                    text.text(.statusConflicts, String(connection.openConflicts)), role: .error))
        }
        right += [.init(sync), .init(text.text(.statusHelp, context.keyName(.help)))]
        return StatusLine(left: left, right: right)
    }

    /// The Sync tab counts what waits there.
    private func tabLabel(_ tab: DeskTab) -> String {
        let waiting = connection.unsentOrders + connection.openConflicts
        guard tab == .sync, waiting > 0 else { return text.entry(tab.label) }
        return text.text(.tabSyncCount, String(waiting))
    }

    /// The line that says the desk works without the server, and how old its data is.
    private func offlineBanner(context: DeskContext) -> String? {
        guard store != nil, session != nil, !isConnected else { return nil }
        if session?.info.user.role == .guide { return text.entry(.offlineBannerGuide) }
        guard let asOf = connection.dataAsOf else { return text.entry(.offlineBannerNoData) }
        let local = context.calendar.local(asOf)
        var when = text.time(local.time)
        if local.date != context.today { when = text.date(local.date) + " " + when }
        return text.text(.offlineBanner, when, text.age(of: asOf, now: context.now))
    }

    private var isWorking: Bool {
        if case .working = phase { return true }
        return false
    }

    private func drawOverlay(in canvas: Canvas, context: DeskContext) {
        guard let current = overlay else { return }
        switch current {
        case .help(var help):
            help.draw(in: canvas, context: context)
            overlay = .help(help)
        case .question(var question):
            question.dialog.draw(in: canvas, focused: true)
            overlay = .question(question)
        case .message(var dialog):
            dialog.draw(in: canvas, focused: true)
            overlay = .message(dialog)
        case .picker(var picker):
            picker.draw(in: canvas)
            overlay = .picker(picker)
        case .finder(var finder):
            finder.draw(in: canvas, context: context)
            overlay = .finder(finder)
        }
    }
}
