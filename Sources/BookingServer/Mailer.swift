import BookingAPI
import Curl
import Foundation
import Logging
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Sends the server's mail as `MailSettings` say: SMTP, or one file per mail (mode 0600)
/// in the spool folder. Passwords travel only in the mail itself; nothing about a mail but
/// its outcome is logged.
final class Mailer: Sendable {
    let settings: MailSettings
    /// The spool folder (used when no SMTP server is configured).
    let spool: String
    private let sender: MailAddress
    private let logger: Logger
    /// Numbers the spooled mails of this process, so that their names sort in order.
    private let sequence = Atomic<Int>(0)

    init(settings: MailSettings, dataFolder: String, logger: Logger) throws(MailSettingsError) {
        try settings.validate()
        self.settings = settings
        self.spool = settings.spoolFolder ?? dataFolder + "/mail"
        self.sender = MailSettings.address(settings.from)!
        self.logger = logger
    }

    /// Delivers `subject` and `body` to `to`; never throws: the answer says what happened.
    func send(to address: String, name: String, subject: String, body: String, now: Date = Date())
        -> MailDelivery
    {
        let message = MailMessage(
            from: sender, to: MailAddress(address, name: name.isEmpty ? nil : name),
            subject: subject, body: body)
        guard let smtp = settings.smtp else { return spoolMail(message, now: now) }
        do {
            try SMTPSender(configuration: smtp).send(message, date: now)
            logger.info("mail sent")
            return .sent
        } catch {
            logger.warning("mail not sent", ["reason": "\(error.kind)"])
            return .failed
        }
    }

    /// Writes the message, readable by a person, as a new file of the spool folder.
    private func spoolMail(_ message: MailMessage, now: Date) -> MailDelivery {
        do {
            try FileManager.default.createDirectory(
                atPath: spool, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
            let path = spool + "/" + fileName(now)
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw MailSettingsError("cannot create \(path)") }
            defer { close(fd) }
            let bytes = Array(Self.readable(message, date: now).utf8)
            guard write(fd, bytes, bytes.count) == bytes.count else {
                throw MailSettingsError("cannot write \(path)")
            }
            logger.info("mail spooled", ["folder": spool])
            return .spooled
        } catch {
            logger.warning("mail not spooled", ["folder": spool])
            return .failed
        }
    }

    /// `20260305T080000.123Z-000001-1a2b3c4d.eml`: sorted by time and, within this
    /// process, by sending; never two alike.
    private func fileName(_ now: Date) -> String {
        let number = sequence.wrappingAdd(1, ordering: .relaxed).newValue
        let counted = String(String(number % 1_000_000 + 1_000_000).dropFirst())
        let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        return BackupSchedule.stamp(now, milliseconds: true) + "-" + counted + "-" + suffix
            + ".eml"
    }

    /// Headers and body as UTF-8 text, so that the file reads like the mail it is.
    static func readable(_ message: MailMessage, date: Date) -> String {
        let to = message.to.map(mailbox).joined(separator: ", ")
        return [
            "From: " + mailbox(message.from), "To: " + to, "Subject: " + message.subject,
            "Date: " + date.formatted(.iso8601), "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: 8bit", "",
            message.body,
        ].joined(separator: "\n")
    }

    private static func mailbox(_ address: MailAddress) -> String {
        address.name.map { "\($0) <\(address.address)>" } ?? address.address
    }
}

/// The mail that carries a generated password.
enum PasswordMail {
    enum Occasion {
        case newLogin
        case newPassword
    }

    static let subject = "BookingDesk: Zugangsdaten / login details"

    /// German first, English second; the password on a line of its own.
    static func body(
        name: String, account: String, username: String, password: String, occasion: Occasion
    ) -> String {
        let (german, english) =
            occasion == .newLogin
            ? ("für Sie wurde ein Zugang angelegt.", "a login was created for you.")
            : ("für Sie wurde ein neues Passwort erzeugt.", "a new password was made for you.")
        return """
            Guten Tag \(name),

            \(german)

            Konto / account:     \(account)
            Benutzer / user:     \(username)
            Passwort / password: \(password)

            Bitte bewahren Sie das Passwort sicher auf und löschen Sie diese Mail.

            Hello \(name), \(english) Please keep the password safe and delete this mail.
            """
    }
}
