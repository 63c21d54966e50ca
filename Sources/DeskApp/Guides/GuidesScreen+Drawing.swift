import BookingAPI
import TerminalUI

extension GuidesScreen {
    /// The guides above, the tour dates below, the keys at the foot; a form in place of
    /// both while one is open, the guide list to assign over them.
    mutating func draw(in canvas: Canvas, context: DeskContext) {
        let text = context.text
        canvas.put(text.entry(.guidesTitle), row: 0, column: 0, width: canvas.columns, role: .title)
        let body = canvas.sub(canvas.area.inset(top: 1))
        switch mode {
        case .guide(var editor):
            editor.draw(in: body, context: context)
            mode = .guide(editor)
        case .access(var form):
            form.draw(in: body, context: context)
            mode = .access(form)
        case .tour(var editor):
            editor.draw(in: body, context: context)
            mode = .tour(editor)
        case .lists:
            drawLists(in: body, context: context)
            tours.drawPicker(in: body, context: context)
        }
    }

    private mutating func drawLists(in canvas: Canvas, context: DeskContext) {
        let (lists, foot) = canvas.area.splitBottom(2)
        // The guides are few; the tour dates get the larger share of the rows.
        let (top, bottom) = lists.splitTop(max(4, (lists.rows - 1) * 2 / 5))
        drawGuides(in: canvas.sub(top), context: context)
        tours.draw(
            in: canvas.sub(bottom.inset(top: 1)), focused: focus == .tours, context: context)
        let hint = TextWrap.lines(hint(context), width: max(1, canvas.columns))
        for (index, line) in hint.prefix(2).enumerated() {
            canvas.put(line, row: foot.row + index, column: 0, role: .dim)
        }
    }

    private mutating func drawGuides(in canvas: Canvas, context: DeskContext) {
        let text = context.text
        let focused = focus == .guides
        canvas.put(
            text.entry(.guidesHeading), row: 0, column: 0, width: canvas.columns,
            role: focused ? .header : .dim)
        let area = canvas.sub(canvas.area.inset(top: 1))
        if let guidesProblem {
            area.putSentence(
                guidesProblem, row: 1, column: 2, width: area.columns - 2, lines: 2, role: .warning)
        } else if guides.isEmpty {
            let key: MessageKey = guidesLoading ? .loading : .guidesNone
            area.put(text.entry(key), row: 1, column: 2, width: area.columns - 2, role: .dim)
        } else {
            guideList.draw(in: area, focused: focused)
        }
    }

    private func hint(_ context: DeskContext) -> String {
        let text = context.text
        guard focus == .tours else {
            return text.text(
                .guidesHint, context.keyName(.newGuideOrTour), context.keyName(.editGuideOrTour),
                context.keyName(.createGuideAccess), context.keyName(.nextField))
        }
        return text.text(
            .toursHint, context.keyName(.newGuideOrTour), context.keyName(.editGuideOrTour),
            context.keyName(.assignGuide), context.keyName(.releaseTour),
            context.keyName(.nextField))
    }
}
