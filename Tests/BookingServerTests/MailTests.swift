import BookingAPI
import BookingCore
import BookingServer
import Curl
import Foundation
import TestSupport
import Testing

/// Mail: SMTP through libcurl when configured, otherwise the spool folder; passwords only
/// ever in the mail itself.
@Suite struct MailTests {
    @Test func spooledMailsAreReadableFilesOnlyTheServersUserMayOpen() throws {
        let server = try TestServer(logLevel: .debug)
        defer {
            server.stop()
            try? FileManager.default.removeItem(atPath: server.folder + "-server.log")
        }
        let admin = try server.client(loggedInAs: DemoData.admin)
        _ = try admin.send(
            "POST", APIPath.users,
            json: NewUserRequest(username: "jörg", name: "Jörg Groß", email: "joerg@example.com"))
        let password = try server.mailedPassword(to: "joerg@example.com")
        let mail = try #require(try server.mails(to: "joerg@example.com").first)
        #expect(mail.contains("Subject: BookingDesk: Zugangsdaten / login details"))
        #expect(mail.contains("To: Jörg Groß <joerg@example.com>"))
        #expect(mail.contains("Benutzer / user:     jörg"))
        #expect(mail.contains("Konto / account:     demo"))

        let files = FileManager.default
        let spool = server.running.mailSpool
        let name = try #require(try files.contentsOfDirectory(atPath: spool).first)
        let fileMode = try files.attributesOfItem(atPath: spool + "/" + name)[.posixPermissions]
        let folderMode = try files.attributesOfItem(atPath: spool)[.posixPermissions]
        #expect((fileMode as? NSNumber)?.intValue == 0o600)
        #expect((folderMode as? NSNumber)?.intValue == 0o700)

        // Never in a log.
        let log = try String(contentsOfFile: server.folder + "-server.log", encoding: .utf8)
        #expect(log.contains("mail spooled"))
        #expect(!log.contains(password))
        #expect(try !server.accessLogLines().joined().contains(password))
    }

    @Test func withSMTPConfiguredTheMailGoesToTheServerAndNotToTheSpool() throws {
        let sink = try PythonSMTPSink()
        defer { sink.stop() }
        let server = try TestServer {
            $0.mail = try? MailSettings(
                values: [
                    "smtp-url": sink.url, "smtp-plain": "yes", "from": "Desk <desk@example.com>",
                ],
                environment: [:])
        }
        defer { server.stop() }
        let admin = try server.client(loggedInAs: DemoData.admin)
        let created = try admin.send(
            "POST", APIPath.users,
            json: NewUserRequest(username: "smtp", name: "Sam", email: "sam@example.com"))
        #expect(try created.decode(UserCreated.self).passwordMail == .sent)
        let delivered = try #require(sink.messages().first)
        #expect(delivered.contains("To: \"Sam\" <sam@example.com>"))
        #expect(delivered.contains("From: \"Desk\" <desk@example.com>"))
        let body = try #require(PythonSMTPSink.decodedBody(delivered))
        let line = try #require(body.split(separator: "\r\n").first { $0.hasPrefix("Passwort") })
        let password = String(line.split(separator: " ").last ?? "")
        #expect(password.count >= 16)
        #expect(
            try server.client(
                loggedInAs: DemoLogin(account: "demo", username: "smtp", password: password)
            ).token != nil)
        #expect(try server.mails(to: "sam@example.com").isEmpty)
    }

    @Test func anUnreachableSMTPServerFailsTheMailButNotTheUser() throws {
        let server = try TestServer {
            $0.mail = try? MailSettings(
                values: ["smtp-url": "smtp://127.0.0.1:1", "smtp-plain": "yes"], environment: [:])
        }
        defer { server.stop() }
        let admin = try server.client(loggedInAs: DemoData.admin)
        let created = try admin.send(
            "POST", APIPath.users,
            json: NewUserRequest(username: "offline", name: "O", email: "o@example.com"))
        #expect(created.status == 201)
        let answer = try created.decode(UserCreated.self)
        #expect(answer.passwordMail == .failed)
        let again = try admin.send("POST", APIPath.userPassword(answer.user.id))
        #expect(try again.decode(PasswordMailed.self).passwordMail == .failed)
    }

    @Test func mailSettingsRequireTLSExceptOnThisMachine() throws {
        let plain = ["smtp-url": "smtp://mail.example.com:25", "smtp-plain": "yes"]
        #expect(throws: MailSettingsError.self) {
            try MailSettings(values: plain, environment: [:])
        }
        for url in ["smtp://127.0.0.1:25", "smtp://localhost:25", "smtp://[::1]:25"] {
            let local = try MailSettings(
                values: ["smtp-url": url, "smtp-plain": "yes"], environment: [:])
            #expect(local.smtp?.useTLS == false)
        }
        let tls = try MailSettings(
            values: ["smtp-url": "smtps://mail.example.com:465", "smtp-user": "desk"],
            environment: ["BOOKING_SMTP_PASSWORD": "geheim"])
        #expect(tls.smtp?.useTLS == true && tls.smtp?.password == "geheim")
        let refused: [[String: String]] = [
            ["smtp-url": "http://mail.example.com"],
            ["smtp-url": "smtps://mail.example.com", "from": "nobody"],
            ["smtp-server": "mail.example.com"],
            ["smtp-url": "smtps://mail.example.com", "smtp-password-file": "/nonexistent/pw"],
        ]
        for values in refused {
            #expect(throws: MailSettingsError.self, "\(values)") {
                try MailSettings(values: values, environment: [:])
            }
        }
    }

    @Test func theMailConfigurationFileOfTheDataFolderIsRead() throws {
        let folder = TestServer.makeFolder()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try MailSettings.load(dataFolder: folder).smtp == nil)
        try "geheim\n".write(toFile: folder + "/pw", atomically: true, encoding: .utf8)
        let text = """
            # Mail for the Radhaus
            smtp-url = smtps://mail.example.com:465
            smtp-user = desk@example.com
            smtp-password-file = \(folder)/pw
            from = Radhaus am See <desk@example.com>
            """
        try text.write(toFile: folder + "/mail.conf", atomically: true, encoding: .utf8)
        let settings = try MailSettings.load(dataFolder: folder)
        #expect(settings.smtp?.url == "smtps://mail.example.com:465")
        #expect(settings.smtp?.username == "desk@example.com")
        #expect(settings.smtp?.password == "geheim")
        #expect(settings.from == "Radhaus am See <desk@example.com>")
        try "smtp-url mail.example.com\n".write(
            toFile: folder + "/mail.conf", atomically: true, encoding: .utf8)
        #expect(throws: MailSettingsError.self) { try MailSettings.load(dataFolder: folder) }
    }
}

