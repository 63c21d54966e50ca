/// A rectangular part of a frame that a screen or widget draws into.
///
/// Coordinates are local to the canvas: row 0, column 0 is its top-left cell. Everything
/// drawn is clipped to the canvas and never wraps; text is measured in cells, and a wide
/// character or a base character with its combining marks is never split by the clipping.
/// A canvas is a cheap value; `sub(_:)` gives a smaller canvas for a part of the area.
public struct Canvas {
    let frame: Frame
    /// The area of the frame this canvas draws on, in frame coordinates.
    public let bounds: Rect

    init(frame: Frame) {
        self.frame = frame
        self.bounds = Rect(size: frame.size)
    }

    init(frame: Frame, bounds: Rect) {
        self.frame = frame
        self.bounds = bounds.intersection(Rect(size: frame.size))
    }

    /// The size of the canvas.
    public var size: Size { bounds.size }
    /// The number of rows.
    public var rows: Int { bounds.rows }
    /// The number of columns (cells per row).
    public var columns: Int { bounds.columns }
    /// The whole canvas in local coordinates.
    public var area: Rect { Rect(size: bounds.size) }

    /// A canvas for a part of this one; `rect` is in local coordinates and is clipped.
    public func sub(_ rect: Rect) -> Canvas {
        let absolute = Rect(
            row: bounds.row + rect.row, column: bounds.column + rect.column,
            rows: rect.rows, columns: rect.columns)
        return Canvas(frame: frame, bounds: absolute.intersection(bounds))
    }

    /// Draws `text` on one row from `column` on, clipped to the canvas. Control characters
    /// are drawn as U+FFFD. Returns the column after the last cell drawn.
    @discardableResult
    public func put<S: StringProtocol>(_ text: S, row: Int, column: Int, role: Role) -> Int {
        guard row >= 0 && row < bounds.rows else { return column }
        let base = (bounds.row + row) * frame.size.columns
        let left = bounds.column
        let right = bounds.right
        var x = bounds.column + column
        var lastLead = -1
        for original in text.unicodeScalars {
            var scalar = original
            var width = TextWidth.cells(scalar)
            if width == 0 {
                if lastLead >= 0 { attach(scalar, toCell: lastLead) }
                continue
            }
            if width < 0 {
                scalar = "\u{FFFD}"
                width = 1
            }
            if x + width > right {
                if x < right { blank(base + x, count: right - x, role: role) }
                return right - bounds.column
            }
            if x < left {
                if x + width > left { blank(base + left, count: x + width - left, role: role) }
                x += width
                lastLead = -1
                continue
            }
            write(scalar, width: width, at: base + x, rowStart: base, role: role)
            lastLead = base + x
            x += width
        }
        return x - bounds.column
    }

    /// Draws `text` into exactly `width` cells from `column` on: padded as `alignment`
    /// says, or clipped with `ellipsis` at the end when it is too long.
    public func put<S: StringProtocol>(
        _ text: S, row: Int, column: Int, width: Int, alignment: Alignment = .left,
        role: Role, ellipsis: String? = "…"
    ) {
        guard width > 0 else { return }
        let own = text.cellWidth
        if own <= width {
            let offset: Int
            switch alignment {
            case .left: offset = 0
            case .right: offset = width - own
            case .center: offset = (width - own) / 2
            }
            repeatScalar(" ", row: row, column: column, count: width, role: role)
            put(text, row: row, column: column + offset, role: role)
        } else {
            put(
                text.fitted(toCells: width, ellipsis: ellipsis), row: row, column: column,
                role: role)
        }
    }

    /// Fills the whole canvas with blanks in `role`.
    public func fill(role: Role) {
        fill(area, role: role)
    }

    /// Fills a local rectangle with blanks in `role`.
    public func fill(_ rect: Rect, role: Role) {
        for row in rect.row..<max(rect.row, rect.bottom) {
            repeatScalar(" ", row: row, column: rect.column, count: rect.columns, role: role)
        }
    }

    /// Draws `count` copies of a one-cell scalar, e.g. a box line, from `column` on.
    public func repeatScalar(
        _ scalar: Unicode.Scalar, row: Int, column: Int, count: Int, role: Role
    ) {
        guard row >= 0 && row < bounds.rows && count > 0 else { return }
        let base = (bounds.row + row) * frame.size.columns
        let start = max(bounds.column, bounds.column + column)
        let end = min(bounds.right, bounds.column + column + count)
        guard start < end else { return }
        for x in start..<end {
            write(scalar, width: 1, at: base + x, rowStart: base, role: role)
        }
    }

