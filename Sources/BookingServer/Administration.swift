import BookingAPI
import BookingCore
import BookingStore
import Foundation
import Logging
import Secrets

/// What the operator does with `booking-server` commands on a data folder: create
/// accounts and superusers (their passwords generated and mailed), back up, restore,
/// make an anonymised copy, export what is stored about a person.
public enum Administration {
    /// A new account and its owner.
    public struct NewAccountRequest: Sendable {
        public var slug: String
        public var name: String
        public var ownerUsername: String
        public var ownerEmail: String
        public var ownerName: String
        public var timeZone: String
        public var customerPasswords: Bool

        public init(
            slug: String, name: String, ownerUsername: String, ownerEmail: String,
            ownerName: String? = nil, timeZone: String = "Europe/Berlin",
            customerPasswords: Bool = false
        ) {
            self.slug = slug
            self.name = name
            self.ownerUsername = ownerUsername
            self.ownerEmail = ownerEmail
            self.ownerName = ownerName ?? ownerUsername
            self.timeZone = timeZone
            self.customerPasswords = customerPasswords
        }
    }

    /// Creates an account and its owner (an admin who can never be deleted, deactivated or
    /// lose the flag) and mails the owner's generated password.
    public static func createAccount(
        _ request: NewAccountRequest, dataFolder: String, mail: MailSettings? = nil,
        passwordStrength: PasswordHasher.Strength = .interactive, logger: Logger = .silent
    ) throws -> (AccountInfo, MailDelivery) {
        try check(request)
        let (store, mailer) = try open(dataFolder, mail: mail, logger: logger)
        defer { store.close() }
        let password = Secrets.generatePassword()
        let hash = try PasswordHasher(strength: passwordStrength).hash(password)
        let account = try store.createAccount(
            NewAccount(
                slug: request.slug, name: request.name, timeZone: request.timeZone,
                customerPasswords: request.customerPasswords))
        _ = try store.createUser(
            NewUser(
                username: request.ownerUsername, name: request.ownerName,
                email: request.ownerEmail, role: .admin, isOwner: true, passwordHash: hash),
            scope: .account(account.id))
        let delivery = mailer.send(
            to: request.ownerEmail, name: request.ownerName, subject: PasswordMail.subject,
            body: PasswordMail.body(
                name: request.ownerName, account: request.slug, username: request.ownerUsername,
                password: password, occasion: .newLogin))
        return (account, delivery)
    }

    /// Creates a superuser (the vendor's support log-in) and mails the generated password.
    public static func createSuperuser(
        username: String, email: String, name: String? = nil, dataFolder: String,
        mail: MailSettings? = nil, passwordStrength: PasswordHasher.Strength = .interactive,
        logger: Logger = .silent
    ) throws -> MailDelivery {
        _ = try plain(Validation.username(username))
        _ = try plain(Validation.email(email, field: "email"))
        let (store, mailer) = try open(dataFolder, mail: mail, logger: logger)
        defer { store.close() }
        let password = Secrets.generatePassword()
        let user = try store.createSuperuser(
            username: username, name: name ?? username, email: email,
            passwordHash: try PasswordHasher(strength: passwordStrength).hash(password),
            now: Date())
        return mailer.send(
            to: email, name: user.name, subject: PasswordMail.subject,
            body: PasswordMail.body(
                name: user.name, account: LoginRequest.supportAccount + " (X-Account: …)",
                username: username, password: password, occasion: .newLogin))
    }

    /// Writes a backup now into `path`, or into `DATA/backups`; returns its path.
    public static func backup(dataFolder: String, to path: String? = nil) throws -> String {
        let store = try BookingStore(folder: dataFolder)
        defer { store.close() }
        let folder = dataFolder + "/backups"
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        let target = path ?? folder + "/" + BackupSchedule.fileName(Date())
        try store.backup(to: target)
        return target
    }

    /// Replaces the store with a backup (the server must be stopped), then opens it once so
    /// that newer migrations apply; returns where the replaced database was kept.
    public static func restore(dataFolder: String, from backup: String) throws -> String {
        let kept = try BookingStore.restore(backup: backup, into: dataFolder)
        try BookingStore(folder: dataFolder).close()
        return kept
    }

    /// Writes an anonymised copy of one account to `path` (a new file).
    public static func anonymise(dataFolder: String, account: String, to path: String) throws {
        let store = try BookingStore(folder: dataFolder)
        defer { store.close() }
        try store.writeAnonymisedCopy(account: account, to: path)
    }

    /// Everything stored about the customer with `email` or the user `username` of the
    /// account, as the JSON of `PersonExport`.
    public static func exportPerson(
        dataFolder: String, account slug: String, customerEmail: String? = nil,
        username: String? = nil
    ) throws -> Data {
        let store = try BookingStore(folder: dataFolder)
        defer { store.close() }
        guard let account = try store.account(slug: slug) else {
            throw AdministrationError("no account \(slug)")
        }
        let scope = Scope.account(account.id)
        let export: PersonExport
        if let email = customerEmail {
            let found = try store.customers(CustomerQuery(text: email, limit: 200), scope: scope)
            guard let customer = found.customers.first(where: { $0.email == email.lowercased() })
            else { throw AdministrationError("no customer \(email) in \(slug)") }
            export = try store.exportCustomer(customer.id, scope: scope, now: Date())
        } else if let username {
            guard let user = try store.users(scope: scope).first(where: { $0.username == username })
            else { throw AdministrationError("no user \(username) in \(slug)") }
            export = try store.exportUser(user.id, scope: scope, now: Date())
        } else {
            throw AdministrationError("name a customer's e-mail or a user name")
        }
        let encoder = APIJSON.encoder()
        encoder.outputFormatting.insert(.prettyPrinted)
        return try encoder.encode(export)
    }

    // MARK: - Checks

    private static func check(_ request: NewAccountRequest) throws {
        let slug = request.slug
        let allowed = slug.unicodeScalars.allSatisfy {
            ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-"
        }
        guard (2...40).contains(slug.count), allowed, slug.first?.isLetter == true else {
            throw AdministrationError(
                "the account name must be 2 to 40 lower-case letters, digits or hyphens,"
                    + " starting with a letter")
        }
        _ = try plain(Validation.text(request.name, field: "name", required: true))
        _ = try plain(Validation.username(request.ownerUsername, field: "owner user name"))
        _ = try plain(Validation.email(request.ownerEmail, field: "owner e-mail"))
        _ = try plain(Validation.text(request.ownerName, field: "owner name", required: true))
        guard AccountCalendar(identifier: request.timeZone) != nil else {
            throw AdministrationError("unknown time zone \(request.timeZone)")
        }
    }

    /// Turns an API refusal into a sentence for the command line.
    private static func plain<T>(_ value: @autoclosure () throws -> T) throws -> T {
        do {
            return try value()
        } catch let failure as APIFailure {
            throw AdministrationError(failure.envelope.error.message)
        }
    }

    private static func open(_ folder: String, mail: MailSettings?, logger: Logger) throws
        -> (BookingStore, Mailer)
    {
        try Secrets.initialize()
        let settings = try mail ?? MailSettings.load(dataFolder: folder)
        let mailer = try Mailer(settings: settings, dataFolder: folder, logger: logger)
        return (try BookingStore(folder: folder, logger: logger), mailer)
    }
}

/// A command that cannot be carried out, with the reason in one sentence.
public struct AdministrationError: Error, CustomStringConvertible, Sendable {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
