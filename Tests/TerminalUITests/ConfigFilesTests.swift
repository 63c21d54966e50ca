import TestFiles
import Testing

@testable import TerminalUI

@Suite struct ConfigFilesTests {
    @Test(arguments: ["default", "high-contrast", "monochrome"])
    func builtinThemeEqualsShippedFile(name: String) throws {
        let shipped = try TextFile.read(repositoryRoot + "/themes/" + name + ".theme").get()
        #expect(BuiltinFiles.themes[name] == shipped)
    }

    @Test(arguments: ["default", "vi", "emacs"])
    func builtinKeymapEqualsShippedFile(name: String) throws {
        let shipped = try TextFile.read(repositoryRoot + "/keymaps/" + name + ".keymap").get()
        #expect(BuiltinFiles.keymaps[name] == shipped)
    }

    @Test func everyShippedFileHasABuiltinCopy() {
        #expect(BuiltinFiles.themes.keys.sorted() == ["default", "high-contrast", "monochrome"])
        #expect(BuiltinFiles.keymaps.keys.sorted() == ["default", "emacs", "vi"])
    }

    @Test func theRepositoryIsAShippedFolderForBuildTreeRuns() {
        let files = ConfigFiles(environment: ["HOME": "/nonexistent"])
        let loaded = files.keymap(named: "vi")
        #expect(loaded.origin == repositoryRoot + "/keymaps/vi.keymap")
        #expect(loaded.problems.isEmpty)
    }

    @Test func xdgConfigHomeWinsOverHome() {
        let files = ConfigFiles(environment: ["HOME": "/home/anna", "XDG_CONFIG_HOME": "/etc/anna"])
        #expect(files.userFolder == "/etc/anna/booking-desk")
        let plain = ConfigFiles(environment: ["HOME": "/home/anna"])
        #expect(plain.userFolder == "/home/anna/.config/booking-desk")
        #expect(
            plain.candidates(for: .theme, named: "x").first
                == "/home/anna/.config/booking-desk/themes/x.theme")
    }

    @Test func aUserCopyWins() {
        let folder = TemporaryFolder()
        folder.write("global.help = F2\n", to: "keymaps/default.keymap")
        folder.write("normal = red default\n", to: "themes/default.theme")
        let files = ConfigFiles(userFolder: folder.path, shippedFolders: [repositoryRoot])
        let keys = files.keymap(named: "default")
        #expect(keys.origin == folder.path + "/keymaps/default.keymap")
        #expect(keys.value.keys(for: "global.help") == [.function(2)])
        #expect(keys.value.keys(for: "list.up") == [.up])
        let theme = files.theme(named: "default")
        #expect(theme.value[.normal].foreground == .indexed(1))
        #expect(theme.problems.isEmpty)
    }

    /// A user's copy written before a command existed still gets its keys, in the style
    /// of its own shipped file (emacs's Alt keys), not the default keymap's letters.
    @Test func anOlderUserKeymapLearnsNewerCommandsFromItsShippedFile() {
        let folder = TemporaryFolder()
        folder.write("calendar.nextDay = l\n", to: "keymaps/emacs.keymap")
        let files = ConfigFiles(userFolder: folder.path, shippedFolders: [])
        let loaded = files.keymap(named: "emacs")

        #expect(loaded.problems.isEmpty)
        #expect(loaded.value.keys(for: "calendar.nextDay") == [.character("l")])
        #expect(loaded.value.keys(for: "sync.otherOffer") == [.alt("a")])
        #expect(loaded.value.keys(for: "global.logOut") == [.function(12)])
    }

    @Test func aBrokenUserKeymapGivesTheDefaultAndNamesFileAndLine() {
        let folder = TemporaryFolder()
        folder.write("# mine\nglobal.help = F1\nlist.up = Hoch\n", to: "keymaps/vi.keymap")
        let files = ConfigFiles(userFolder: folder.path, shippedFolders: [])
        let loaded = files.keymap(named: "vi")
        #expect(
            loaded.problems == [
                ConfigProblem(
                    file: folder.path + "/keymaps/vi.keymap", line: 3, kind: .unknownKey("Hoch"))
            ])
        #expect(loaded.origin == "built-in:default.keymap")
        #expect(loaded.value == keymap("default"))
    }

    @Test func aBrokenUserThemeGivesTheDefaultAndNamesFileAndLine() {
        let folder = TemporaryFolder()
        folder.write("normal = default default\ntitle = mauve blue\n", to: "mine.theme")
        let files = ConfigFiles(userFolder: folder.path, shippedFolders: [repositoryRoot])
        let loaded = files.theme(named: "mine")
        #expect(
            loaded.problems == [
                ConfigProblem(
                    file: folder.path + "/mine.theme", line: 2, kind: .unknownColor("mauve"))
            ])
        #expect(loaded.origin == repositoryRoot + "/themes/default.theme")
        #expect(loaded.value[.title].background == .indexed(4))
    }

    @Test func aMissingNameGivesTheDefaultAndSaysNotFound() {
        let files = ConfigFiles(userFolder: "/nonexistent/booking-desk", shippedFolders: [])
        let loaded = files.theme(named: "sunset")
        #expect(loaded.problems.map(\.kind) == [.notFound("sunset")])
        #expect(loaded.problems.first?.file == "/nonexistent/booking-desk/themes/sunset.theme")
        #expect(loaded.value.name == "default")
    }

    @Test func aNameWithASlashIsRefused() {
        let files = ConfigFiles(userFolder: nil, shippedFolders: [])
        let loaded = files.keymap(named: "../../etc/passwd")
        #expect(loaded.problems.map(\.kind) == [.badFileName("../../etc/passwd")])
        #expect(loaded.value.name == "default")
    }

    @Test func aFileThatIsNotUTF8IsReported() {
        let folder = TemporaryFolder()
        folder.write("normal = default default\n# Gr\u{00F6}\u{00DF}e\n", to: "themes/latin.theme")
        let path = folder.path + "/themes/latin.theme"
        let file = fopen(path, "w")!
        fputs("normal = default default # Gr", file)
        fputc(0xF6, file)
        fclose(file)
        let loaded = ConfigFiles(userFolder: folder.path, shippedFolders: []).theme(named: "latin")
        #expect(loaded.problems == [ConfigProblem(file: path, line: nil, kind: .notUTF8)])
    }

    @Test func anUnreadableFileIsReported() {
        let folder = TemporaryFolder()
        mkdir(folder.path + "/keymaps", 0o755)
        mkdir(folder.path + "/keymaps/dir.keymap", 0o755)
        let loaded = ConfigFiles(userFolder: folder.path, shippedFolders: []).keymap(named: "dir")
        #expect(loaded.problems.map(\.kind) == [.unreadable(errno: EISDIR)])
        #expect(loaded.problems.first?.file == folder.path + "/keymaps/dir.keymap")
    }

    @Test func unknownCommandsAreReportedWhenTheDeskSaysWhichItKnows() {
        let folder = TemporaryFolder()
        folder.write("calender.nextDay = l\n", to: "keymaps/typo.keymap")
        let files = ConfigFiles(userFolder: folder.path, shippedFolders: [])
        let known = Set(keymap().bindings.map(\.command))
        let loaded = files.keymap(named: "typo", knownCommands: known)
        #expect(loaded.problems.map(\.kind) == [.unknownCommand("calender.nextDay")])
        #expect(loaded.problems.first?.line == 1)
    }
}

#if canImport(Glibc)
    import Glibc
#endif
