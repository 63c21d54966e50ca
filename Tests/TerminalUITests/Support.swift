import TerminalUI

/// The repository this test file belongs to, for reading the shipped themes and keymaps.
let repositoryRoot: String = {
    var path = #filePath
    for _ in 0..<3 { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }
    return path
}()

/// The built-in keymap of the given name, loaded as the desk would load it.
func keymap(_ name: String = "default") -> Keymap {
    ConfigFiles(userFolder: nil, shippedFolders: []).keymap(named: name).value
}

/// Draws one widget into a fresh frame of the given size and returns the frame.
func draw<W: Widget>(
    _ widget: inout W, size: Size = Size(rows: 24, columns: 80), focused: Bool = true,
    in rect: Rect? = nil
) -> Frame {
    let frame = Frame(size: size)
    widget.draw(in: frame.canvas.sub(rect ?? Rect(size: size)), focused: focused)
    return frame
}

/// Presses keys on a widget and returns the last outcome.
@discardableResult
func press<W: Widget>(_ keys: [Key], on widget: inout W, keymap: Keymap) -> Outcome {
    var outcome = Outcome.ignored
    for key in keys { outcome = widget.handle(key, keymap: keymap) }
    return outcome
}

/// Types text on a widget, one Unicode scalar per key, as a terminal delivers it.
func type<W: Widget>(_ text: String, on widget: inout W, keymap: Keymap) {
    for scalar in text.unicodeScalars { _ = widget.handle(.character(scalar), keymap: keymap) }
}

extension String {
    /// The string without trailing blanks.
    var trimmedRight: String {
        var result = Substring(self)
        while result.last == " " { result = result.dropLast() }
        return String(result)
    }
}

#if canImport(Glibc)
    import Glibc
#endif
