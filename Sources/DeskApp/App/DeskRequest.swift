import BookingAPI
import BookingCore
import Foundation

/// What the desk asks of the booking server. Screens return these as actions; the program
/// hands them to DeskClient, which runs them off the main thread, and the answer comes back
/// as a `DeskReply` carrying the same request, so a screen can tell a late answer to an old
/// question (the month before last) from the one it waits for.
public enum DeskRequest: Equatable, Sendable {
    case health
    case logIn(LoginRequest)
    case branches
    case categories
    case offers
    case options
    case monthAvailability(MonthQuery)
    case intervalAvailability(branch: BranchID, period: Period)
    case quote(OrderDraft)
    case placeHold(OrderDraft)
    case releaseHold(HoldID)
    case createOrder(CreateOrderRequest)
    case orders(OrderSearch)
    case pickUp(OrderID)
    case markReturned(OrderID)
    case cancelOrder(OrderID)
}

/// The month of the calendar for one branch, and a category or one offer in it.
public struct MonthQuery: Hashable, Sendable {
    /// The first day of the month.
    public var month: LocalDate
    public var branch: BranchID
    public var category: CategoryID?
    public var offer: OfferID?

    public init(month: LocalDate, branch: BranchID, category: CategoryID?, offer: OfferID?) {
        self.month = month.firstOfMonth
        self.branch = branch
        self.category = category
        self.offer = offer
    }
}

/// Orders of a branch on a day, or found by number or customer name.
public struct OrderSearch: Hashable, Sendable {
    public var branch: BranchID?
    public var date: LocalDate?
    public var text: String?

    public init(branch: BranchID? = nil, date: LocalDate? = nil, text: String? = nil) {
        self.branch = branch
        self.date = date
        self.text = text
    }
}

/// What the server answered, decoded.
public enum DeskResponse: Sendable, Equatable {
    case health(Health)
    case loggedIn(LoginResponse)
    case branches([Branch])
    case categories([Category])
    case offers([Offer])
    case options([Offer])
    case monthAvailability(MonthAvailability)
    case intervalAvailability(IntervalAvailability)
    case quote(PricedOrder)
    case hold(HoldInfo)
    case released
    case order(OrderInfo)
    case orders(OrderList)
}

/// Why a request failed, as the desk needs to know it: the server could not be reached, or
/// it answered with an error code. `messageKey` names the catalogue sentence to show.
public struct DeskFailure: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// No answer: connection refused, timeout, name not resolved. The desk goes offline.
        case unreachable
        /// The server answered with the error envelope.
        case api(ErrorCode, field: String?)
        /// The server answered something the desk cannot read.
        case badResponse
    }

    public var kind: Kind
    public var messageKey: String

    public init(kind: Kind, messageKey: String) {
        self.kind = kind
        self.messageKey = messageKey
    }

    /// The API's error code, if the server answered with one.
    public var code: ErrorCode? {
        if case .api(let code, _) = kind { return code }
        return nil
    }
}

/// A request and how it ended.
public struct DeskReply: Sendable {
    public var request: DeskRequest
    public var result: Result<DeskResponse, DeskFailure>

    public init(request: DeskRequest, result: Result<DeskResponse, DeskFailure>) {
        self.request = request
        self.result = result
    }
}
