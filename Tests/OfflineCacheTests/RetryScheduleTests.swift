import Foundation
import OfflineCache
import Testing

@Suite struct RetryScheduleTests {
    @Test func theCeilingDoublesUpToTheMaximum() {
        let schedule = RetrySchedule(first: 1, maximum: 300)

        let ceilings = (1...12).map { schedule.bounds(afterAttempts: $0).upperBound }

        #expect(ceilings == [1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300])
        #expect(schedule.bounds(afterAttempts: 1_000_000) == 150...300)
    }

    @Test func everyDelayLiesInTheUpperHalfOfItsCeiling() {
        let schedule = RetrySchedule.standard
        var random = SeededRandom(seed: 42)

        for attempts in 1...20 {
            for _ in 0..<50 {
                let delay = schedule.delay(afterAttempts: attempts, using: &random)
                #expect(schedule.bounds(afterAttempts: attempts).contains(delay))
            }
        }
    }

    @Test func theJitterSpreadsDesksAndRepeatsWithTheSameSeed() {
        let schedule = RetrySchedule(first: 8, maximum: 8)
        var a = SeededRandom(seed: 7)
        var b = SeededRandom(seed: 7)

        let first = (0..<100).map { _ in schedule.delay(afterAttempts: 1, using: &a) }
        let second = (0..<100).map { _ in schedule.delay(afterAttempts: 1, using: &b) }

        #expect(first == second)
        #expect(Set(first).count > 90)
        #expect(first.min()! < 4.5 && first.max()! > 7.5)
    }

    @Test(arguments: [(0.0, -5.0), (-1.0, 10.0), (Double.nan, 1.0), (1.0, Double.infinity)])
    func nonsenseLimitsStillGivePositiveDelays(first: Double, maximum: Double) {
        let schedule = RetrySchedule(first: first, maximum: maximum)
        var random = SeededRandom(seed: 1)

        for attempts in [0, 1, 5, 100] {
            let delay = schedule.delay(afterAttempts: attempts, using: &random)
            #expect(delay > 0 && delay.isFinite)
        }
    }
}
