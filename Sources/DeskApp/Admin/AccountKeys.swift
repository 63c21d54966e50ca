import TerminalUI

extension DeskCommand {
    /// Keys of the Users and Guides & Touren screens, for keymaps that do not bind them
    /// yet: single letters in the default and vi keymaps, Alt and a letter in the emacs
    /// one, whose plain letters search the list. Keys a keymap already uses in the same
    /// scope are left out (see `Keymap.completed(from:)`).
    // FIXME: Add these bindings to keymaps/*.keymap and TerminalUI's BuiltinFiles, so users
    // see them in the files they copy; until then the desk supplies them here.
    public static func accountDefaults(forKeymap name: String) -> Keymap {
        let plain: [(DeskCommand, [Key])] = [
            (.toggleAdmin, [.character("a")]),
            (.editBranches, [.character("b")]),
            (.editCategories, [.character("c")]),
            (.newUser, [.character("n"), .insert]),
            (.deactivateUser, [.character("d")]),
            (.deleteUser, [.character("x"), .delete]),
            (.mailNewPassword, [.character("p")]),
            (.newGuideOrTour, [.character("n"), .insert]),
            (.editGuideOrTour, [.character("e")]),
            (.createGuideAccess, [.character("z")]),
            (.assignGuide, [.character("a")]),
            (.releaseTour, [.character("r")]),
        ]
        let bindings = plain.map { command, keys in
            let shown = name == "emacs" ? keys.map(Self.emacsKey) : keys
            return Keymap.Binding(command: command.rawValue, keys: shown)
        }
        return Keymap(name: name, bindings: bindings)
    }

    /// Alt with the letter; keys without a letter stay as they are.
    private static func emacsKey(_ key: Key) -> Key {
        guard case .character(let letter) = key else { return key }
        return .alt(letter)
    }
}
