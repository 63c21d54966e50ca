import Testing

@testable import DeskApp

@Suite struct DeskCommandTests {
    /// The help screen finds each command's sentence by name; a missing one would show the
    /// generic error sentence instead.
    @Test func everyCommandAndScopeHasAHelpSentence() {
        for command in DeskCommand.allCases {
            #expect(MessageKey(rawValue: "command." + command.rawValue) != nil, "\(command)")
            #expect(MessageKey(rawValue: "help.scope." + command.scope) != nil, "\(command)")
        }
    }
}
