import TerminalUI

extension SelectList {
    /// Carries a search begun with `list.search` over to `rebuilt`, the same list made
    /// again from an answer of the server: without it, the letters typed after the answer
    /// would no longer search but run the screen's one-letter commands.
    func carrySearch(to rebuilt: inout SelectList, keymap: Keymap) {
        guard isSearching, let key = keymap.keys(for: DeskCommand.listSearch.rawValue).first
        else { return }
        _ = rebuilt.handle(key, keymap: keymap)
        for scalar in query.unicodeScalars {
            _ = rebuilt.handle(.character(scalar), keymap: keymap)
        }
    }
}
