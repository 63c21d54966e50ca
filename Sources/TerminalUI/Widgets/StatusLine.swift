/// The line at the bottom: who is logged in, the branch, online or offline, unsent orders,
/// the last sync, and a message; segments on the left and on the right.
///
/// The right segments keep their place; the left ones are cut (with "…") when the line
/// is too short for both.
public struct StatusLine: Widget {
    /// A piece of the status line in its own role, e.g. "offline" in the warning role.
    public struct Segment: Hashable, Sendable {
        public var text: String
        public var role: Role

        public init(_ text: String, role: Role = .status) {
            self.text = text
            self.role = role
        }
    }

    public var left: [Segment]
    public var right: [Segment]

    public init(left: [Segment] = [], right: [Segment] = []) {
        self.left = left
        self.right = right
    }

    public mutating func draw(in canvas: Canvas, focused: Bool) {
        guard canvas.rows > 0 else { return }
        let line = canvas.sub(Rect(row: 0, column: 0, rows: 1, columns: canvas.columns))
        line.fill(role: .status)
        let rightWidth = right.reduce(0) { $0 + $1.text.cellWidth + 2 }
        var column = max(0, line.columns - rightWidth)
        let leftEnd = column
        for segment in right {
            column = line.put(" " + segment.text + " ", row: 0, column: column, role: segment.role)
        }
        column = 0
        for segment in left where column < leftEnd - 1 {
            let room = leftEnd - column - 1
            line.put(
                " " + segment.text + " ", row: 0, column: column, width: room, role: segment.role)
            column += min(room, segment.text.cellWidth + 2)
        }
    }
}
