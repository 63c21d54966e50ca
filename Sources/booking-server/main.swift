// booking-server: the booking API on libmicrohttpd over an SQLite data folder, and the
// operator's commands on that folder. Run without arguments for the usage.

import BookingAPI
import BookingServer
import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

let usage = """
    usage: booking-server COMMAND --data DIR [options]

      serve             answer the booking API until SIGINT or SIGTERM
          --listen HOST:PORT     default 127.0.0.1:8080
          --demo                 load the demo data first if the data folder is empty
          --log-level LEVEL      error, warning, info (default) or debug
          --log-file PATH        the server's log (default: standard error)
          --access-log PATH|off  default DIR/logs/access.log
          --backup-hours N       back up every N hours into DIR/backups (default 3, 0: never)
          --backups-kept N       keep the newest N backups (default 8)
          mail options (below)
      load-demo         load the demo accounts, catalogue, users and tours into an empty folder
      create-account    --slug S --name N --owner-username U --owner-email E
                        [--owner-name N] [--time-zone Z] [--customer-passwords] + mail options
                        a new account and its owner; the password is generated and mailed
      create-superuser  --username U --email E [--name N] + mail options
                        the vendor's support log-in; the password is generated and mailed
      backup            [--out FILE]  a backup now (default DIR/backups/booking-TIME.sqlite)
      restore           --from FILE   replace the store with a backup (stop the server first)
      anonymise         --account S --out FILE  an anonymised copy of one account
      export-person     --account S (--customer-email E | --username U) [--out FILE]
                        everything stored about a person, as JSON

    mail options (override DIR/mail.conf; without SMTP, mail goes to DIR/mail, one file each):
          --smtp-url URL  --smtp-user U  --smtp-password-file F  --smtp-ca-file F
          --smtp-plain (loopback only)  --mail-from "Name <address>"
          the SMTP password may also come from the environment: BOOKING_SMTP_PASSWORD
    """

/// The command line: the command, `--name value` options and bare flags.
struct Arguments {
    static let flags: Set = ["--demo", "--customer-passwords", "--smtp-plain"]
    static let commands = [
        "serve", "load-demo", "create-account", "create-superuser", "backup", "restore",
        "anonymise", "export-person",
    ]

    var command: String
    var values: [String: String] = [:]

    init(_ arguments: [String]) {
        var rest = arguments[...]
        guard let command = rest.popFirst(), Self.commands.contains(command) else {
            fail("name a command\n" + usage)
        }
        self.command = command
        while let flag = rest.popFirst() {
            guard flag.hasPrefix("--") else { fail("unexpected \(flag)\n" + usage) }
            if Self.flags.contains(flag) {
                values[flag] = "yes"
                continue
            }
            guard let value = rest.popFirst() else { fail("\(flag) needs a value\n" + usage) }
            values[flag] = value
        }
    }

    func value(_ name: String) -> String? { values["--" + name] }

    func required(_ name: String) -> String {
        guard let value = value(name) else { fail("--\(name) is required\n" + usage) }
        return value
    }

    /// Refuses options the command does not know.
    func check(_ allowed: [String]) {
        let known = Set((allowed + ["data"]).map { "--" + $0 })
        if let unknown = values.keys.sorted().first(where: { !known.contains($0) }) {
            fail("\(command) does not take \(unknown)\n" + usage)
        }
    }
}

let mailOptions = [
    "smtp-url", "smtp-user", "smtp-password-file", "smtp-ca-file", "smtp-plain", "mail-from",
]

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("booking-server: " + message + "\n").utf8))
    exit(2)
}

