/// Where an order stands. Orders move reserved -> picked up -> returned, or are cancelled
/// while still reserved.
public enum OrderStatus: String, Codable, Sendable, CaseIterable {
    case reserved
    case pickedUp = "picked_up"
    case returned
    case cancelled

    /// Statuses reachable from this one in a single step.
    public var next: Set<OrderStatus> {
        switch self {
        case .reserved: return [.pickedUp, .cancelled]
        case .pickedUp: return [.returned]
        case .returned, .cancelled: return []
        }
    }

    public func canMove(to status: OrderStatus) -> Bool {
        next.contains(status)
    }

    /// Whether the order's units count as booked. Cancelled orders free their units.
    public var holdsUnits: Bool { self != .cancelled }
}

/// The fixed roles. Every user has exactly one.
public enum Role: String, Codable, Sendable, CaseIterable {
    /// Account owner or administrator: everything in the account.
    case admin
    /// Counter staff, possibly restricted to some branches and categories.
    case staff
    /// Tour guide: reads the released tours assigned to them, nothing else.
    case guide
    /// End customer: books online; may never use the desk's API.
    case customer
    /// Vendor support: acts in one chosen account per request, always audited.
    case superuser
}
