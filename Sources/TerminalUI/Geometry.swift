/// A size on the terminal, counted in rows and in cells (columns).
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var rows: Int
    public var columns: Int

    public init(rows: Int, columns: Int) {
        self.rows = max(0, rows)
        self.columns = max(0, columns)
    }

    public var description: String { "\(columns)x\(rows)" }
}

/// A rectangle of cells: its top-left corner and its size.
public struct Rect: Hashable, Sendable {
    public var row: Int
    public var column: Int
    public var rows: Int
    public var columns: Int

    public init(row: Int, column: Int, rows: Int, columns: Int) {
        self.row = row
        self.column = column
        self.rows = max(0, rows)
        self.columns = max(0, columns)
    }

    public init(size: Size) {
        self.init(row: 0, column: 0, rows: size.rows, columns: size.columns)
    }

    public var size: Size { Size(rows: rows, columns: columns) }
    public var isEmpty: Bool { rows == 0 || columns == 0 }
    public var bottom: Int { row + rows }
    public var right: Int { column + columns }

    /// The part of this rectangle that also lies inside `other`.
    public func intersection(_ other: Rect) -> Rect {
        let top = max(row, other.row)
        let left = max(column, other.column)
        let bottom = min(self.bottom, other.bottom)
        let right = min(self.right, other.right)
        return Rect(row: top, column: left, rows: bottom - top, columns: right - left)
    }

    /// The rectangle shrunk by the given margins on each side.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        Rect(
            row: row + top, column: column + left,
            rows: rows - top - bottom, columns: columns - left - right)
    }

    /// The rectangle shrunk by the same margin on every side.
    public func inset(by margin: Int) -> Rect {
        inset(top: margin, left: margin, bottom: margin, right: margin)
    }

    /// A rectangle of the given size centred in this one (clipped to it).
    public func centered(rows: Int, columns: Int) -> Rect {
        let height = min(rows, self.rows)
        let width = min(columns, self.columns)
        return Rect(
            row: row + (self.rows - height) / 2, column: column + (self.columns - width) / 2,
            rows: height, columns: width)
    }

    /// Splits off `count` rows at the top: the top part and the rest.
    public func splitTop(_ count: Int) -> (top: Rect, rest: Rect) {
        let taken = min(max(0, count), rows)
        return (
            Rect(row: row, column: column, rows: taken, columns: columns),
            Rect(row: row + taken, column: column, rows: rows - taken, columns: columns)
        )
    }

    /// Splits off `count` rows at the bottom: the rest and the bottom part.
    public func splitBottom(_ count: Int) -> (rest: Rect, bottom: Rect) {
        let taken = min(max(0, count), rows)
        return (
            Rect(row: row, column: column, rows: rows - taken, columns: columns),
            Rect(row: bottom - taken, column: column, rows: taken, columns: columns)
        )
    }

    /// Splits off `count` columns at the left: the left part and the rest.
    public func splitLeft(_ count: Int) -> (left: Rect, rest: Rect) {
        let taken = min(max(0, count), columns)
        return (
            Rect(row: row, column: column, rows: rows, columns: taken),
            Rect(row: row, column: column + taken, rows: rows, columns: columns - taken)
        )
    }
}

/// Where text sits in a space wider than itself.
public enum Alignment: Sendable {
    case left, center, right
}
