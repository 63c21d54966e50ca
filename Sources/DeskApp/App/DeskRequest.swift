import BookingAPI
import BookingCore
import DeskClient
import Foundation

/// A finished call as the screens see it: DeskClient's call and how it ended. Answers carry
/// the call that asked, so a screen can tell a late answer to an old question (the month
/// before last) from the one it waits for.
public struct DeskReply: Sendable {
    public var request: BookingCall
    public var result: Result<BookingReply, DeskClientError>

    public init(request: BookingCall, result: Result<BookingReply, DeskClientError>) {
        self.request = request
        self.result = result
    }
}

/// The month of the calendar for one branch, and a category or one offer in it.
struct MonthQuery: Hashable, Sendable {
    /// The first day of the month.
    var month: LocalDate
    var branch: BranchID
    var category: CategoryID?
    var offer: OfferID?

    init(month: LocalDate, branch: BranchID, category: CategoryID?, offer: OfferID?) {
        self.month = month.firstOfMonth
        self.branch = branch
        self.category = category
        self.offer = offer
    }

    /// The query a month availability call asked, if it is one.
    init?(_ call: BookingCall) {
        guard case .monthAvailability(let month, let filter) = call, let branch = filter.branch
        else { return nil }
        self.init(month: month, branch: branch, category: filter.category, offer: filter.offer)
    }

    /// The call that asks it. With an offer chosen only the offer is asked for.
    var call: BookingCall {
        let filter =
            offer.map { AvailabilityFilter(branch: branch, offer: $0) }
            ?? AvailabilityFilter(branch: branch, category: category)
        return .monthAvailability(month: month, filter)
    }
}

extension DeskClientError {
    /// A sentence for the person at the counter.
    func sentence(_ text: MessageCatalog) -> String {
        text.text(messageKey: messageKey)
    }
}