/// An SMTP server on 127.0.0.1 (Python's `smtpd`) that keeps each message it receives as
/// a file.
///
/// Started with `posix_spawnp` and ended with SIGKILL and `waitpid`: Foundation's
/// `Process.waitUntilExit` was seen to hang here after the sink was terminated.
final class PythonSMTPSink {
    private(set) var url = ""
    private var pid: pid_t = 0
    private let folder: String

    init() throws {
        folder = TestServer.makeFolder()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let script = """
            import asyncore, os, smtpd, sys, warnings
            warnings.simplefilter("ignore")
            folder = sys.argv[1]
            class Sink(smtpd.SMTPServer):
                def process_message(self, peer, sender, recipients, data, **options):
                    name = os.path.join(folder, "%04d.eml" % len(os.listdir(folder)))
                    with open(name, "wb") as file:
                        file.write(data)
            sink = Sink(("127.0.0.1", 0), None, decode_data=False)
            with open(sys.argv[2] + ".tmp", "w") as file:
                file.write(str(sink.socket.getsockname()[1]))
            os.rename(sys.argv[2] + ".tmp", sys.argv[2])
            asyncore.loop()
            """
        let portFile = folder + "-port"
        pid = try Self.spawn(["python3", "-W", "ignore", "-c", script, folder, portFile])
        for _ in 0..<200 {
            if let port = try? String(contentsOfFile: portFile, encoding: .utf8) {
                try? FileManager.default.removeItem(atPath: portFile)
                url = "smtp://127.0.0.1:" + port
                return
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        throw TestFailure("the SMTP sink did not start")
    }

    func messages() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map {
            try String(contentsOfFile: folder + "/" + $0, encoding: .utf8)
        }
    }

    func stop() {
        guard pid > 0 else { return }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        pid = 0
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Starts `arguments` (looked up in PATH) with standard output and error discarded.
    private static func spawn(_ arguments: [String]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        let rc = posix_spawnp(&pid, arguments[0], &actions, nil, &argv, environ)
        guard rc == 0 else { throw TestFailure("cannot start \(arguments[0]): \(rc)") }
        return pid
    }

    /// The body of a message as sent: base64 (non-ASCII text) decoded.
    static func decodedBody(_ message: String) -> String? {
        let normalized = message.replacingOccurrences(of: "\r\n", with: "\n")
        guard let split = normalized.range(of: "\n\n") else { return nil }
        let body = String(normalized[split.upperBound...])
        guard normalized[..<split.lowerBound].contains("base64") else { return body }
        let joined = body.split(separator: "\n").joined()
        return Data(base64Encoded: joined).map { String(decoding: $0, as: UTF8.self) }
    }
}
