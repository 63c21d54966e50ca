import Curl
import Foundation
import Testing

@Suite struct SMTPSenderTests {
    private let from = MailAddress("desk@filiale-nord.example", name: "Filiale Nord")
    private let to = MailAddress("juergen@example.org", name: "Jürgen Müller")
    private let date = Date(timeIntervalSince1970: 1_457_164_800)  // 2016-03-05 08:00 UTC

    @Test func deliversAMailWithUmlautsToTheServer() throws {
        let sink = try SMTPSink()
        let sender = try SMTPSender(configuration: .init(url: sink.url, useTLS: false))
        let body = "Guten Tag,\n\nIhr Passwort für die Filiale Nord lautet: Grün-4711\n"

        try sender.send(
            MailMessage(from: from, to: to, subject: "Ihr Zugang für die Ausleihe", body: body),
            date: date)

        let delivery = try #require(sink.received.first)
        #expect(delivery.sender == "MAIL FROM:<desk@filiale-nord.example>")
        #expect(delivery.recipients == ["RCPT TO:<juergen@example.org>"])
        let mail = try ParsedMail(delivery.data)
        #expect(mail.headers["Date"] == "Sat, 05 Mar 2016 08:00:00 +0000")
        #expect(mail.headers["Content-Type"] == "text/plain; charset=UTF-8")
        #expect(try mail.decodedSubject() == "Ihr Zugang für die Ausleihe")
        #expect(try mail.decodedBody() == body)
    }

    @Test func logsInWithTheConfiguredCredentials() throws {
        let sink = try SMTPSink()
        let sender = try SMTPSender(
            configuration: .init(
                url: sink.url, username: "mailer", password: "pässwort", useTLS: false))

        try sender.send(MailMessage(from: from, to: to, subject: "Test", body: "x"), date: date)

        #expect(sink.received.first?.login == "mailer:pässwort")
    }

    @Test func sendsToEveryRecipient() throws {
        let sink = try SMTPSink()
        let sender = try SMTPSender(configuration: .init(url: sink.url, useTLS: false))
        let second = MailAddress("chef@example.org")

        try sender.send(
            MailMessage(from: from, to: [to, second], subject: "Test", body: "x"), date: date)

        let delivery = try #require(sink.received.first)
        #expect(
            delivery.recipients == ["RCPT TO:<juergen@example.org>", "RCPT TO:<chef@example.org>"])
        #expect(
            try ParsedMail(delivery.data).headers["To"]?.hasSuffix(", chef@example.org") == true)
    }

    @Test func keepsLinesThatStartWithADot() throws {
        let sink = try SMTPSink()
        let sender = try SMTPSender(configuration: .init(url: sink.url, useTLS: false))
        let body = "first\n.\n..two dots\n.end"

        try sender.send(MailMessage(from: from, to: to, subject: "Dots", body: body), date: date)

        let mail = try ParsedMail(try #require(sink.received.first).data)
        #expect(mail.headers["Content-Transfer-Encoding"] == "7bit")
        #expect(try mail.decodedBody() == "first\r\n.\r\n..two dots\r\n.end\r\n")
    }

    @Test func refusesToSendInClearWhenTLSIsRequired() throws {
        let sink = try SMTPSink()  // offers no STARTTLS
        let sender = try SMTPSender(
            configuration: .init(url: sink.url, username: "mailer", password: "geheim"))

        let error = #expect(throws: CurlError.self) {
            try sender.send(MailMessage(from: from, to: to, subject: "Test", body: "x"), date: date)
        }

        #expect(error?.kind == .tls)
        #expect(sink.received.isEmpty)
        #expect(!sink.commandsSeen.contains { $0.hasPrefix("AUTH") })
    }

    @Test func reportsARecipientTheServerRefuses() throws {
        let sink = try SMTPSink()
        let sender = try SMTPSender(configuration: .init(url: sink.url, useTLS: false))

        let error = #expect(throws: CurlError.self) {
            try sender.send(
                MailMessage(
                    from: from, to: MailAddress("reject@example.org"), subject: "T", body: "x"),
                date: date)
        }

        #expect(error?.kind == .other)
        #expect(sink.received.isEmpty)
    }

    @Test func reportsAnUnreachableServer() throws {
        let sender = try SMTPSender(configuration: .init(url: "smtp://127.0.0.1:1", useTLS: false))

        let error = #expect(throws: CurlError.self) {
            try sender.send(MailMessage(from: from, to: to, subject: "T", body: "x"), date: date)
        }

        #expect(error?.kind == .couldNotConnect)
    }

    @Test(arguments: [
        "no-at-sign", "a b@example.org", "x@example.org>\r\nRCPT TO:<y@example.org", "",
        "ä@example.org",
    ])
    func refusesAnUnusableAddress(address: String) throws {
        let sink = try SMTPSink()
        let sender = try SMTPSender(configuration: .init(url: sink.url, useTLS: false))

        let error = #expect(throws: CurlError.self) {
            try sender.send(
                MailMessage(from: from, to: MailAddress(address), subject: "T", body: "x"),
                date: date)
        }

        #expect(error?.kind == .other)
        #expect(sink.commandsSeen.isEmpty)
    }

    @Test func refusesAMailWithoutRecipients() throws {
        let message = MailMessage(from: from, to: [MailAddress](), subject: "T", body: "x")

        #expect(throws: CurlError.self) { try message.rendered(date: date) }
    }
}
