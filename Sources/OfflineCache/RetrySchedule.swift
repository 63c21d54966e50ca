import Foundation

/// When to try sending again after a failed attempt: exponential back-off with jitter, so
/// that many desks coming back online at once do not hit the server in step.
///
/// After the n-th failure the ceiling is `first · 2^(n-1)`, capped at `maximum`; the delay
/// is drawn uniformly from the upper half of it ("equal jitter"), so it never drops below
/// half the ceiling.
public struct RetrySchedule: Sendable, Equatable {
    /// The ceiling after the first failure, in seconds.
    public var first: TimeInterval
    /// The largest ceiling, in seconds.
    public var maximum: TimeInterval

    /// Limits that are not positive finite numbers fall back to the standard ones, so that
    /// no setting can make the desk retry in a tight loop or never.
    public init(first: TimeInterval = 1, maximum: TimeInterval = 300) {
        let first = first.isFinite && first > 0 ? max(first, 0.001) : 1
        self.first = first
        self.maximum = maximum.isFinite ? max(maximum, first) : max(300, first)
    }

    /// The desk's schedule: 1 s, 2 s, 4 s, … up to 5 minutes.
    public static let standard = RetrySchedule()

    /// The range the delay after `attempts` failures is drawn from.
    public func bounds(afterAttempts attempts: Int) -> ClosedRange<TimeInterval> {
        let exponent = Double(min(max(attempts, 1), 64) - 1)
        let ceiling = min(maximum, first * pow(2, exponent))
        return (ceiling / 2)...ceiling
    }

    /// The delay after `attempts` failures, drawn with `random`; pass a seeded generator
    /// in tests.
    public func delay(
        afterAttempts attempts: Int, using random: inout some RandomNumberGenerator
    ) -> TimeInterval {
        TimeInterval.random(in: bounds(afterAttempts: attempts), using: &random)
    }
}
