import Curl
import Foundation

/// Where the server's mail goes: to an SMTP server through libcurl (TLS required) when one
/// is configured, otherwise into a spool folder with one file per mail that a person reads.
///
/// `DATA/mail.conf` configures it for every command that sends mail, one `key = value` per
/// line (`#` starts a comment):
///
///     smtp-url = smtps://mail.example.com:465      # or smtp://host:587 (STARTTLS)
///     smtp-user = booking@example.com
///     smtp-password-file = /etc/booking-desk/smtp-password
///     smtp-ca-file = /etc/ssl/private-ca.pem       # only for a private CA
///     from = Radhaus am See <booking@example.com>
///
/// The password may also come from the environment variable `BOOKING_SMTP_PASSWORD`; it is
/// never taken from the command line. `smtp-plain = yes` sends without TLS, and is accepted
/// only for an SMTP server on the same machine (127.0.0.1, ::1 or localhost).
public struct MailSettings: Sendable {
    /// The SMTP server; nil writes mail to the spool folder.
    public var smtp: SMTPSender.Configuration?
    /// The sender, `Name <address>` or a bare address.
    public var from: String
    /// Where mail goes without SMTP; nil for `DATA/mail`.
    public var spoolFolder: String?

    public init(
        smtp: SMTPSender.Configuration? = nil,
        from: String = "BookingDesk <booking-desk@localhost>",
        spoolFolder: String? = nil
    ) {
        self.smtp = smtp
        self.from = from
        self.spoolFolder = spoolFolder
    }

    /// The configuration file's name in the data folder.
    public static let fileName = "mail.conf"

    /// The settings of `DATA/mail.conf`, or the spool when the file does not exist.
    public static func load(
        dataFolder: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(MailSettingsError) -> MailSettings {
        let path = dataFolder + "/" + fileName
        guard FileManager.default.fileExists(atPath: path) else { return MailSettings() }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw MailSettingsError("cannot read \(path)")
        }
        var values: [String: String] = [:]
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
        {
            let content = line.prefix { $0 != "#" }.trimmingCharacters(in: .whitespaces)
            guard !content.isEmpty else { continue }
            guard let equals = content.firstIndex(of: "=") else {
                throw MailSettingsError("\(path):\(number + 1): expected key = value")
            }
            let key = content[..<equals].trimmingCharacters(in: .whitespaces)
            values[key] = content[content.index(after: equals)...]
                .trimmingCharacters(in: .whitespaces)
        }
        return try MailSettings(values: values, environment: environment)
    }

    /// Settings from `key = value` pairs as in `mail.conf` (or as command-line options
    /// give them).
    public init(values: [String: String], environment: [String: String]) throws(MailSettingsError) {
        let known: Set = [
            "smtp-url", "smtp-user", "smtp-password-file", "smtp-ca-file", "smtp-plain", "from",
        ]
        if let unknown = values.keys.first(where: { !known.contains($0) }) {
            throw MailSettingsError("unknown mail setting \(unknown)")
        }
        self.init(from: values["from"] ?? MailSettings().from)
        guard let url = values["smtp-url"] else { return }
        var smtp = SMTPSender.Configuration(
            url: url, username: values["smtp-user"], caFile: values["smtp-ca-file"])
        smtp.password = try Self.password(values, environment)
        smtp.useTLS = values["smtp-plain"] != "yes"
        self.smtp = smtp
        try validate()
    }

    private static func password(_ values: [String: String], _ environment: [String: String])
        throws(MailSettingsError) -> String?
    {
        if let path = values["smtp-password-file"] {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw MailSettingsError("cannot read the SMTP password file \(path)")
            }
            return text.trimmingCharacters(in: .newlines)
        }
        return environment["BOOKING_SMTP_PASSWORD"]
    }

    /// Refuses an unusable sender, a URL that is not SMTP, and mail without TLS to
    /// another machine.
    public func validate() throws(MailSettingsError) {
        guard Self.address(from) != nil else {
            throw MailSettingsError("the sender \(from) is not an e-mail address")
        }
        guard let smtp else { return }
        guard let url = URL(string: smtp.url), ["smtp", "smtps"].contains(url.scheme ?? "") else {
            throw MailSettingsError("smtp-url must start with smtp:// or smtps://")
        }
        let loopback = ["127.0.0.1", "::1", "localhost"].contains(url.host ?? "")
        guard smtp.useTLS || url.scheme == "smtps" || loopback else {
            throw MailSettingsError("mail without TLS is allowed only to 127.0.0.1 or localhost")
        }
    }

    /// `Name <address>` or `address` as a `MailAddress`; nil if it is not one.
    static func address(_ text: String) -> MailAddress? {
        var name: String?
        var address = text.trimmingCharacters(in: .whitespaces)
        if let open = address.lastIndex(of: "<"), address.hasSuffix(">") {
            name = address[..<open].trimmingCharacters(in: .whitespaces)
            address = String(
                address[address.index(after: open)..<address.index(before: address.endIndex)])
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
            address.unicodeScalars.allSatisfy({ $0.value > 32 && $0.value < 127 }),
            !address.contains(where: { "<>()[],;:\\\"".contains($0) })
        else { return nil }
        return MailAddress(address, name: name?.isEmpty == false ? name : nil)
    }
}

/// A mail setting that cannot be used.
public struct MailSettingsError: Error, CustomStringConvertible, Sendable {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
