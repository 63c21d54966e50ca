import BookingCore
import Foundation

extension OrderInfo {
    /// The same bytes as `APIJSON.encoder().encode(self)`, given the customer and the priced
    /// order already encoded with that encoder (as the server stores them).
    ///
    /// Creating an order is the API's hottest write, and encoding the price lines a second
    /// time for the answer cost more than the insert. A test compares both outputs byte for
    /// byte; texts the writer cannot copy take the encoder's path.
    public func encodedJSON(customer: String, priced: String) throws -> [UInt8] {
        var out = JSONBytes(capacity: customer.utf8.count + priced.utf8.count + 512)
        out.raw("{\"clientID\":")
        out.string(clientID)
        out.raw(",\"createdAt\":")
        out.date(createdAt)
        out.raw(",\"customer\":")
        out.append(Array(customer.utf8))
        out.raw(",\"customerID\":")
        out.int(customerID.rawValue)
        out.raw(",\"draft\":")
        out.draft(draft)
        out.raw(",\"forced\":")
        out.bool(forced)
        out.raw(",\"id\":")
        out.int(id.rawValue)
        out.raw(",\"number\":")
        out.string(number)
        out.raw(",\"priced\":")
        out.append(Array(priced.utf8))
        out.raw(",\"status\":")
        out.string(status.rawValue)
        out.raw(",\"takenOffline\":")
        out.bool(takenOffline)
        out.raw("}")
        return out.isComplete ? out.bytes : Array(try APIJSON.encoder().encode(self))
    }
}
