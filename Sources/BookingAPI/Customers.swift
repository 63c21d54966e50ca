import BookingCore
import Foundation

/// A customer of the account: made with their first order, one per e-mail address.
public struct CustomerRecord: Codable, Sendable, Equatable {
    public var id: CustomerID
    /// Lower case; the customer's key in the account.
    public var email: String
    /// The data of their latest order.
    public var data: CustomerData
    /// Whether the customer has a log-in for online booking (never for the desk).
    public var hasLogin: Bool
    /// Their orders the caller may see.
    public var orderCount: Int

    public init(
        id: CustomerID, email: String, data: CustomerData, hasLogin: Bool, orderCount: Int
    ) {
        self.id = id
        self.email = email
        self.data = data
        self.hasLogin = hasLogin
        self.orderCount = orderCount
    }
}

/// `GET /api/v1/customers?q=&limit=&after=`: one page of customers, newest first.
public struct CustomerList: Codable, Sendable, Equatable {
    public var customers: [CustomerRecord]
    /// Pass as `after` to get the next page; nil on the last page.
    public var nextCursor: String?

    public init(customers: [CustomerRecord], nextCursor: String?) {
        self.customers = customers
        self.nextCursor = nextCursor
    }
}

/// `GET` and `PUT /api/v1/account/settings`: what an admin decides for the whole account.
public struct AccountSettings: Codable, Sendable, Equatable {
    /// Whether a customer's first order makes them a log-in with a generated, mailed
    /// password (for online booking; customers never use the desk).
    public var customerPasswords: Bool

    public init(customerPasswords: Bool) {
        self.customerPasswords = customerPasswords
    }
}
