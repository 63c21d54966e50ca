import Testing

@testable import TerminalUI

@Suite struct KeymapTests {
    static let allCommands: Set<String> = Set(
        keymap("default").bindings.map(\.command))

    @Test func keyNamesRoundTrip() {
        let keys: [Key] = [
            .up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .insert, .delete,
            .backspace, .enter, .tab, .backTab, .escape, .function(1), .function(12),
            .control("x"), .alt("v"), .alt("<"), .character(" "), .character("?"),
            .character("ä"), .character("ß"), .character("G"),
        ]
        for key in keys { #expect(Key(name: key.name) == key, "\(key.name)") }
    }

    @Test func keyNamesAcceptCommonSpellings() {
        #expect(Key(name: "PgDn") == .pageDown)
        #expect(Key(name: "esc") == .escape)
        #expect(Key(name: "C-x") == .control("x"))
        #expect(Key(name: "M-v") == .alt("v"))
        #expect(Key(name: "ctrl-K") == .control("k"))
        #expect(Key(name: "Ctrl-I") == .tab)
        #expect(Key(name: "Ctrl-H") == .backspace)
        #expect(Key(name: "Ctrl-M") == .enter)
        #expect(Key(name: "F13") == nil)
        #expect(Key(name: "Hyper-x") == nil)
        #expect(Key(name: "Ctrl-1") == nil)
    }

    @Test(arguments: ["default", "vi", "emacs"])
    func shippedKeymapsParseWithoutProblems(name: String) throws {
        let path = repositoryRoot + "/keymaps/" + name + ".keymap"
        let text = try #require(try? TextFile.read(path).get())
        let (parsed, problems) = Keymap.parse(
            text, name: name, file: path, knownCommands: Self.allCommands)
        #expect(problems.isEmpty, "\(problems)")
        #expect(Set(parsed.bindings.map(\.command)) == Self.allCommands)
    }

    @Test func everyWidgetCommandIsInTheDefaultKeymap() {
        for command in WidgetCommand.allCases {
            #expect(Self.allCommands.contains(command.rawValue), "\(command.rawValue)")
        }
    }

    @Test func lookupFollowsScopesInOrder() {
        let vi = keymap("vi")
        #expect(
            vi.command(for: .character("l"), scopes: ["calendar", "global"]) == "calendar.nextDay")
        #expect(vi.command(for: .character("j"), scopes: ["list", "global"]) == "list.down")
        #expect(vi.command(for: .function(1), scopes: ["list", "global"]) == "global.help")
        #expect(vi.command(for: .character("l"), scopes: ["field"]) == nil)
        #expect(vi.keys(for: "global.help") == [.function(1), .character("?")])
        let emacs = keymap("emacs")
        #expect(emacs.command(for: .control("a"), scope: "field") == "field.home")
        #expect(emacs.command(for: .alt("v"), scope: "list") == "list.pageUp")
    }

    @Test func helpListsTheBindingsOfScopesInFileOrder() {
        let help = keymap().bindings(inScopes: ["global"])
        #expect(help.first?.command == "global.help")
        #expect(help.first?.keys.map(\.name) == ["F1", "?"])
        #expect(help.allSatisfy { $0.command.hasPrefix("global.") })
    }

    @Test func aGoodFileParses() {
        let text = """
            # a comment
              # an indented comment

            global.help = F1 ?
            calendar.nextDay=Right l
            field.home = Home   Ctrl-A\r
            """
        let (parsed, problems) = Keymap.parse(text, name: "mine", file: "/x/mine.keymap")
        #expect(problems.isEmpty)
        #expect(parsed.keys(for: "calendar.nextDay") == [.right, .character("l")])
        #expect(parsed.keys(for: "field.home") == [.home, .control("a")])
    }

    @Test(arguments: [
        ("global.help F1", ConfigProblem.Kind.missingEquals),
        ("= F1", .badName("")),
        ("help = F1", .badName("help")),
        ("global.hel p = F1", .badName("global.hel p")),
        ("global.help =   ", .missingValue),
        ("global.help = F1 Fnord", .unknownKey("Fnord")),
        ("global.helq = F1", .unknownCommand("global.helq")),
        ("global.quit = F10\nglobal.quit = q", .duplicate("global.quit")),
        (
            "global.quit = F10\nglobal.help = F10",
            .keyBoundTwice(key: "F10", first: "global.quit", second: "global.help")
        ),
    ])
    func eachKindOfBrokenLineNamesFileAndLine(line: String, kind: ConfigProblem.Kind) {
        let text = "# my keymap\n" + line + "\n"
        let brokenLine = text.split(separator: "\n").count
        let (_, problems) = Keymap.parse(
            text, name: "mine", file: "/home/x/mine.keymap", knownCommands: Self.allCommands)
        #expect(
            problems == [ConfigProblem(file: "/home/x/mine.keymap", line: brokenLine, kind: kind)])
    }

    @Test func theSameKeyInTwoScopesIsAllowed() {
        let (_, problems) = Keymap.parse(
            "list.up = k\ncalendar.previousWeek = k\n", name: "x", file: "x")
        #expect(problems.isEmpty)
    }

    @Test func aKeymapLeavingCommandsOutGetsTheirDefaultKeysWhereFree() {
        let defaults = keymap()
        let (mine, _) = Keymap.parse("calendar.nextDay = n\n", name: "mine", file: "x")
        let completed = mine.completed(from: defaults)
        #expect(completed.keys(for: "calendar.nextDay") == [.character("n")])
        #expect(completed.keys(for: "global.help") == [.function(1), .character("?")])
        #expect(completed.keys(for: "calendar.newOrder") == [.insert])
    }
}
