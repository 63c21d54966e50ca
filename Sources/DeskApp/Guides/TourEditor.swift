import BookingAPI
import BookingCore
import DeskClient
import Foundation
import TerminalUI

/// A tour date: which tour offer, the day, start and end in the account's time zone, how
/// many participants it takes, its guide and whether the guide sees it (released).
struct TourEditor {
    enum Field: Int, CaseIterable {
        case offer, date, start, end, capacity, guide, released
    }

    /// The tour being edited; nil for a new one.
    let tour: TourRecord?
    private(set) var form: EntryForm
    private let offers: [Offer]
    private let guides: [GuideRecord]
    var isSending = false

    /// - Parameters:
    ///   - offers: the tour offers the user may see; a new tour starts on the first.
    ///   - guides: the guides to choose from, after "no guide".
    init(
        tour: TourRecord?, offers: [Offer], guides: [GuideRecord], day: LocalDate,
        context: DeskContext
    ) {
        self.tour = tour
        self.offers = offers
        self.guides = guides
        let text = context.text
        let calendar = context.calendar
        let start = tour.map { calendar.local($0.start) }
        let end = tour.map { calendar.local($0.end) }
        let offerIndex = tour.flatMap { tour in offers.firstIndex { $0.id == tour.offerID } } ?? 0
        let guideIndex = tour?.guideID.flatMap { id in guides.firstIndex { $0.id == id } }
        let capacity = tour?.capacity ?? offers.first?.stock ?? 10
        form = EntryForm(fields: [
            EntryForm.Field(
                text.entry(.fieldTour),
                .choice(options: offers.map(\.name), selected: offerIndex), required: true),
            .text(text.entry(.fieldTourDate), text.date(start?.date ?? day), required: true),
            .text(
                text.entry(.fieldTourStart), start.map { text.time($0.time) } ?? "10:00",
                maxLength: 5, required: true),
            .text(
                text.entry(.fieldTourEnd), end.map { text.time($0.time) } ?? "12:00",
                maxLength: 5, required: true),
            .text(text.entry(.fieldCapacity), String(capacity), maxLength: 5, required: true),
            EntryForm.Field(
                text.entry(.fieldGuide),
                .choice(
                    options: [text.entry(.noGuide)] + guides.map(\.data.name),
                    selected: guideIndex.map { $0 + 1 } ?? 0)),
            EntryForm.Field(text.entry(.fieldReleased), .tick(tour?.released ?? false)),
        ])
    }

    mutating func handle(_ key: Key, context: DeskContext) -> Outcome {
        form.handle(key, context: context)
    }

    /// The request to send, or nil with a sentence at each field that is wrong.
    mutating func request(context: DeskContext) -> TourRequest? {
        let text = context.text
        form.clearMessages()
        guard form.checkRequired(sentence: text.entry(.required)) else { return nil }
        let day = TypedInput.date(form.text(Field.date.rawValue), today: context.today)
        let from = TypedInput.time(form.text(Field.start.rawValue))
        let to = TypedInput.time(form.text(Field.end.rawValue))
        if day == nil { form.setMessage(text.entry(.invalidDate), at: Field.date.rawValue) }
        if from == nil { form.setMessage(text.entry(.invalidTime), at: Field.start.rawValue) }
        if to == nil { form.setMessage(text.entry(.invalidTime), at: Field.end.rawValue) }
        let capacity = Int(form.text(Field.capacity.rawValue)).flatMap {
            (1...10_000).contains($0) ? $0 : nil
        }
        if capacity == nil {
            form.setMessage(text.entry(.capacityInvalid), at: Field.capacity.rawValue)
        }
        guard let day, let from, let to, let capacity, offers.indices.contains(offerIndex)
        else { return nil }
        let start = context.calendar.instant(day, from)
        let end = context.calendar.instant(day, to)
        guard end > start else {
            form.setMessage(text.entry(.tourEndBeforeStart), at: Field.end.rawValue)
            return nil
        }
        guard end > context.now || (start == tour?.start && end == tour?.end) else {
            form.setMessage(text.entry(.tourOver), at: Field.date.rawValue)
            return nil
        }
        let guide = form.choice(Field.guide.rawValue)
        return TourRequest(
            offerID: offers[offerIndex].id, start: start, end: end, capacity: capacity,
            guideID: guide > 0 ? guides[guide - 1].id : nil,
            released: form.tick(Field.released.rawValue))
    }

    private var offerIndex: Int { form.choice(Field.offer.rawValue) }

    /// A refusal of the server under the field it names; false when it names none.
    mutating func refused(_ failure: DeskClientError, context: DeskContext) -> Bool {
        isSending = false
        guard case .invalidInput(_, _, let name?) = failure else { return false }
        let fields: [String: (Field, MessageKey)] = [
            "end": (.end, .tourEndBeforeStart), "capacity": (.capacity, .capacityInvalid),
            "start": (.start, .invalidTime),
        ]
        guard let (field, sentence) = fields[name] else { return false }
        form.setMessage(context.text.entry(sentence), at: field.rawValue)
        return true
    }

    mutating func draw(in canvas: Canvas, context: DeskContext) {
        let text = context.text
        let title = tour.map { text.text(.tourEditTitle, $0.name) } ?? text.entry(.tourNewTitle)
        canvas.put(title, row: 0, column: 0, width: canvas.columns, role: .header)
        let (body, hint) = canvas.area.inset(top: 2).splitBottom(1)
        form.draw(in: canvas.sub(body))
        canvas.put(
            text.text(
                .formHint, context.keyName(.confirm), context.keyName(.nextField),
                context.keyName(.cancel)),
            row: hint.row, column: 0, width: canvas.columns, role: .dim)
    }
}
