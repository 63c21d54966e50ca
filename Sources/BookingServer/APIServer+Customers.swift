import BookingAPI
import BookingCore
import BookingStore
import Foundation
import HTTPServer

/// Customers (through the orders the caller may see), the audit trail and the account's
/// settings.
extension APIServer {
    /// `GET /customers?q=&limit=&after=`.
    func listCustomers(_ request: APIRequest) throws -> HTTPResponse {
        let query = CustomerQuery(
            text: request.query("q").map { String($0.prefix(100)) },
            limit: try request.limit(default: 50, maximum: 200),
            after: try request.queryID("after"))
        return try Self.json(try store.customers(query, scope: request.scope))
    }

    func showCustomer(_ request: APIRequest) throws -> HTTPResponse {
        guard let customer = try store.customer(request.id(), scope: request.scope) else {
            throw APIFailure.notFound("customer")
        }
        return try Self.json(customer)
    }

    func exportCustomer(_ request: APIRequest) throws -> HTTPResponse {
        try Self.json(
            try store.exportCustomer(request.id(), scope: request.scope, now: request.now))
    }

    /// `GET /audit-events?action=&actor=&target=&from=&to=&limit=&after=`.
    func auditEvents(_ request: APIRequest) throws -> HTTPResponse {
        var query = AuditQuery(
            action: request.query("action").map { String($0.prefix(100)) },
            actor: request.query("actor").map { String($0.prefix(100)) },
            from: try request.optionalInstant("from"), to: try request.optionalInstant("to"),
            limit: try request.limit(default: 100, maximum: 500))
        if let after = request.query("after") {
            guard let value = Int64(after), value > 0 else {
                throw APIFailure.invalidInput("after must be a positive id", field: "after")
            }
            query.after = value
        }
        if let target = request.query("target") {
            let parts = target.split(separator: ":", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 40,
                parts.count == 1 || Int64(parts[1]) != nil
            else {
                throw APIFailure.invalidInput("target must be TYPE or TYPE:ID", field: "target")
            }
            query.targetType = String(parts[0])
            query.targetID = parts.count == 2 ? Int64(parts[1]) : nil
        }
        return try Self.json(try store.auditEvents(query, scope: request.scope))
    }

    func accountSettings(_ request: APIRequest) throws -> HTTPResponse {
        try Self.json(try store.accountSettings(scope: request.scope))
    }

    func setAccountSettings(_ request: APIRequest) throws -> HTTPResponse {
        let settings = try request.decode(AccountSettings.self)
        return try Self.json(
            try store.setAccountSettings(settings, scope: request.scope, now: request.now))
    }
}
