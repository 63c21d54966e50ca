/// The steps of a wizard in one line, e.g. "1 Termin › 2 Zeit › 3 Angebot", with the
/// steps done, the current one and those to come in their own roles.
///
/// When the line is too short, the steps other than the current one shrink to their
/// numbers.
public struct StepBar: Widget {
    /// Step labels from the catalogue.
    public var labels: [String]
    /// The index of the current step.
    public var current: Int

    public init(labels: [String], current: Int = 0) {
        self.labels = labels
        self.current = current
    }

    public mutating func draw(in canvas: Canvas, focused: Bool) {
        guard canvas.rows > 0 else { return }
        let full = labels.indices.map { "\($0 + 1) " + labels[$0] }
        let short = labels.indices.map { $0 == current ? full[$0] : "\($0 + 1)" }
        let separator = " › "
        let fits = full.reduce(0) { $0 + $1.cellWidth } + separator.count * (labels.count - 1)
        let texts = fits <= canvas.columns ? full : short
        var column = 0
        for (index, text) in texts.enumerated() {
            if index > 0 { column = canvas.put(separator, row: 0, column: column, role: .dim) }
            let role: Role =
                index < current ? .stepDone : index == current ? .stepCurrent : .stepTodo
            column = canvas.put(text, row: 0, column: column, role: role)
        }
    }
}