    /// Draws a horizontal line of `─`.
    public func horizontalLine(row: Int, column: Int = 0, length: Int, role: Role = .border) {
        repeatScalar("─", row: row, column: column, count: length, role: role)
    }

    /// Draws a vertical line of `│`.
    public func verticalLine(column: Int, row: Int = 0, length: Int, role: Role = .border) {
        for offset in 0..<max(0, length) {
            repeatScalar("│", row: row + offset, column: column, count: 1, role: role)
        }
    }

    /// Draws a box of single lines around the edge of a local rectangle, with an optional
    /// title in its top line.
    public func box(
        _ rect: Rect, role: Role = .border, title: String? = nil, titleRole: Role = .title
    ) {
        guard rect.rows >= 2 && rect.columns >= 2 else { return }
        let last = rect.columns - 1
        horizontalLine(row: rect.row, column: rect.column + 1, length: last - 1, role: role)
        horizontalLine(row: rect.bottom - 1, column: rect.column + 1, length: last - 1, role: role)
        verticalLine(column: rect.column, row: rect.row + 1, length: rect.rows - 2, role: role)
        verticalLine(
            column: rect.column + last, row: rect.row + 1, length: rect.rows - 2, role: role)
        repeatScalar("┌", row: rect.row, column: rect.column, count: 1, role: role)
        repeatScalar("┐", row: rect.row, column: rect.column + last, count: 1, role: role)
        repeatScalar("└", row: rect.bottom - 1, column: rect.column, count: 1, role: role)
        repeatScalar("┘", row: rect.bottom - 1, column: rect.column + last, count: 1, role: role)
        if let title, !title.isEmpty, rect.columns > 6 {
            let room = rect.columns - 4
            sub(Rect(row: rect.row, column: rect.column + 2, rows: 1, columns: room))
                .put(
                    " " + title.clipped(toCells: room - 2) + " ", row: 0, column: 0, role: titleRole
                )
        }
    }

    /// Gives the cells of a local rectangle a new role and keeps what they show, e.g. to
    /// mark a selected row after drawing it.
    public func restyle(_ rect: Rect, role: Role) {
        let area = sub(rect).bounds
        guard !area.isEmpty else { return }
        for row in area.row..<area.bottom {
            let base = row * frame.size.columns
            for x in area.column..<area.right { frame.cells[base + x].role = role }
        }
    }

    // MARK: - Cell writing

    private func write(
        _ scalar: Unicode.Scalar, width: Int, at index: Int, rowStart: Int, role: Role
    ) {
        let rowEnd = rowStart + frame.size.columns
        if index > rowStart && frame.cells[index].isContinuation {
            frame.cells[index - 1] = Cell(content: 0x20, role: frame.cells[index - 1].role)
        }
        frame.cells[index] = Cell(content: scalar.value, role: role)
        var after = index + 1
        if width == 2 && after < rowEnd {
            frame.cells[after] = Cell(content: Cell.continuation, role: role)
            after += 1
        }
        if after < rowEnd && frame.cells[after].isContinuation {
            frame.cells[after] = Cell(content: 0x20, role: frame.cells[after].role)
        }
    }

    private func blank(_ index: Int, count: Int, role: Role) {
        let rowStart = index - index % max(1, frame.size.columns)
        for offset in 0..<count {
            write(" ", width: 1, at: index + offset, rowStart: rowStart, role: role)
        }
    }

    private func attach(_ mark: Unicode.Scalar, toCell index: Int) {
        let cell = frame.cells[index]
        if cell.isCluster {
            frame.clusters[Int(cell.content & ~Cell.clusterFlag)].unicodeScalars.append(mark)
            return
        }
        guard let base = Unicode.Scalar(cell.content) else { return }
        var cluster = String()
        cluster.unicodeScalars.append(base)
        cluster.unicodeScalars.append(mark)
        frame.clusters.append(cluster)
        frame.cells[index].content = Cell.clusterFlag | UInt32(frame.clusters.count - 1)
    }
}
