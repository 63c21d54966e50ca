import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An e-mail address with an optional display name, e.g. `Jürgen Müller <j@example.org>`.
public struct MailAddress: Sendable, Equatable {
    /// The bare address, `local@domain`, in ASCII.
    public var address: String
    /// The name shown by mail programs; any Unicode.
    public var name: String?

    public init(_ address: String, name: String? = nil) {
        self.address = address
        self.name = name
    }

    /// The domain part, for the Message-ID.
    var domain: Substring {
        address.split(separator: "@", omittingEmptySubsequences: false).last ?? ""
    }

    /// Refuses what would break the SMTP envelope or the header: line breaks, spaces,
    /// angle brackets, non-ASCII, a missing `@`.
    func validated() throws(CurlError) -> MailAddress {
        let forbidden = Set(" <>()[],;:\\\"")
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        let isPlain = address.unicodeScalars.allSatisfy { $0.value > 32 && $0.value < 127 }
        guard isPlain, parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
            !address.contains(where: forbidden.contains)
        else {
            throw .badArgument("\(address.debugDescription) is not a usable e-mail address")
        }
        return self
    }
}

/// A plain-text e-mail, rendered as an RFC 5322 message with UTF-8 MIME headers.
public struct MailMessage: Sendable, Equatable {
    public var from: MailAddress
    public var to: [MailAddress]
    public var subject: String
    /// The text; line ends may be `\n` or `\r\n`.
    public var body: String

    public init(from: MailAddress, to: [MailAddress], subject: String, body: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
    }

    public init(from: MailAddress, to: MailAddress, subject: String, body: String) {
        self.init(from: from, to: [to], subject: subject, body: body)
    }

    /// The whole message as sent: headers and body, CRLF line ends.
    ///
    /// Non-ASCII in the subject and in names becomes RFC 2047 encoded words; a non-ASCII
    /// body is sent as base64. Dot-stuffing is left to libcurl.
    /// - Throws: `CurlError` (`.other`) for an unusable address or no recipient.
    public func rendered(date: Date, messageID: String? = nil) throws(CurlError) -> String {
        guard !to.isEmpty else { throw .badArgument("a mail needs at least one recipient") }
        guard messageID?.contains(where: \.isNewline) != true else {
            throw .badArgument("a Message-ID must be one line")
        }
        let sender = try from.validated()
        let recipients = try to.map { (address) throws(CurlError) in try address.validated() }
        let (encoding, text) = MailText.encodedBody(body)

        let headers = [
            "Date: \(MailText.date(date))",
            "From: \(MailText.mailbox(sender))",
            "To: \(recipients.map(MailText.mailbox).joined(separator: ",\r\n "))",
            "Subject: \(MailText.headerText(subject))",
            "Message-ID: \(messageID ?? "<\(UUID().uuidString.lowercased())@\(sender.domain)>")",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: \(encoding)",
        ]
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + text
    }
}

/// The RFC 5322 and RFC 2047 details of rendering a message.
enum MailText {
    /// UTF-8 bytes per encoded word: 39 bytes are 52 base64 characters, so a word stays
    /// under the 75 characters RFC 2047 allows and a header line under 78.
    private static let bytesPerWord = 39

    /// Text for a header: as it is if it is short printable ASCII, otherwise encoded words
    /// folded onto continuation lines. Never splits a character between words.
    static func headerText(_ text: String) -> String {
        let isPlain = text.unicodeScalars.allSatisfy { $0.value >= 32 && $0.value < 127 }
        if isPlain && text.utf8.count <= 60 && !text.contains("=?") { return text }

        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text where !character.isNewline {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > bytesPerWord && !chunk.isEmpty {
                words.append(encodedWord(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(encodedWord(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    /// `Name <address>`, or the bare address without a name.
    static func mailbox(_ mailbox: MailAddress) -> String {
        guard let name = mailbox.name, !name.isEmpty else { return mailbox.address }
        return "\(displayName(name)) <\(mailbox.address)>"
    }

    private static func displayName(_ name: String) -> String {
        let isPlain = name.unicodeScalars.allSatisfy { $0.value >= 32 && $0.value < 127 }
        guard isPlain, !name.contains("=?") else { return headerText(name) }
        let escaped = name.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
        return "\"\(escaped)\""
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?\(Data(bytes).base64EncodedString())?="
    }

    /// The body with CRLF line ends: 7bit if it is ASCII with lines SMTP accepts,
    /// otherwise base64 in lines of 76.
    static func encodedBody(_ body: String) -> (encoding: String, text: String) {
        let unified = body.replacing("\r\n", with: "\n")
        let lines = unified.split(separator: "\n", omittingEmptySubsequences: false)
        let isPlain = unified.unicodeScalars.allSatisfy { $0.isASCII && $0 != "\r" }
        if isPlain && lines.allSatisfy({ $0.utf8.count <= 998 }) {
            return ("7bit", lines.joined(separator: "\r\n") + "\r\n")
        }

        let crlf = Data(lines.joined(separator: "\r\n").utf8)
        let encoded = crlf.base64EncodedString(options: [
            .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
        ])
        return ("base64", encoded + "\r\n")
    }

    /// `Tue, 03 Dec 2024 13:11:00 +0000`, in English whatever the process locale.
    static func date(_ date: Date) -> String {
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ]
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)

        let two = { (value: Int32) in value < 10 ? "0\(value)" : "\(value)" }
        let day = "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)])"
        let time = "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
        return "\(day) \(parts.tm_year + 1900) \(time) +0000"
    }
}
