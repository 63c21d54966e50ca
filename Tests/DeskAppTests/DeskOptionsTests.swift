import Testing

@testable import DeskApp

@Suite struct DeskOptionsTests {
    @Test func noArgumentsMeanTheEmbeddedDefault() throws {
        let options = try DeskOptions(arguments: [])
        #expect(options == DeskOptions())
    }

    @Test func readsEveryOptionInBothSpellings() throws {
        let options = try DeskOptions(arguments: [
            "--server", "http://127.0.0.1:8080/", "--lang=en", "--theme", "dark",
            "--keymap=vi",
        ])
        #expect(options.server == "http://127.0.0.1:8080")
        #expect(options.language == .english)
        #expect(options.theme == "dark")
        #expect(options.keymap == "vi")
        #expect(try DeskOptions(arguments: ["-h"]).showHelp)
    }

    @Test func refusesAnUnknownOption() {
        #expect(throws: DeskOptionsError.unknownOption("--sever")) {
            try DeskOptions(arguments: ["--sever", "http://x"])
        }
    }

    @Test func refusesAMissingValue() {
        #expect(throws: DeskOptionsError.missingValue("--server")) {
            try DeskOptions(arguments: ["--server"])
        }
        #expect(throws: DeskOptionsError.missingValue("--lang")) {
            try DeskOptions(arguments: ["--lang="])
        }
    }

    @Test(arguments: ["127.0.0.1:8080", "ftp://host", "http://", "http://a b", "http:///x"])
    func refusesAServerThatIsNoHTTPURL(_ value: String) {
        #expect(throws: DeskOptionsError.invalidServer(value)) {
            try DeskOptions(arguments: ["--server", value])
        }
    }

    /// Regression: a port out of range or a half-written IPv6 address passed, and the desk
    /// then only ever said that the server could not be reached.
    @Test(arguments: [
        "http://127.0.0.1:99999", "http://kasse:0", "http://kasse:80a", "http://[::1",
        "http://[::1]x", "http://kasse:",
    ])
    func refusesAServerWithABadPortOrHost(_ value: String) {
        #expect(throws: DeskOptionsError.invalidServer(value)) {
            try DeskOptions(arguments: ["--server", value])
        }
    }

    @Test(arguments: ["http://[::1]:8080", "https://kasse", "http://kasse:65535/api?x=1"])
    func takesAServerWithAPortOrIPv6Host(_ value: String) throws {
        #expect(try DeskOptions(arguments: ["--server", value]).server == value)
    }

    /// Regression: `--lang en --bogus` said what was wrong in German.
    @Test func aWrongCommandLineStillSaysWhichLanguageItAsksFor() {
        #expect(DeskOptions.language(in: ["--lang", "en", "--bogus"]) == .english)
        #expect(DeskOptions.language(in: ["--bogus", "--lang=EN"]) == .english)
        #expect(DeskOptions.language(in: ["--server", "x", "--lang"]) == nil)
        #expect(DeskOptions.language(in: ["--lang", "fr"]) == nil)
    }

    @Test func refusesAnUnknownLanguage() {
        #expect(throws: DeskOptionsError.invalidLanguage("fr")) {
            try DeskOptions(arguments: ["--lang", "fr"])
        }
    }

    @Test func takesAReadableCAFileForARemoteServer() throws {
        let options = try DeskOptions(
            arguments: ["--server", "https://kasse:8443", "--ca-file", "/dev/null"])
        #expect(options.caFile == "/dev/null")
    }

    @Test func refusesACAFileThatCannotBeRead() {
        let missing = "/nonexistent/booking-desk-ca.pem"
        #expect(throws: DeskOptionsError.unreadableCAFile(missing)) {
            try DeskOptions(arguments: ["--server", "https://kasse:8443", "--ca-file", missing])
        }
    }

    @Test func refusesACAFileForTheEmbeddedServer() {
        #expect(throws: DeskOptionsError.caFileWithoutServer) {
            try DeskOptions(arguments: ["--ca-file", "/dev/null"])
        }
    }

    @Test func everyProblemHasASentence() {
        let problems: [DeskOptionsError] = [
            .unknownOption("--x"), .missingValue("--lang"), .invalidServer("x"),
            .invalidLanguage("fr"), .unreadableCAFile("/x"), .caFileWithoutServer,
        ]
        for problem in problems {
            #expect(!MessageCatalog(.german).problem(problem).contains("{"))
        }
    }
}

@Suite struct LanguageTests {
    @Test func theOptionWins() {
        #expect(Language.resolve(option: .german, environment: ["LANG": "en_US.UTF-8"]) == .german)
    }

    @Test func theLocaleDecidesInPOSIXOrder() {
        #expect(Language.resolve(option: nil, environment: ["LANG": "en_GB.UTF-8"]) == .english)
        #expect(
            Language.resolve(
                option: nil, environment: ["LC_ALL": "de_DE.UTF-8", "LANG": "en_US.UTF-8"])
                == .german)
        #expect(
            Language.resolve(
                option: nil, environment: ["LC_ALL": "", "LC_MESSAGES": "en", "LANG": "de"])
                == .english)
    }

    @Test func germanIsTheDefault() {
        #expect(Language.resolve(option: nil, environment: [:]) == .german)
        #expect(Language.resolve(option: nil, environment: ["LANG": "C.UTF-8"]) == .german)
    }
}

@Suite struct DeskPathsTests {
    @Test func followsTheXDGVariables() {
        let paths = DeskPaths(environment: [
            "HOME": "/home/anna", "XDG_DATA_HOME": "/data", "XDG_STATE_HOME": "/state",
            "XDG_CONFIG_HOME": "/config",
        ])
        #expect(paths.serverFolder == "/data/booking-desk/server")
        #expect(paths.logFile == "/state/booking-desk/desk.log")
        #expect(paths.keymapsFolder == "/config/booking-desk/keymaps")
    }

    @Test func fallsBackToTheHomeFolderAndIgnoresRelativeValues() {
        let paths = DeskPaths(environment: ["HOME": "/home/anna", "XDG_DATA_HOME": "data"])
        #expect(paths.dataFolder == "/home/anna/.local/share/booking-desk")
        #expect(paths.stateFolder == "/home/anna/.local/state/booking-desk")
        #expect(paths.themesFolder == "/home/anna/.config/booking-desk/themes")
    }
}
