import BookingAPI
import BookingCore
import DeskClient
import Foundation
import TerminalUI
import Testing

@testable import DeskApp

/// The admin's Benutzer tab on the in-memory screen, with made-up answers.
@Suite struct UsersScreenTests {
    /// An admin's desk on the users tab with the fixture's users, Nora selected.
    private func usersTab(
        size: Size = Size(rows: 24, columns: 80), language: Language = .german
    ) -> DeskDriver {
        let driver = DeskDriver(language: language, size: size)
        driver.logIn(as: AccountFixture.admin)
        driver.showTab(language == .german ? "Benutzer" : "Users")
        driver.answerAccount({ $0 == .users }, with: .success(.users(AccountFixture.users)))
        driver.press(.down, .down)
        return driver
    }

    private func selected(_ driver: DeskDriver) -> UserRecord? {
        driver.desk.users?.selectedUser
    }

    @Test func listsTheUsersWithTheirRolesRestrictionsAndLastLogIn() {
        let driver = usersTab()
        let screen = driver.screen
        #expect(screen.contains("Benutzer von Radhaus am See (5)"))
        #expect(screen.contains("Letzte Anm."))
        let lines = screen.split(separator: "\n")
        #expect(lines.contains { $0.contains("Anna Admin") && $0.contains("Inhaber") })
        #expect(lines.contains { $0.contains("Jürgen Weiß") && $0.contains("keine") })
        #expect(lines.contains { $0.contains("Jürgen Weiß") && $0.contains("nie") })
        #expect(lines.contains { $0.contains("Nora Nord") && $0.contains("04.03.2016") })
        #expect(lines.contains { $0.contains("Lars Löffler") && $0.contains("gesperrt") })
        #expect(screen.contains("Filialen: Filiale Nord · Kategorien: alle"))
        #expect(lines.allSatisfy { $0.count <= 80 })
    }

    @Test func aWideWindowShowsBranchesCategoriesAndTheTimeOfTheLastLogIn() {
        let driver = usersTab(size: Size(rows: 60, columns: 200))
        let lines = driver.screen.split(separator: "\n")
        #expect(lines.contains { $0.contains("Filialen") && $0.contains("Kategorien") })
        #expect(lines.contains { $0.contains("Nora Nord") && $0.contains("04.03.2016 08:02") })
        #expect(lines.allSatisfy { $0.count <= 200 })
    }

    @Test func oneKeyTogglesTheAdminFlag() {
        let driver = usersTab()
        driver.press(.character("a"))
        #expect(driver.accountCalls == [.setAdmin(UserID(4), true)])
        #expect(driver.screen.contains("Nora Nord: die Änderung ist unterwegs zum Server …"))
        driver.press(.character("a"))
        #expect(driver.screen.contains("Für Nora Nord ist schon eine Änderung unterwegs"))
        #expect(driver.accountCalls.count == 1)
        var promoted = AccountFixture.users[2]
        promoted.role = .admin
        driver.answerAccount({ _ in true }, with: .success(.user(promoted)))
        #expect(driver.screen.contains("Nora Nord ist jetzt Admin."))
        driver.press(.character("a"))
        #expect(driver.accountCalls == [.setAdmin(UserID(4), false)])
    }

    @Test func theOwnersKeysSayWhyNot() {
        let driver = usersTab()
        driver.press(.home)
        for (key, sentence) in [
            ("a", "Anna Admin ist Inhaber des Kontos und bleibt immer Admin."),
            ("d", "Anna Admin ist Inhaber des Kontos und kann nicht gesperrt werden."),
            ("x", "Anna Admin ist Inhaber des Kontos und kann nicht gelöscht werden."),
            ("b", "Anna Admin ist Inhaber des Kontos und sieht immer alle Filialen und"),
        ] {
            driver.press(.character(key.unicodeScalars.first!))
            #expect(driver.screen.contains(sentence), "\(key)")
        }
        #expect(driver.accountCalls.isEmpty)
    }

    @Test func aGuideCannotBeAnAdminNorRestricted() {
        let driver = usersTab()
        driver.press(.down)
        #expect(selected(driver)?.username == "guide")
        driver.press(.character("a"))
        #expect(driver.screen.contains("Tourguides können keine Admins sein."))
        driver.press(.character("c"))
        #expect(driver.screen.contains("sieht nur die eigenen Touren"))
        #expect(driver.accountCalls.isEmpty)
    }

