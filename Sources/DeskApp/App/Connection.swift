import Foundation

/// What the status line says about the server: reachable or not, when the desk last heard
/// from it, and how many orders wait to be sent. It also says when to ask the server again,
/// so the desk notices by itself when the network comes back.
public struct Connection: Sendable, Equatable {
    public private(set) var isOnline = true
    /// When the desk last got an answer from the server.
    public private(set) var lastSync: Date?
    /// When the desk should next check that the server answers.
    public private(set) var nextCheck: Date?
    /// Orders taken but not yet confirmed by the server.
    public var unsentOrders = 0

    /// Seconds between health checks while the server answers, and while it does not.
    public static let checkWhileOnline: TimeInterval = 30
    public static let checkWhileOffline: TimeInterval = 3

    public init() {}

    /// Records an answer from the server; returns true when this ends an outage.
    @discardableResult
    public mutating func answered(at now: Date) -> Bool {
        let wasOffline = !isOnline
        isOnline = true
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
        nextCheck = now.addingTimeInterval(Self.checkWhileOffline)
        return wasOnline
    }

    /// Whether a health check is due at `now`.
    public func isCheckDue(at now: Date) -> Bool {
        nextCheck.map { now >= $0 } ?? false
    }
}
