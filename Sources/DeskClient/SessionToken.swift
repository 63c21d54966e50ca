import Synchronization

/// The bearer token of one session, shared by every `BookingWorker` that talks to the same
/// server for the same person: the one that logs in sets it, the others send it with
/// their next call, and a log-out or an ended session clears it for all.
public final class SessionToken: Sendable {
    private let value: Mutex<String?>

    public init(_ token: String? = nil) {
        value = Mutex(token)
    }

    /// The token to send; nil when nobody is logged in.
    public var current: String? {
        value.withLock { $0 }
    }

    /// Replaces the token, e.g. with nil when the desk forgets the session.
    public func set(_ token: String?) {
        value.withLock { $0 = token }
    }

    /// Replaces the token only if it is still `old`: a call that ran with an old session
    /// and lost it must not clear the one a newer log-in set meanwhile.
    func replace(_ old: String?, with new: String?) {
        value.withLock { if $0 == old { $0 = new } }
    }
}
