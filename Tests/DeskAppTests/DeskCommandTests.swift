import Testing

@testable import DeskApp
@testable import TerminalUI

@Suite struct DeskCommandTests {
    /// The help screen finds each command's sentence by name; a missing one would show the
    /// generic error sentence instead.
    @Test func everyCommandAndScopeHasAHelpSentence() {
        for command in DeskCommand.allCases {
            #expect(MessageKey(rawValue: "command." + command.rawValue) != nil, "\(command)")
            #expect(MessageKey(rawValue: "help.scope." + command.scope) != nil, "\(command)")
        }
    }

    /// A command no shipped keymap binds could only be reached by editing a file.
    @Test(arguments: ["default", "vi", "emacs"])
    func everyCommandHasAKeyInEachShippedKeymap(name: String) {
        let text = BuiltinFiles.keymaps[name] ?? ""
        let (keymap, problems) = Keymap.parse(
            text, name: name, file: name, knownCommands: DeskCommand.names)
        #expect(problems.isEmpty, "\(problems)")
        for command in DeskCommand.allCases {
            #expect(!keymap.keys(for: command.rawValue).isEmpty, "\(name): \(command)")
        }
    }
}
