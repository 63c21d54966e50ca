/// One result row, read by column index in the order of the SELECT list.
///
/// Reading a column as the wrong type is a programmer's error in the SQL or the mapping,
/// not bad input, so the accessors trap with a message naming the column.
public struct Row: Sendable {
    public let values: [SQLiteValue]

    public init(values: [SQLiteValue]) {
        self.values = values
    }

    public var count: Int { values.count }

    public func isNull(_ index: Int) -> Bool {
        values[index] == .null
    }

    public func int64(_ index: Int) -> Int64 {
        guard case .integer(let value) = values[index] else {
            preconditionFailure("column \(index) is not an integer: \(values[index])")
        }
        return value
    }

    public func int(_ index: Int) -> Int {
        Int(int64(index))
    }

    public func bool(_ index: Int) -> Bool {
        int64(index) != 0
    }

    public func optionalInt64(_ index: Int) -> Int64? {
        isNull(index) ? nil : int64(index)
    }

    public func optionalInt(_ index: Int) -> Int? {
        isNull(index) ? nil : int(index)
    }

    public func double(_ index: Int) -> Double {
        switch values[index] {
        case .real(let value): return value
        case .integer(let value): return Double(value)
        default: preconditionFailure("column \(index) is not a number: \(values[index])")
        }
    }

    public func text(_ index: Int) -> String {
        guard case .text(let value) = values[index] else {
            preconditionFailure("column \(index) is not text: \(values[index])")
        }
        return value
    }

    public func optionalText(_ index: Int) -> String? {
        isNull(index) ? nil : text(index)
    }

    public func blob(_ index: Int) -> [UInt8] {
        switch values[index] {
        case .blob(let value): return value
        case .text(let value): return Array(value.utf8)
        case .null: return []
        default: preconditionFailure("column \(index) is not a blob: \(values[index])")
        }
    }
}
