import CNcursesw
import Glibc

/// Widths of text in terminal cells, as the terminal will draw it.
///
/// Every width in TerminalUI is counted in cells, never in bytes or Characters:
/// "Größe" takes 5 cells, decomposed "a\u{308}" 1 cell, "予約" 4 cells. The widths come
/// from the C library's `wcwidth`, the same table ncurses uses, so what we measure is what
/// the terminal draws. `wcwidth` needs a UTF-8 locale; the first measurement makes sure
/// the process has one (see `TextWidth.prepareLocale()`).
public enum TextWidth {
    /// The cells one Unicode scalar takes: 0 for combining marks and other zero-width
    /// scalars, 1 for most, 2 for wide (CJK) ones, -1 for control characters, which are
    /// never drawn as they are.
    @inline(__always)
    public static func cells(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return 1 }
        if value < 0x20 || value == 0x7F { return -1 }
        _ = localeIsUTF8
        return Int(bk_wcwidth(wchar_t(bitPattern: value)))
    }

    // FIXME: emoji sequences (ZWJ, flags, VS16) are summed per scalar as wcwidth says,
    // which some terminal emulators draw narrower; names and addresses rarely hold them.

    /// The cells a piece of text takes when drawn on one line. Control characters count as
    /// one cell, because they are drawn as a replacement character.
    public static func cells<S: StringProtocol>(_ text: S) -> Int {
        cells(scalars: text.unicodeScalars)
    }

    /// The cells one Character (grapheme cluster) takes.
    public static func cells(_ character: Character) -> Int {
        cells(scalars: character.unicodeScalars)
    }

    private static func cells<S: Sequence<Unicode.Scalar>>(scalars: S) -> Int {
        var total = 0
        for scalar in scalars {
            let width = cells(scalar)
            total += width < 0 ? 1 : width
        }
        return total
    }

    /// Makes sure the C library's character type is UTF-8, so `wcwidth` knows umlauts and
    /// wide characters: the locale from the environment if it is UTF-8, else `C.UTF-8`.
    /// Returns whether a UTF-8 locale is in effect. Safe to call more than once.
    @discardableResult
    public static func prepareLocale() -> Bool {
        if codesetIsUTF8() { return true }
        if NcursesTerminal.environmentLocaleIsUTF8() && setlocale(LC_CTYPE, "") != nil
            && codesetIsUTF8()
        {
            return true
        }
        if setlocale(LC_CTYPE, "C.UTF-8") != nil && codesetIsUTF8() { return true }
        return setlocale(LC_CTYPE, "C.utf8") != nil && codesetIsUTF8()
    }

    private static let localeIsUTF8: Bool = prepareLocale()

    private static func codesetIsUTF8() -> Bool {
        guard let codeset = bk_codeset() else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}

extension StringProtocol {
    /// The cells this text takes on the terminal (see `TextWidth`).
    public var cellWidth: Int { TextWidth.cells(self) }

    /// The longest prefix of this text that fits into `width` cells. A wide character or a
    /// base character with its combining marks is never split.
    public func clipped(toCells width: Int) -> String {
        guard width > 0 else { return "" }
        var used = 0
        var end = startIndex
        for index in indices {
            let next = used + TextWidth.cells(self[index])
            if next > width { break }
            used = next
            end = self.index(after: index)
        }
        return String(self[startIndex..<end])
    }

    /// The text fitted into exactly `width` cells: clipped (with `ellipsis` at the end
    /// when given and there is room for it) or padded with spaces as `alignment` says.
    public func fitted(
        toCells width: Int, alignment: Alignment = .left, ellipsis: String? = nil
    ) -> String {
        guard width > 0 else { return "" }
        let own = cellWidth
        if own > width {
            guard let ellipsis, ellipsis.cellWidth < width else {
                return clipped(toCells: width).padded(toCells: width)
            }
            let body = clipped(toCells: width - ellipsis.cellWidth) + ellipsis
            return body.padded(toCells: width)
        }
        return String(self).padded(toCells: width, alignment: alignment)
    }

    /// The text padded with spaces to `width` cells; longer text is returned unchanged.
    public func padded(toCells width: Int, alignment: Alignment = .left) -> String {
        let missing = width - cellWidth
        guard missing > 0 else { return String(self) }
        switch alignment {
        case .left:
            return String(self) + String(repeating: " ", count: missing)
        case .right:
            return String(repeating: " ", count: missing) + String(self)
        case .center:
            let left = missing / 2
            return String(repeating: " ", count: left) + String(self)
                + String(repeating: " ", count: missing - left)
        }
    }
}
