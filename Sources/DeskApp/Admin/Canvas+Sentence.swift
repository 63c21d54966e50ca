import TerminalUI

extension Canvas {
    /// A sentence wrapped at blanks into at most `lines` rows of `width` cells from `row`
    /// on, so a long refusal or hint is read whole rather than cut.
    func putSentence(
        _ sentence: String, row: Int, column: Int, width: Int, lines: Int = 3, role: Role
    ) {
        for (index, line) in TextWrap.lines(sentence, width: max(1, width)).prefix(lines)
            .enumerated()
        {
            put(line, row: row + index, column: column, role: role)
        }
    }
}
