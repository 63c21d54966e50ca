import Foundation
import Synchronization

/// Runs `body(i)` for `i` in `0..<count` on `count` threads that start together, and
/// returns the results in index order. For races against the real server.
public func race<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
    let results = ResultBox<T>(count: count)
    let ready = DispatchGroup()
    let done = DispatchGroup()
    let start = DispatchSemaphore(value: 0)
    for index in 0..<count {
        ready.enter()
        done.enter()
        let thread = Thread {
            ready.leave()
            start.wait()
            results.set(index, body(index))
            done.leave()
        }
        thread.start()
    }
    ready.wait()
    for _ in 0..<count { start.signal() }
    done.wait()
    return results.values()
}

private final class ResultBox<T: Sendable>: Sendable {
    private let storage: Mutex<[T?]>

    init(count: Int) {
        storage = Mutex(Array(repeating: nil, count: count))
    }

    func set(_ index: Int, _ value: T) {
        storage.withLock { $0[index] = value }
    }

    func values() -> [T] {
        storage.withLock { $0.map { $0! } }
    }
}
