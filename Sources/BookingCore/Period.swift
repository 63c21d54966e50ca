import Foundation

/// A half-open stretch of time `[start, end)` between two instants: a rental, a stay, a hold,
/// a day in the month view. Two periods that only touch (one ends when the other starts) do
/// not overlap, so a bike returned at 12:00 can go out again at 12:00.
public struct Period: Hashable, Codable, Sendable {
    public let start: Date
    public let end: Date

    /// Checks that `end` is after `start` and both lie in `Period.supportedInstants`.
    public init(start: Date, end: Date) throws(PeriodError) {
        guard Period.supports(start), Period.supports(end) else { throw .outOfRange }
        guard end > start else { throw .endNotAfterStart }
        self.start = start
        self.end = end
    }

    /// Instants every zone can name as a date of the years 1...9999: a day's margin at both
    /// ends leaves room for any zone's offset.
    public static let supportedInstants: ClosedRange<Date> = {
        let day: TimeInterval = 86_400
        let first = Double(LocalDate.first.daysSinceEpoch + 1) * day
        let last = Double(LocalDate.last.daysSinceEpoch) * day
        return Date(timeIntervalSince1970: first)...Date(timeIntervalSince1970: last)
    }()

    /// Whether `instant` lies in `supportedInstants`. Unlike `ClosedRange.contains`, it
    /// refuses NaN, which compares false with everything.
    public static func supports(_ instant: Date) -> Bool {
        let seconds = instant.timeIntervalSince1970
        return seconds.isFinite && supportedInstants.lowerBound.timeIntervalSince1970 <= seconds
            && seconds <= supportedInstants.upperBound.timeIntervalSince1970
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let start = try container.decode(Date.self, forKey: .start)
        let end = try container.decode(Date.self, forKey: .end)
        do {
            try self.init(start: start, end: end)
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: .end, in: container, debugDescription: error.description)
        }
    }

    /// The length in seconds.
    public var duration: TimeInterval { end.timeIntervalSince(start) }

    /// Whether the two periods share at least one instant; touching ones do not.
    public func overlaps(_ other: Period) -> Bool {
        start < other.end && other.start < end
    }

    /// Whether `instant` lies in `[start, end)`.
    public func contains(_ instant: Date) -> Bool {
        start <= instant && instant < end
    }

    private enum CodingKeys: String, CodingKey {
        case start
        case end
    }
}

/// Why two instants do not make a period.
public enum PeriodError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The end is at or before the start.
    case endNotAfterStart
    /// An instant lies outside the years 1...9999 or is not a number.
    case outOfRange

    public var description: String {
        switch self {
        case .endNotAfterStart: return "the end must be after the start"
        case .outOfRange: return "the time lies outside the years 1 to 9999"
        }
    }
}
