import BookingCore

/// Which offers `GET /offers` returns.
public struct OfferSearch: Sendable, Equatable {
    public var branch: BranchID?
    public var category: CategoryID?
    /// Part of the offer's name.
    public var text: String?

    public init(branch: BranchID? = nil, category: CategoryID? = nil, text: String? = nil) {
        self.branch = branch
        self.category = category
        self.text = text
    }

    var queryItems: [(String, String?)] {
        [("branch", branch?.description), ("category", category?.description), ("q", text)]
    }
}

/// Which offers an availability call covers: those of a branch, a category, one offer,
/// or a combination.
public struct AvailabilityFilter: Sendable, Equatable {
    public var branch: BranchID?
    public var category: CategoryID?
    public var offer: OfferID?

    public init(branch: BranchID? = nil, category: CategoryID? = nil, offer: OfferID? = nil) {
        self.branch = branch
        self.category = category
        self.offer = offer
    }

    var queryItems: [(String, String?)] {
        [
            ("branch", branch?.description), ("category", category?.description),
            ("offer", offer?.description),
        ]
    }
}

/// Which orders `GET /orders` returns, and which page.
public struct OrderSearch: Sendable, Equatable {
    public var branch: BranchID?
    /// Orders picked up or returned on this day.
    public var date: LocalDate?
    public var status: OrderStatus?
    /// Order number or customer name.
    public var text: String?
    /// Page size, 1 to 200.
    public var limit: Int?
    /// `OrderList.nextCursor` of the previous page.
    public var after: String?

    public init(
        branch: BranchID? = nil, date: LocalDate? = nil, status: OrderStatus? = nil,
        text: String? = nil, limit: Int? = nil, after: String? = nil
    ) {
        self.branch = branch
        self.date = date
        self.status = status
        self.text = text
        self.limit = limit
        self.after = after
    }

    var queryItems: [(String, String?)] {
        [
            ("branch", branch?.description), ("date", date?.description),
            ("status", status?.rawValue), ("q", text), ("limit", limit.map(String.init)),
            ("after", after),
        ]
    }
}
