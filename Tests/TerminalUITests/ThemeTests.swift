import Testing

@testable import TerminalUI

@Suite struct ThemeTests {
    @Test(arguments: ["default", "high-contrast", "monochrome"])
    func shippedThemesParseAndNameEveryRole(name: String) throws {
        let path = repositoryRoot + "/themes/" + name + ".theme"
        let text = try TextFile.read(path).get()
        let (_, problems) = Theme.parse(text, name: name, file: path)
        #expect(problems.isEmpty, "\(problems)")
        let named = Set(
            text.split(separator: "\n").compactMap { line -> String? in
                guard !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") else {
                    return nil
                }
                return String(line[..<equals].trimmingBlanks())
            })
        #expect(named == Set(Role.allCases.map(\.name)))
    }

    @Test func monochromeUsesNoColours() throws {
        let text = try #require(BuiltinFiles.themes["monochrome"])
        let theme = Theme.parse(text, name: "monochrome", file: "").theme
        #expect(!theme.usesColor)
        #expect(theme[.selected].attributes == .reverse)
        let colored = Theme.parse(BuiltinFiles.themes["default"]!, name: "default", file: "").theme
        #expect(colored.usesColor)
        #expect(!colored.withoutColors.usesColor)
    }

    @Test func aGoodLineParses() {
        let (theme, problems) = Theme.parse(
            "title = bright-white 4 bold underline\nnormal = default black\n", name: "t", file: "t")
        #expect(problems.isEmpty)
        #expect(
            theme[.title]
                == Theme.Appearance(
                    foreground: .indexed(15), background: .indexed(4),
                    attributes: [.bold, .underline]))
        #expect(theme[.error] == theme[.normal])
    }

    @Test(arguments: [
        ("title bold", ConfigProblem.Kind.missingEquals),
        ("= red blue", .badName("")),
        ("title =", .missingValue),
        ("titel = red blue", .unknownRole("titel")),
        ("title = red", .missingColors),
        ("title = rot blue", .unknownColor("rot")),
        ("title = red 256", .unknownColor("256")),
        ("title = red blue blink", .unknownAttribute("blink")),
        ("title = red blue\ntitle = red blue", .duplicate("title")),
    ])
    func eachKindOfBrokenLineNamesFileAndLine(line: String, kind: ConfigProblem.Kind) {
        let text = "normal = default default\n" + line + "\n"
        let brokenLine = text.split(separator: "\n").count
        let (theme, problems) = Theme.parse(text, name: "mine", file: "/home/x/mine.theme")
        #expect(
            problems == [ConfigProblem(file: "/home/x/mine.theme", line: brokenLine, kind: kind)])
        #expect(theme[.normal] == Theme.Appearance())
    }

    @Test func noColorGivesMonochrome() {
        let files = ConfigFiles(
            environment: ["HOME": "/nonexistent", "NO_COLOR": "1"], executablePath: nil)
        let loaded = files.theme(named: "high-contrast")
        #expect(loaded.value.name == "monochrome")
        #expect(!loaded.value.usesColor)
        #expect(loaded.problems.isEmpty)
    }

    @Test func anEmptyNoColorIsIgnored() {
        let files = ConfigFiles(
            environment: ["HOME": "/nonexistent", "NO_COLOR": ""], executablePath: nil)
        #expect(files.theme(named: "high-contrast").value.name == "high-contrast")
    }

    @Test func aTerminalWithoutColoursGetsMonochrome() {
        let files = ConfigFiles(userFolder: nil, shippedFolders: [])
        #expect(files.theme(named: "default", colorsAvailable: false).value.name == "monochrome")
    }
}
