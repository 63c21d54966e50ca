import BookingAPI
import BookingCore
import Foundation

/// One call of the booking API, as a value: what a screen asks `BookingWorker` to do.
public enum BookingCall: Sendable, Equatable {
    case health
    case logIn(LoginRequest)
    case logOut
    case me
    case branches
    case categories
    case offers(OfferSearch)
    case offer(OfferID)
    case options(branch: BranchID?)
    case monthAvailability(month: LocalDate, AvailabilityFilter)
    case intervalAvailability(start: Date, end: Date, AvailabilityFilter)
    case quote(OrderDraft)
    case createHold(OrderDraft)
    case releaseHold(HoldID)
    case createOrder(CreateOrderRequest)
    case orders(OrderSearch)
    case order(OrderID)
    case cancelOrder(OrderID)
    case pickUpOrder(OrderID)
    case returnOrder(OrderID)
    case catalogueChanges(since: String?)
    case orderChanges(since: String?, from: Date?, limit: Int?)
    case guideTours

    /// Runs the call on `client`, blocking until the answer is in.
    func perform(on client: BookingClient) throws(DeskClientError) -> BookingReply {
        switch self {
        case .health: return .health(try client.health())
        case .logIn(let login): return .loggedIn(try client.logIn(login))
        case .logOut:
            try client.logOut()
            return .done
        case .me: return .session(try client.me())
        case .branches: return .branches(try client.branches())
        case .categories: return .categories(try client.categories())
        case .offers(let search): return .offers(try client.offers(search))
        case .offer(let id): return .offer(try client.offer(id))
        case .options(let branch): return .offers(try client.options(branch: branch))
        case .monthAvailability(let month, let filter):
            return .monthAvailability(try client.monthAvailability(month: month, filter))
        case .intervalAvailability(let start, let end, let filter):
            return .intervalAvailability(
                try client.intervalAvailability(start: start, end: end, filter))
        default: return try performOrderCall(on: client)
        }
    }

    private func performOrderCall(on client: BookingClient) throws(DeskClientError) -> BookingReply
    {
        // Orders, and the delta sync that brings other desks' orders.
        switch self {
        case .quote(let draft): return .quote(try client.quote(draft))
        case .createHold(let draft): return .hold(try client.createHold(draft))
        case .releaseHold(let id):
            try client.releaseHold(id)
            return .done
        case .createOrder(let order): return .order(try client.createOrder(order))
        case .orders(let search): return .orders(try client.orders(search))
        case .order(let id): return .order(try client.order(id))
        case .cancelOrder(let id): return .order(try client.cancelOrder(id))
        case .pickUpOrder(let id): return .order(try client.pickUpOrder(id))
        case .returnOrder(let id): return .order(try client.returnOrder(id))
        case .catalogueChanges(let since):
            return .catalogueChanges(try client.catalogueChanges(since: since))
        case .orderChanges(let since, let from, let limit):
            return .orderChanges(try client.orderChanges(since: since, from: from, limit: limit))
        case .guideTours: return .guideTours(try client.guideTours())
        default: preconditionFailure("\(name) is not an order or sync call")
        }
    }

    /// The call's name for logs, without its data (no passwords, no customers).
    public var name: String {
        // A case with a payload is one labelled child; describing it whole would put the
        // payload (a password, say) into a string.
        Mirror(reflecting: self).children.first?.label ?? String(describing: self)
    }
}

/// The answer to a `BookingCall`.
public enum BookingReply: Sendable, Equatable {
    case health(Health)
    case loggedIn(LoginResponse)
    case session(SessionInfo)
    case branches([Branch])
    case categories([Category])
    /// Offers or options.
    case offers([Offer])
    case offer(Offer)
    case monthAvailability(MonthAvailability)
    case intervalAvailability(IntervalAvailability)
    case quote(PricedOrder)
    case hold(HoldInfo)
    case order(OrderInfo)
    case orders(OrderList)
    case catalogueChanges(ChangedCatalogue)
    case orderChanges(ChangedOrders)
    case guideTours([GuideTour])
    /// The call succeeded and has nothing to show (log-out, hold released).
    case done
}
