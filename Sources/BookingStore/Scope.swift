import BookingAPI
import BookingCore

/// Who is asking, and so which rows a store call may see or change. Every store method
/// takes one and adds the filter itself: the account always, and the user's branch and
/// category restrictions where set.
///
/// What "outside the restrictions" means, the same on every path:
/// - an offer (options included) is visible if its branch is one of the user's branches
///   and its category one of the user's categories;
/// - an order is visible if its pickup or return branch is one of the user's branches and
///   every one of its lines (options included) is of one of the user's categories; an order
///   with a single line outside is invisible as a whole, since showing it would show that
///   line;
/// - a hold likewise, by its branch and lines;
/// - a customer is visible through the orders of theirs that are visible;
/// - a tour through its offer.
public struct Scope: Sendable, Equatable {
    public var accountID: AccountID
    /// The user acting, if any (nil for system work and for superusers).
    public var userID: UserID?
    /// The branches the user may see; nil for all of the account's.
    public var branchIDs: Set<BranchID>?
    /// The categories the user may see; nil for all of the account's.
    public var categoryIDs: Set<CategoryID>?
    /// Who the audit events of changes made in this scope name.
    public var actor: AuditActor

    public init(
        accountID: AccountID, userID: UserID? = nil, branchIDs: Set<BranchID>? = nil,
        categoryIDs: Set<CategoryID>? = nil, actor: AuditActor = .system
    ) {
        self.accountID = accountID
        self.userID = userID
        self.branchIDs = branchIDs
        self.categoryIDs = categoryIDs
        self.actor = actor
    }

    /// The whole account, unrestricted, acting as the system.
    public static func account(_ id: AccountID) -> Scope {
        Scope(accountID: id)
    }

    /// The same account and actor without restrictions: for reads an admin makes.
    public var unrestricted: Scope {
        Scope(accountID: accountID, userID: userID, actor: actor)
    }

    /// Whether branch or category restrictions apply.
    public var isRestricted: Bool { branchIDs != nil || categoryIDs != nil }

    public func allows(branch: BranchID) -> Bool {
        branchIDs?.contains(branch) ?? true
    }

    public func allows(category: CategoryID) -> Bool {
        categoryIDs?.contains(category) ?? true
    }

    /// SQL conditions and arguments limiting a table aliased `alias` to this scope;
    /// `branchColumn` and `categoryColumn` name the columns to restrict, if the table has them.
    func filter(
        _ alias: String, branchColumn: String? = "branch_id", categoryColumn: String? = nil
    ) -> (sql: String, arguments: [Int64]) {
        var sql = "\(alias).account_id = ?"
        var arguments = [accountID.rawValue]
        if let branchColumn, let branchIDs {
            sql += " AND \(alias).\(branchColumn) IN (\(Self.list(branchIDs.count)))"
            arguments += branchIDs.sorted().map(\.rawValue)
        }
        if let categoryColumn, let categoryIDs {
            sql += " AND \(alias).\(categoryColumn) IN (\(Self.list(categoryIDs.count)))"
            arguments += categoryIDs.sorted().map(\.rawValue)
        }
        return (sql, arguments)
    }

    /// The conditions for orders aliased `alias` (see the type's comment): pickup or return
    /// branch in the user's branches, no line outside the user's categories.
    func orderFilter(_ alias: String) -> (sql: String, arguments: [Int64]) {
        var sql = "\(alias).account_id = ?"
        var arguments = [accountID.rawValue]
        if let branchIDs {
            let list = Self.list(branchIDs.count)
            let ids = branchIDs.sorted().map(\.rawValue)
            sql +=
                " AND (\(alias).branch_id IN (\(list)) OR \(alias).return_branch_id IN (\(list)))"
            arguments += ids + ids
        }
        if let categoryIDs {
            sql += """
                 AND NOT EXISTS (SELECT 1 FROM order_lines rl JOIN offers ro ON ro.id = rl.offer_id
                    WHERE rl.order_id = \(alias).id
                        AND ro.category_id NOT IN (\(Self.list(categoryIDs.count))))
                """
            arguments += categoryIDs.sorted().map(\.rawValue)
        }
        return (sql, arguments)
    }

    /// The conditions for holds aliased `alias`: their branch and every line's category.
    func holdFilter(_ alias: String) -> (sql: String, arguments: [Int64]) {
        var (sql, arguments) = filter(alias)
        if let categoryIDs {
            sql += """
                 AND NOT EXISTS (SELECT 1 FROM hold_lines rl JOIN offers ro ON ro.id = rl.offer_id
                    WHERE rl.hold_id = \(alias).id
                        AND ro.category_id NOT IN (\(Self.list(categoryIDs.count))))
                """
            arguments += categoryIDs.sorted().map(\.rawValue)
        }
        return (sql, arguments)
    }

    /// The conditions for customers aliased `alias`: unrestricted users see the account's;
    /// restricted ones those with at least one order they may see.
    func customerFilter(_ alias: String) -> (sql: String, arguments: [Int64]) {
        guard isRestricted else { return ("\(alias).account_id = ?", [accountID.rawValue]) }
        let orders = orderFilter("vo")
        return (
            "\(alias).account_id = ? AND EXISTS (SELECT 1 FROM orders vo "
                + "WHERE vo.customer_id = \(alias).id AND \(orders.sql))",
            [accountID.rawValue] + orders.arguments
        )
    }

    static func list(_ count: Int) -> String {
        count == 0 ? "NULL" : Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
