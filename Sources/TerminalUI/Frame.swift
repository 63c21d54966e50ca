/// One cell of a frame: what is drawn there and its role.
///
/// `content` is a Unicode scalar value for a cell holding one scalar (the usual case),
/// `Cell.continuation` for the right half of a wide character, or an index into the
/// frame's cluster table (with `Cell.clusterFlag` set) for a base character with
/// combining marks. Keeping cells this small makes diffing two frames cheap.
struct Cell: Equatable {
    var content: UInt32
    var role: Role

    static let clusterFlag: UInt32 = 0x8000_0000
    static let continuation: UInt32 = 0xFFFF_FFFF
    static let blank = Cell(content: 0x20, role: .normal)

    var isContinuation: Bool { content == Cell.continuation }
    var isCluster: Bool { content != Cell.continuation && content & Cell.clusterFlag != 0 }
}

/// A grid of styled cells: what a screen looks like, independent of any terminal.
///
/// Screens and widgets draw into a frame through a `Canvas`; a `Renderer` sends the cells
/// that differ from the previous frame to a `Terminal`. The in-memory terminal keeps a
/// frame too, so tests read back exactly what reached the terminal.
public final class Frame {
    /// The size of the grid.
    public private(set) var size: Size
    var cells: [Cell]
    var clusters: [String] = []

    /// A blank frame of the given size.
    public init(size: Size) {
        self.size = size
        self.cells = Array(repeating: .blank, count: size.rows * size.columns)
    }

    /// All cells blank, in the given role. Keeps its storage, so a frame can be redrawn
    /// many times without allocating.
    public func clear(role: Role = .normal) {
        let blank = Cell(content: 0x20, role: role)
        cells.withUnsafeMutableBufferPointer { $0.update(repeating: blank) }
        clusters.removeAll(keepingCapacity: true)
    }

    /// Changes the size; the content is cleared.
    public func resize(to newSize: Size) {
        size = newSize
        cells = Array(repeating: .blank, count: newSize.rows * newSize.columns)
        clusters.removeAll(keepingCapacity: true)
    }

    /// A canvas that draws on the whole frame.
    public var canvas: Canvas { Canvas(frame: self) }

    /// The text of one row, one grapheme per cell (a wide character once), including
    /// trailing spaces.
    public func text(ofRow row: Int) -> String {
        guard row >= 0 && row < size.rows else { return "" }
        var line = ""
        let start = row * size.columns
        for index in start..<(start + size.columns) {
            appendContent(of: cells[index], to: &line)
        }
        return line
    }

    /// The text of every row.
    public var lines: [String] { (0..<size.rows).map { text(ofRow: $0) } }

    /// The role of one cell; `.normal` outside the frame.
    public func role(row: Int, column: Int) -> Role {
        guard contains(row: row, column: column) else { return .normal }
        return cells[row * size.columns + column].role
    }

    /// What one cell shows: a grapheme, "" for the right half of a wide character, nil
    /// outside the frame.
    public func grapheme(row: Int, column: Int) -> String? {
        guard contains(row: row, column: column) else { return nil }
        var text = ""
        appendContent(of: cells[row * size.columns + column], to: &text)
        return text
    }

    /// The column where `text` first starts in `row`, counted in cells; nil if absent.
    public func column(of text: String, inRow row: Int) -> Int? {
        let line = self.text(ofRow: row)
        guard let range = line.range(of: text) else { return nil }
        return line[line.startIndex..<range.lowerBound].cellWidth
    }

    func contains(row: Int, column: Int) -> Bool {
        row >= 0 && row < size.rows && column >= 0 && column < size.columns
    }

    func appendContent(of cell: Cell, to text: inout String) {
        if cell.isContinuation { return }
        if cell.isCluster {
            text += clusters[Int(cell.content & ~Cell.clusterFlag)]
        } else if let scalar = Unicode.Scalar(cell.content) {
            text.unicodeScalars.append(scalar)
        }
    }

    /// Whether cell `index` of this frame shows the same as cell `otherIndex` of `other`.
    func sameCell(_ index: Int, as other: Frame, _ otherIndex: Int) -> Bool {
        let mine = cells[index]
        let theirs = other.cells[otherIndex]
        if mine == theirs && !mine.isCluster { return true }
        guard mine.role == theirs.role, mine.isCluster, theirs.isCluster else { return false }
        return clusters[Int(mine.content & ~Cell.clusterFlag)]
            == other.clusters[Int(theirs.content & ~Cell.clusterFlag)]
    }

    /// Copies cell `otherIndex` of `other` into cell `index` of this frame.
    func copyCell(_ index: Int, from other: Frame, _ otherIndex: Int) {
        var cell = other.cells[otherIndex]
        if cell.isCluster {
            clusters.append(other.clusters[Int(cell.content & ~Cell.clusterFlag)])
            cell.content = Cell.clusterFlag | UInt32(clusters.count - 1)
        }
        cells[index] = cell
    }
}

extension String {
    fileprivate func range(of needle: String) -> Range<String.Index>? {
        guard !needle.isEmpty else { return nil }
        var start = startIndex
        while start < endIndex {
            if self[start...].hasPrefix(needle) {
                return start..<(index(start, offsetBy: needle.count))
            }
            start = index(after: start)
        }
        return nil
    }
}