func say(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// `DIR/mail.conf` with the mail options of the command line on top.
func mailSettings(_ arguments: Arguments, data: String) -> MailSettings {
    var values: [String: String] = [:]
    for option in mailOptions {
        guard let value = arguments.value(option) else { continue }
        values[option == "mail-from" ? "from" : option] = value
    }
    do {
        guard !values.isEmpty else { return try MailSettings.load(dataFolder: data) }
        return try MailSettings(values: values, environment: ProcessInfo.processInfo.environment)
    } catch {
        fail("\(error)")
    }
}

func deliveryNote(_ delivery: MailDelivery, to address: String, data: String) -> String {
    switch delivery {
    case .sent: return "the password was mailed to \(address)"
    case .spooled: return "the password mail to \(address) is in \(data)/mail (no SMTP configured)"
    case .failed: return "the password mail to \(address) could NOT be sent; see the log"
    }
}

func listenAddress(_ text: String) -> (String, UInt16) {
    guard let colon = text.lastIndex(of: ":"), let port = UInt16(text[text.index(after: colon)...])
    else { fail("--listen wants HOST:PORT, e.g. 127.0.0.1:8080") }
    var host = String(text[..<colon])
    if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
    return (host.isEmpty ? "127.0.0.1" : host, port)
}

func makeLogger(_ arguments: Arguments) -> Logger {
    var level = LogLevel.info
    if let name = arguments.value("log-level") {
        guard let parsed = LogLevel(name: name) else { fail("unknown log level \(name)") }
        level = parsed
    }
    guard let path = arguments.value("log-file") else {
        return Logger(label: "server", level: level)
    }
    do {
        return try Logger(label: "server", level: level, path: path)
    } catch {
        fail("\(error)")
    }
}

/// Blocks SIGINT and SIGTERM in every thread (libmicrohttpd's threads inherit the mask),
/// then waits for one of them on the main thread.
func waitForTerminationSignal() {
    var signals = sigset_t()
    sigemptyset(&signals)
    sigaddset(&signals, SIGINT)
    sigaddset(&signals, SIGTERM)
    var received: Int32 = 0
    sigwait(&signals, &received)
}

func blockTerminationSignals() {
    var signals = sigset_t()
    sigemptyset(&signals)
    sigaddset(&signals, SIGINT)
    sigaddset(&signals, SIGTERM)
    pthread_sigmask(SIG_BLOCK, &signals, nil)
}

func serve(_ arguments: Arguments, data: String) throws {
    arguments.check(
        ["listen", "demo", "log-level", "log-file", "access-log", "backup-hours", "backups-kept"]
            + mailOptions)
    let logger = makeLogger(arguments)
    let (host, port) = arguments.value("listen").map(listenAddress) ?? ("127.0.0.1", 8080)
    var configuration = BookingServer.Configuration(
        dataFolder: data, host: host, port: port, logger: logger,
        loadDemoData: arguments.value("demo") != nil, mail: mailSettings(arguments, data: data))
    switch arguments.value("access-log") {
    case nil: break
    case "off": configuration.accessLog = .off
    case let path?: configuration.accessLog = .file(path)
    }
    if let hours = arguments.value("backup-hours") {
        guard let value = Double(hours), value >= 0 else { fail("--backup-hours wants a number") }
        configuration.backupInterval = value > 0 ? value * 3600 : nil
    }
    if let kept = arguments.value("backups-kept") {
        guard let value = Int(kept), value > 0 else { fail("--backups-kept wants a number") }
        configuration.backupsKept = value
    }
    blockTerminationSignals()
    let server = try BookingServer.start(configuration)
    waitForTerminationSignal()
    logger.info("stopping")
    server.stop()
}

func createAccount(_ arguments: Arguments, data: String) throws {
    arguments.check(
        [
            "slug", "name", "owner-username", "owner-email", "owner-name", "time-zone",
            "customer-passwords",
        ] + mailOptions)
    let request = Administration.NewAccountRequest(
        slug: arguments.required("slug"), name: arguments.required("name"),
        ownerUsername: arguments.required("owner-username"),
        ownerEmail: arguments.required("owner-email"), ownerName: arguments.value("owner-name"),
        timeZone: arguments.value("time-zone") ?? "Europe/Berlin",
        customerPasswords: arguments.value("customer-passwords") != nil)
    let (account, delivery) = try Administration.createAccount(
        request, dataFolder: data, mail: mailSettings(arguments, data: data))
    say("account \(account.slug) created with its owner \(request.ownerUsername);")
    say(deliveryNote(delivery, to: request.ownerEmail, data: data))
}

func createSuperuser(_ arguments: Arguments, data: String) throws {
    arguments.check(["username", "email", "name"] + mailOptions)
    let email = arguments.required("email")
    let delivery = try Administration.createSuperuser(
        username: arguments.required("username"), email: email, name: arguments.value("name"),
        dataFolder: data, mail: mailSettings(arguments, data: data))
    say("superuser created; " + deliveryNote(delivery, to: email, data: data))
}

func writeOut(_ bytes: Data, to path: String?) throws {
    guard let path else {
        FileHandle.standardOutput.write(bytes)
        return
    }
    guard
        FileManager.default.createFile(
            atPath: path, contents: bytes, attributes: [.posixPermissions: 0o600])
    else { throw AdministrationFailure("cannot write \(path)") }
}

struct AdministrationFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

let arguments = Arguments(Array(CommandLine.arguments.dropFirst()))
let data = arguments.required("data")

do {
    switch arguments.command {
    case "serve":
        try serve(arguments, data: data)
    case "load-demo":
        arguments.check([])
        let loaded = try DemoData.load(intoDataFolder: data)
        say(loaded ? "demo data loaded" : "data folder not empty; nothing loaded")
    case "create-account":
        try createAccount(arguments, data: data)
    case "create-superuser":
        try createSuperuser(arguments, data: data)
    case "backup":
        arguments.check(["out"])
        say(
            "backup written: "
                + (try Administration.backup(dataFolder: data, to: arguments.value("out"))))
    case "restore":
        arguments.check(["from"])
        let kept = try Administration.restore(dataFolder: data, from: arguments.required("from"))
        say("restored; the replaced database is kept as \(kept)")
    case "anonymise":
        arguments.check(["account", "out"])
        try Administration.anonymise(
            dataFolder: data, account: arguments.required("account"),
            to: arguments.required("out"))
        say("anonymised copy written: " + arguments.required("out"))
    default:
        arguments.check(["account", "customer-email", "username", "out"])
        let export = try Administration.exportPerson(
            dataFolder: data, account: arguments.required("account"),
            customerEmail: arguments.value("customer-email"),
            username: arguments.value("username"))
        try writeOut(export, to: arguments.value("out"))
    }
} catch {
    FileHandle.standardError.write(Data("booking-server: \(error)\n".utf8))
    exit(1)
}
