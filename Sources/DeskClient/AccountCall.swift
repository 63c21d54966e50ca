import BookingAPI
import BookingCore
import Foundation

/// A call about the account's people and tours, as a value: what the Users and Guides &
/// Touren screens ask `BookingWorker` to do. `BookingCall.account` carries it, so the
/// calendar and the wizard never see these cases. (A guide's own tours are
/// `BookingCall.guideTours`, which the offline cache records too.)
public enum AccountCall: Sendable, Equatable {
    case users
    case createUser(NewUserRequest)
    case setAdmin(UserID, Bool)
    case setRestrictions(UserID, RestrictionsRequest)
    case setActive(UserID, Bool)
    case deleteUser(UserID)
    case mailNewPassword(UserID)
    case guides
    case createGuide(GuideData)
    case updateGuide(GuideID, GuideData)
    case createGuideAccess(GuideID, GuideAccessRequest)
    case tours(from: Date?)
    case createTour(TourRequest)
    case updateTour(TourID, TourRequest)

    /// Runs the call on `client`, blocking until the answer is in.
    func perform(on client: BookingClient) throws(DeskClientError) -> BookingReply {
        switch self {
        case .users: return .users(try client.users())
        case .createUser(let user): return .userCreated(try client.createUser(user))
        case .setAdmin(let id, let isAdmin): return .user(try client.setAdmin(id, isAdmin))
        case .setRestrictions(let id, let restrictions):
            return .user(try client.setRestrictions(id, restrictions))
        case .setActive(let id, let active): return .user(try client.setActive(id, active))
        case .deleteUser(let id):
            try client.deleteUser(id)
            return .done
        case .mailNewPassword(let id):
            return .passwordMailed(try client.mailNewPassword(id).passwordMail)
        default: return try performTourCall(on: client)
        }
    }

    private func performTourCall(on client: BookingClient) throws(DeskClientError)
        -> BookingReply
    {
        switch self {
        case .guides: return .guides(try client.guides())
        case .createGuide(let data): return .guide(try client.createGuide(data))
        case .updateGuide(let id, let data): return .guide(try client.updateGuide(id, data))
        case .createGuideAccess(let id, let access):
            return .userCreated(try client.createGuideAccess(id, access))
        case .tours(let from): return .tours(try client.tours(from: from))
        case .createTour(let tour): return .tour(try client.createTour(tour))
        case .updateTour(let id, let tour): return .tour(try client.updateTour(id, tour))
        default: preconditionFailure("\(name) is not a guide or tour call")
        }
    }

    /// The call's name for logs, without its data (no names, no bank details).
    public var name: String {
        Mirror(reflecting: self).children.first?.label ?? String(describing: self)
    }
}
