import DeskClient
import Foundation

/// What the status line says about the server: reachable or not, when the desk last heard
/// from it, and how many orders wait to be sent. It also says when to ask the server
/// again, so the desk notices by itself that the network went or came back.
///
/// A refused connection shows at once. A server that stops answering would only show
/// after the client's timeouts (3 s to connect, 10 s per request), so a request that has
/// waited `slowAfter` starts a health probe on its own, quicker worker: the desk knows
/// within `slowAfter` + one tick + the probe's 2 s, under 5 s, whether the server is gone.
public struct Connection: Sendable, Equatable {
    public private(set) var isOnline = true
    /// When the desk last got an answer from the server.
    public private(set) var lastSync: Date?
    /// When the desk should next check that the server answers.
    public private(set) var nextCheck: Date?
    /// Since when the server has been unreachable; nil while online.
    public private(set) var offlineSince: Date?
    /// Whether a health probe is on its way.
    public private(set) var isProbing = false
    /// Orders taken but not yet confirmed by the server.
    public var unsentOrders = 0
    /// Conflicts and shortages waiting for staff in the Sync tab.
    public var openConflicts = 0
    /// When the cached availability was fetched, for the age shown while offline.
    public var dataAsOf: Date?
    /// Calls sent and not answered yet, with when they went out.
    private var pending: [Pending] = []

    private struct Pending: Sendable, Equatable {
        var call: BookingCall
        var since: Date
    }

    /// Seconds between health checks while the server answers, and while it does not.
    public static let checkWhileOnline: TimeInterval = 10
    public static let checkWhileOffline: TimeInterval = 3
    /// A request unanswered this long makes the desk probe the server.
    public static let slowAfter: TimeInterval = 1.5

    public init() {}

    /// Records an answer from the server; returns true when this ends an outage.
    @discardableResult
    public mutating func answered(at now: Date) -> Bool {
        let wasOffline = !isOnline
        isOnline = true
        offlineSince = nil
        lastSync = now
        nextCheck = now.addingTimeInterval(Self.checkWhileOnline)
        return wasOffline
    }

    /// Records that the server could not be reached; returns true when this starts an
    /// outage.
    @discardableResult
    public mutating func unreachable(at now: Date) -> Bool {
        let wasOnline = isOnline
        isOnline = false
        if wasOnline { offlineSince = now }
        nextCheck = now.addingTimeInterval(Self.checkWhileOffline)
        return wasOnline
    }

    /// Whether a health check is due at `now`: on the schedule, or because a request has
    /// waited too long while the desk believes it is online.
    public func isCheckDue(at now: Date) -> Bool {
        guard !isProbing else { return false }
        if nextCheck.map({ now >= $0 }) ?? false { return true }
        guard isOnline, let oldest = pending.lazy.map(\.since).min() else { return false }
        return now.timeIntervalSince(oldest) >= Self.slowAfter
    }

    /// Notes a call going out (a probe too).
    public mutating func sent(_ call: BookingCall, at now: Date) {
        if call == .health {
            isProbing = true
            // While the probe runs, the slow request it was started for must not start
            // another; a new one is due after the probe's answer.
            nextCheck = nil
            pending.removeAll()
        } else {
            pending.append(Pending(call: call, since: now))
        }
    }

    /// Notes the answer (or failure) of a call.
    public mutating func settled(_ call: BookingCall) {
        if call == .health { isProbing = false }
        if let index = pending.firstIndex(where: { $0.call == call }) {
            pending.remove(at: index)
        }
    }

    /// Calls not answered yet, probes left out.
    public var outstanding: Int { pending.count }
}
