/// The desk's words in one language. Every sentence the person at the counter reads comes
/// from here; the entries live in one file per language (`MessageMessageCatalog+German.swift`,
/// `MessageMessageCatalog+English.swift`), each an exhaustive `switch` over `MessageKey`, so a key
/// missing in one language does not compile.
///
/// Entries may hold numbered placeholders `{1}`, `{2}`, … that `text(_:_:)` fills in;
/// numbering lets a language reorder them.
public struct MessageCatalog: Sendable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    /// The entry for `key`, without placeholders filled in.
    public func entry(_ key: MessageKey) -> String {
        switch language {
        case .german: return Self.german(key)
        case .english: return Self.english(key)
        }
    }

    /// The entry for `key` with `{1}`, `{2}`, … replaced by `arguments` in order.
    public func text(_ key: MessageKey, _ arguments: String...) -> String {
        fill(entry(key), arguments)
    }

    /// Like `text(_:_:)` with the arguments as an array.
    public func text(_ key: MessageKey, arguments: [String]) -> String {
        fill(entry(key), arguments)
    }

    /// The sentence for a stable message key that another module (DeskClient, the theme and
    /// keymap loader) hands over as a string; a key the catalogue lacks gives a generic
    /// sentence instead of a raw key on screen.
    public func text(messageKey: String, arguments: [String] = []) -> String {
        guard let key = MessageKey(rawValue: messageKey) else {
            return text(.errorUnexpected, messageKey)
        }
        return text(key, arguments: arguments)
    }

    /// One pass over the template, so text typed by a user that looks like `{2}` is never
    /// filled in a second time.
    private func fill(_ template: String, _ arguments: [String]) -> String {
        guard template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}"),
                let number = Int(rest[afterOpen..<close]), arguments.indices.contains(number - 1)
            else {
                result.append("{")
                rest = rest[afterOpen...]
                continue
            }
            result += arguments[number - 1]
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
