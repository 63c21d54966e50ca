import BookingCore
import Foundation
import Testing

@Suite struct PeriodTests {
    @Test func theEndMustComeAfterTheStart() throws {
        let noon = instant("2026-05-01T12:00:00+02:00")
        #expect(throws: PeriodError.endNotAfterStart) { try Period(start: noon, end: noon) }
        #expect(throws: PeriodError.endNotAfterStart) {
            try Period(start: noon, end: noon.addingTimeInterval(-1))
        }
        #expect(try Period(start: noon, end: noon.addingTimeInterval(1)).duration == 1)
    }

    @Test func instantsOutsideTheCalendarAreRejected() {
        let noon = instant("2026-05-01T12:00:00+02:00")
        let nan = Date(timeIntervalSinceReferenceDate: .nan)
        #expect(throws: PeriodError.outOfRange) { try Period(start: nan, end: noon) }
        #expect(throws: PeriodError.outOfRange) { try Period(start: noon, end: nan) }
        #expect(!Period.supports(nan))
        #expect(Period.supports(.distantFuture))
        #expect(throws: PeriodError.outOfRange) {
            try Period(start: noon, end: Date(timeIntervalSince1970: 1e12))
        }
        #expect(throws: PeriodError.outOfRange) {
            try Period(start: Date(timeIntervalSince1970: -1e15), end: noon)
        }
    }

    @Test func touchingPeriodsDoNotOverlap() {
        let morning = period("2026-05-01T08:00:00Z", "2026-05-01T12:00:00Z")
        let afternoon = period("2026-05-01T12:00:00Z", "2026-05-01T18:00:00Z")
        let lunch = period("2026-05-01T11:59:00Z", "2026-05-01T12:01:00Z")
        #expect(!morning.overlaps(afternoon))
        #expect(!afternoon.overlaps(morning))
        #expect(lunch.overlaps(morning) && lunch.overlaps(afternoon))
        #expect(morning.contains(instant("2026-05-01T08:00:00Z")))
        #expect(!morning.contains(instant("2026-05-01T12:00:00Z")))
    }

    @Test func decodingRejectsAnEndBeforeTheStart() throws {
        let good = #"{"start":0,"end":60}"#
        let decoded = try JSONDecoder().decode(Period.self, from: Data(good.utf8))
        #expect(decoded.duration == 60)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Period.self, from: Data(#"{"start":60,"end":0}"#.utf8))
        }
    }
}
