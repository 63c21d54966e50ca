import BookingCore

/// Who is asking, and so which rows a store call may see or change. Every store method
/// takes one and adds the filter itself: the account always, and the user's branch and
/// category restrictions where set.
public struct Scope: Sendable, Equatable {
    public var accountID: AccountID
    /// The user acting, if any (nil for system work such as loading demo data).
    public var userID: UserID?
    /// The branches the user may see; nil for all of the account's.
    public var branchIDs: Set<BranchID>?
    /// The categories the user may see; nil for all of the account's.
    public var categoryIDs: Set<CategoryID>?

    public init(
        accountID: AccountID, userID: UserID? = nil, branchIDs: Set<BranchID>? = nil,
        categoryIDs: Set<CategoryID>? = nil
    ) {
        self.accountID = accountID
        self.userID = userID
        self.branchIDs = branchIDs
        self.categoryIDs = categoryIDs
    }

    /// The whole account, unrestricted.
    public static func account(_ id: AccountID) -> Scope {
        Scope(accountID: id)
    }

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

    private static func list(_ count: Int) -> String {
        count == 0 ? "NULL" : Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
