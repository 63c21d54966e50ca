import BookingAPI
import BookingCore
import Foundation

/// The account's people and tours: users for admins, guides' records and tour dates for
/// the Guides & Touren screen, and a guide's own released tours.
extension BookingClient {
    // MARK: - Users

    /// `GET /users`: the account's desk users and guides' log-ins, by user name.
    public func users() throws(DeskClientError) -> [UserRecord] {
        try get(APIPath.users)
    }

    /// `POST /users`: a new staff user; the server generates the password and mails it.
    public func createUser(_ user: NewUserRequest) throws(DeskClientError) -> UserCreated {
        try send("POST", APIPath.users, body: user)
    }

    /// `PUT /users/{id}/admin`: grants or revokes the admin flag.
    public func setAdmin(_ id: UserID, _ isAdmin: Bool) throws(DeskClientError) -> UserRecord {
        try send("PUT", APIPath.userAdminFlag(id), body: AdminFlagRequest(isAdmin: isAdmin))
    }

    /// `PUT /users/{id}/restrictions`, or `DELETE` when both lists are nil (no restriction).
    public func setRestrictions(_ id: UserID, _ restrictions: RestrictionsRequest)
        throws(DeskClientError) -> UserRecord
    {
        guard restrictions.branchIDs != nil || restrictions.categoryIDs != nil else {
            return try send("DELETE", APIPath.userRestrictions(id))
        }
        return try send("PUT", APIPath.userRestrictions(id), body: restrictions)
    }

    /// `POST /users/{id}/activate` or `/deactivate`; deactivating ends their sessions.
    public func setActive(_ id: UserID, _ active: Bool) throws(DeskClientError) -> UserRecord {
        try send("POST", active ? APIPath.activateUser(id) : APIPath.deactivateUser(id))
    }

    /// `DELETE /users/{id}`: the log-in and personal data go; their sessions end.
    public func deleteUser(_ id: UserID) throws(DeskClientError) {
        try sendWithoutAnswer("DELETE", APIPath.user(id))
    }

    /// `POST /users/{id}/password`: a new generated password, mailed; the old one stops.
    public func mailNewPassword(_ id: UserID) throws(DeskClientError) -> PasswordMailed {
        try send("POST", APIPath.userPassword(id))
    }

    // MARK: - Guides

    /// `GET /guides`: the tour guides' records.
    public func guides() throws(DeskClientError) -> [GuideRecord] {
        try get(APIPath.guides)
    }

    public func createGuide(_ data: GuideData) throws(DeskClientError) -> GuideRecord {
        try send("POST", APIPath.guides, body: data)
    }

    /// `PUT /guides/{id}`: replaces the record.
    public func updateGuide(_ id: GuideID, _ data: GuideData) throws(DeskClientError)
        -> GuideRecord
    {
        try send("PUT", APIPath.guide(id), body: data)
    }

    /// `POST /guides/{id}/access`: the guide's log-in; the password is mailed to them.
    public func createGuideAccess(_ id: GuideID, _ access: GuideAccessRequest)
        throws(DeskClientError) -> UserCreated
    {
        try send("POST", APIPath.guideAccess(id), body: access)
    }

    // MARK: - Tours

    /// `GET /tours`: the tour dates ending after `from`, by start.
    public func tours(from: Date? = nil) throws(DeskClientError) -> [TourRecord] {
        try get(APIPath.tours, query: [("from", from.map(Self.instant))])
    }

    public func createTour(_ tour: TourRequest) throws(DeskClientError) -> TourRecord {
        try send("POST", APIPath.tours, body: tour)
    }

    /// `PUT /tours/{id}`: dates, capacity, guide and release in one.
    public func updateTour(_ id: TourID, _ tour: TourRequest) throws(DeskClientError)
        -> TourRecord
    {
        try send("PUT", APIPath.tour(id), body: tour)
    }
}