    @Test func branchesAreEditedInAChecklistWhereNoTickMeansAll() {
        let driver = usersTab()
        driver.press(.character("b"))
        let screen = driver.screen
        #expect(screen.contains("Filialen von Nora Nord"))
        #expect(screen.contains("Kein Haken = keine Einschränkung: alle Filialen"))
        #expect(screen.contains("[x] Filiale Nord"))
        #expect(screen.contains("[ ] Filiale Hafen"))
        driver.press(.down, .character(" "), .enter)
        #expect(
            driver.accountCalls == [
                .setRestrictions(
                    UserID(4), RestrictionsRequest(branchIDs: [BranchID(1), BranchID(2)]))
            ])
        var saved = AccountFixture.users[2]
        saved.branchIDs = [BranchID(1), BranchID(2)]
        driver.answerAccount({ _ in true }, with: .success(.user(saved)))
        #expect(
            driver.screen.contains(
                "Für Nora Nord gespeichert: Filialen: Filiale Nord, Filiale Hafen"))
    }

    @Test func untickingEverythingLiftsTheRestrictionAndKeepsTheOtherList() {
        let driver = usersTab()
        driver.press(.character("c"))
        #expect(driver.screen.contains("Kategorien von Nora Nord"))
        driver.press(.character(" "), .enter)
        #expect(
            driver.accountCalls == [
                .setRestrictions(
                    UserID(4),
                    RestrictionsRequest(branchIDs: [BranchID(1)], categoryIDs: [CategoryID(1)]))
            ])
        driver.answerAccount({ _ in true }, with: .success(.user(AccountFixture.users[2])))
        driver.press(.character("b"), .character(" "), .enter)
        #expect(driver.accountCalls == [.setRestrictions(UserID(4), RestrictionsRequest())])
        driver.press(.character("b"), .escape)
        #expect(driver.screen.contains("Benutzer von Radhaus am See"))
    }

    @Test func aNewUserGetsThePasswordByMail() {
        let driver = usersTab()
        driver.press(.character("n"))
        #expect(driver.screen.contains("Neuer Benutzer"))
        driver.press(.enter, .enter, .enter)
        #expect(driver.screen.contains("Pflichtfeld: bitte ausfüllen."))
        driver.type("jörg w")
        driver.press(.enter)
        driver.type("Jörg Wäller")
        driver.press(.enter)
        driver.type("joerg.example.com")
        driver.press(.enter)
        #expect(driver.screen.contains("Bitte 1 bis 64 Zeichen ohne Leerzeichen."))
        #expect(driver.screen.contains("So sieht keine E-Mail-Adresse aus."))
        #expect(driver.accountCalls.isEmpty)
        driver.press(.backspace, .backspace)
        driver.press(.tab, .tab)
        driver.press(.control("u"))
        driver.type("joerg@example.com")
        driver.press(.enter)
        let request = NewUserRequest(
            username: "jörg", name: "Jörg Wäller", email: "joerg@example.com")
        #expect(driver.accountCalls == [.createUser(request)])
        let created = AccountFixture.user(12, "jörg", "Jörg Wäller")
        driver.answerAccount(
            { _ in true },
            with: .success(.userCreated(UserCreated(user: created, passwordMail: .spooled))))
        #expect(driver.screen.contains("Jörg Wäller ist angelegt (Benutzer jörg)."))
        #expect(driver.screen.contains("im Postausgang des Servers"))
        #expect(selected(driver)?.username == "jörg")
    }

    @Test func aTakenUserNameIsSaidAtTheField() {
        let driver = usersTab()
        driver.press(.character("n"))
        driver.type("nord")
        driver.press(.enter)
        driver.type("Nora Zwei")
        driver.press(.enter)
        driver.type("n2@example.com")
        driver.press(.enter)
        driver.answerAccount(
            { _ in true }, with: .failure(.conflict(.conflict, "the user name nord is taken")))
        #expect(driver.screen.contains("Diesen Benutzernamen gibt es schon."))
        #expect(driver.screen.contains("Neuer Benutzer"))
    }

    @Test func lockingAndDeletingAskFirst() {
        let driver = usersTab()
        driver.press(.character("d"))
        #expect(driver.screen.contains("Nora Nord sperren?"))
        driver.press(.character("n"))
        #expect(driver.accountCalls.isEmpty)
        driver.press(.character("d"), .character("j"))
        #expect(driver.accountCalls == [.setActive(UserID(4), false)])
        var locked = AccountFixture.users[2]
        locked.isActive = false
        driver.answerAccount({ _ in true }, with: .success(.user(locked)))
        #expect(driver.screen.contains("Nora Nord ist gesperrt; offene Sitzungen sind beendet."))
        driver.press(.character("d"))
        #expect(driver.accountCalls == [.setActive(UserID(4), true)], "unlocking asks nothing")
        driver.answerAccount({ _ in true }, with: .success(.user(AccountFixture.users[2])))
        driver.press(.character("x"))
        #expect(driver.screen.contains("Nora Nord löschen?"))
        driver.press(.character("j"))
        #expect(driver.accountCalls == [.deleteUser(UserID(4))])
        driver.answerAccount({ _ in true }, with: .success(.done))
        #expect(driver.screen.contains("Nora Nord ist gelöscht."))
        #expect(!driver.screen.contains("nord@example.com"))
    }

    @Test func anAdminCannotLockOrDemoteThemselves() {
        let driver = DeskDriver()
        var me = AccountFixture.session(.admin, id: 4, name: "Nora")
        me.user.isOwner = false
        driver.logIn(as: me)
        driver.showTab("Benutzer")
        driver.answerAccount({ _ in true }, with: .success(.users(AccountFixture.users)))
        driver.press(.down, .down, .character("x"))
        #expect(driver.screen.contains("Das eigene Konto kann man hier nicht herabstufen"))
        #expect(driver.accountCalls.isEmpty)
    }

    @Test func offlineTheKeysSayThatChangesWaitForTheNetwork() {
        let driver = usersTab()
        driver.press(.function(5))
        driver.answerAccount({ _ in true }, with: .failure(.offline("refused")))
        driver.press(.character("a"))
        #expect(driver.screen.contains("Ohne Verbindung zum Server lassen sich Benutzer"))
        #expect(driver.accountCalls.isEmpty)
    }

    @Test func aChangeThatFindsNoServerSaysItIsNotSaved() {
        let driver = usersTab()
        driver.press(.character("a"))
        driver.answerAccount({ _ in true }, with: .failure(.timedOut("slow")))
        #expect(driver.screen.contains("die Änderung ist nicht gespeichert"))
    }

    @Test func aRefusalOfTheServerIsASentence() {
        let driver = usersTab()
        driver.press(.character("a"))
        driver.answerAccount({ _ in true }, with: .failure(.forbidden("admins only")))
        #expect(driver.screen.contains("Das ist für diesen Benutzer nicht erlaubt."))
        #expect(!driver.screen.contains("forbidden"))
    }

    @Test func aSearchTakesTheLettersOfCommandsToo() {
        let driver = usersTab()
        driver.press(.home, .character("/"))
        driver.type("lars")
        driver.press(.enter)
        #expect(selected(driver)?.username == "lars")
        #expect(driver.accountCalls.isEmpty)
        #expect(!driver.screen.contains("Neuer Benutzer"))
    }

    @Test func theEmacsKeymapUsesAltSoLettersSearch() {
        let emacs = ConfigFiles(userFolder: nil, shippedFolders: []).keymap(named: "emacs").value
        let driver = DeskDriver(keymap: emacs)
        driver.logIn(as: AccountFixture.admin)
        driver.showTab("Benutzer")
        driver.answerAccount({ $0 == .users }, with: .success(.users(AccountFixture.users)))
        driver.type("lars")
        #expect(selected(driver)?.username == "lars")
        #expect(driver.accountCalls.isEmpty)
        driver.press(.alt("a"))
        #expect(driver.accountCalls == [.setAdmin(UserID(9), true)])
    }

    @Test func aSearchGoesOnWhenTheListArrivesMeanwhile() {
        let driver = DeskDriver()
        driver.logIn(as: AccountFixture.admin)
        driver.showTab("Benutzer")
        driver.press(.character("/"))
        driver.type("la")
        driver.answerAccount({ _ in true }, with: .success(.users(AccountFixture.users)))
        driver.type("rs")
        driver.press(.enter)
        #expect(selected(driver)?.username == "lars")
        #expect(driver.accountCalls.isEmpty)
        #expect(!driver.screen.contains("sperren?"))
    }

    @Test func staffDoNotSeeTheUsersTab() {
        let driver = DeskDriver()
        driver.logIn()
        driver.answerMonth()
        let tabs = driver.screen.split(separator: "\n").first ?? ""
        #expect(tabs.contains("Guides & Touren"))
        #expect(!tabs.contains("Benutzer"))
        #expect(driver.desk.visibleTabs == [.calendar, .wizard, .orders, .guides, .sync])
    }

    @Test func speaksEnglish() {
        let driver = usersTab(language: .english)
        #expect(driver.screen.contains("Users of Radhaus am See (5)"))
        // The role column is 9 cells wide at 80 columns: the roles must fit uncut.
        let lines = driver.screen.split(separator: "\n")
        #expect(lines.contains { $0.contains("Nora Nord") && $0.contains(" counter ") })
        #expect(lines.contains { $0.contains("Greta Gerber") && $0.contains(" guide ") })
        #expect(!lines.contains { $0.contains("gui…") || $0.contains("counter …") })
        driver.press(.home, .character("a"))
        #expect(driver.screen.contains("Anna Admin owns the account and is always an admin."))
    }

    @Test func theHelpListsTheUsersKeys() {
        let driver = usersTab()
        driver.press(.character("?"))
        #expect(driver.screen.contains("Admin-Recht geben oder nehmen"))
        #expect(driver.screen.contains("Benutzer sperren oder entsperren"))
    }
}
