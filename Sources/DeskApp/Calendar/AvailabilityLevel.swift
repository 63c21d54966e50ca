/// How a day looks in the calendar: plenty free, few left, sold out, or closed.
public enum AvailabilityLevel: Sendable, Equatable {
    case free, few, none, closed

    /// The level of `free` units out of `stock`; nil for either means unlimited (an option
    /// such as final cleaning). Few means one unit left, or a quarter of the stock or less,
    /// so a large fleet warns early and a single flat only when it is the last.
    public init(free: Int?, stock: Int?, closed: Bool) {
        if closed {
            self = .closed
        } else if let free, free <= 0 {
            self = .none
        } else if let free, let stock, free == 1 || free * 4 <= stock {
            self = .few
        } else {
            self = .free
        }
    }
}
