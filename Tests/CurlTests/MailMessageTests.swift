import Curl
import Foundation
import Testing

/// The RFC 5322 rendering, checked without a server.
@Suite struct MailMessageTests {
    private let date = Date(timeIntervalSince1970: 1_508_112_000)  // Mon 2017-10-16 00:00 UTC

    @Test func rendersHeadersWithCRLFAndAMessageID() throws {
        let message = MailMessage(
            from: MailAddress("desk@example.org"), to: MailAddress("a@example.org"),
            subject: "Hello", body: "Line 1\nLine 2")

        let text = try message.rendered(date: date, messageID: "<1@example.org>")

        #expect(text.hasPrefix("Date: Mon, 16 Oct 2017 00:00:00 +0000\r\n"))
        #expect(text.contains("\r\nFrom: desk@example.org\r\nTo: a@example.org\r\n"))
        #expect(text.contains("\r\nSubject: Hello\r\nMessage-ID: <1@example.org>\r\n"))
        #expect(text.contains("\r\nMIME-Version: 1.0\r\n"))
        #expect(text.hasSuffix("\r\n\r\nLine 1\r\nLine 2\r\n"))
        #expect(!text.replacing("\r\n", with: "").contains("\n"))
    }

    @Test func makesAUniqueMessageIDInTheSendersDomain() throws {
        let message = MailMessage(
            from: MailAddress("desk@filiale.example"), to: MailAddress("a@example.org"),
            subject: "x", body: "x")

        let first = try ParsedMail(try message.rendered(date: date)).headers["Message-ID"]
        let second = try ParsedMail(try message.rendered(date: date)).headers["Message-ID"]

        #expect(first?.hasSuffix("@filiale.example>") == true)
        #expect(first != second)
    }

    @Test func encodesALongUmlautSubjectInFoldedWordsThatKeepCharactersWhole() throws {
        let subject = String(repeating: "Größe ändern für Fahrradanhänger – ", count: 4)
        let message = MailMessage(
            from: MailAddress("d@example.org"), to: MailAddress("a@example.org"),
            subject: subject, body: "x")

        let text = try message.rendered(date: date)
        let mail = try ParsedMail(text)

        #expect(try mail.decodedSubject() == subject)
        #expect(text.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 78 })
    }

    @Test func quotesOrEncodesDisplayNames() throws {
        let message = MailMessage(
            from: MailAddress("d@example.org", name: "Filiale \"Nord\", Kasse"),
            to: MailAddress("a@example.org", name: "Jürgen Müller"), subject: "x", body: "x")

        let mail = try ParsedMail(try message.rendered(date: date))

        #expect(mail.headers["From"] == #""Filiale \"Nord\", Kasse" <d@example.org>"#)
        #expect(mail.headers["To"]?.hasPrefix("=?UTF-8?B?") == true)
        #expect(mail.headers["To"]?.hasSuffix(" <a@example.org>") == true)
    }

    @Test func sendsANonASCIIBodyAsBase64InShortLines() throws {
        let body = String(repeating: "Grüße aus der Filiale Nord. ", count: 20)
        let message = MailMessage(
            from: MailAddress("d@example.org"), to: MailAddress("a@example.org"),
            subject: "x", body: body)

        let text = try message.rendered(date: date)
        let mail = try ParsedMail(text)

        #expect(mail.headers["Content-Transfer-Encoding"] == "base64")
        #expect(try mail.decodedBody() == body)
        #expect(text.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 78 })
    }

    @Test func keepsSubjectLineBreaksOutOfTheHeader() throws {
        let message = MailMessage(
            from: MailAddress("d@example.org"), to: MailAddress("a@example.org"),
            subject: "Hi\r\nBcc: victim@example.org", body: "x")

        let text = try message.rendered(date: date)

        #expect(!text.contains("\r\nBcc:"))
        #expect(try ParsedMail(text).decodedSubject() == "HiBcc: victim@example.org")
    }
}

/// Reads back a rendered message the way a mail program would: unfolds headers,
/// decodes encoded words and the transfer encoding.
struct ParsedMail {
    var headers: [String: String] = [:]
    var body = ""

    init(_ text: String) throws {
        guard let split = text.range(of: "\r\n\r\n") else { throw FixtureError("no header end") }
        let unfolded = text[..<split.lowerBound].replacing("\r\n ", with: " ")
        for line in unfolded.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { throw FixtureError("bad \(line)") }
            headers[String(line[..<colon])] = String(line[line.index(colon, offsetBy: 2)...])
        }
        body = String(text[split.upperBound...])
    }

    func decodedSubject() throws -> String {
        try Self.decodeWords(headers["Subject"] ?? "")
    }

    func decodedBody() throws -> String {
        guard headers["Content-Transfer-Encoding"] == "base64" else { return body }
        let joined = body.replacing("\r\n", with: "")
        guard let data = Data(base64Encoded: joined) else { throw FixtureError("bad base64") }
        return String(decoding: data, as: UTF8.self).replacing("\r\n", with: "\n")
    }

    /// Decodes `=?UTF-8?B?...?=` words; whitespace between two words is dropped (RFC 2047).
    static func decodeWords(_ value: String) throws -> String {
        guard value.hasPrefix("=?") else { return value }
        var bytes: [UInt8] = []
        for word in value.split(separator: " ") {
            guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?=") else {
                throw FixtureError("not an encoded word: \(word)")
            }
            let payload = word.dropFirst(10).dropLast(2)
            guard let data = Data(base64Encoded: String(payload)) else {
                throw FixtureError("bad base64 in \(word)")
            }
            bytes += data
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
