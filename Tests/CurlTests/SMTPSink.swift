import Foundation
import Synchronization

/// A minimal SMTP server for tests on a `LoopbackServer`: it speaks just enough of
/// RFC 5321 for libcurl (EHLO, AUTH PLAIN, MAIL, RCPT, DATA, QUIT), refuses recipients
/// whose address starts with "reject", offers no STARTTLS, and keeps what it received.
final class SMTPSink {
    private let conversation = SMTPConversation()
    private let server: LoopbackServer

    init() throws {
        let conversation = conversation
        server = try LoopbackServer { conversation.converse($0) }
    }

    var url: String { "smtp://127.0.0.1:\(server.port)" }
    var received: [SMTPConversation.Delivery] { conversation.deliveries.withLock { $0 } }
    var commandsSeen: [String] { conversation.commands.withLock { $0 } }
}

/// What the sink says and what it keeps, shared by its connection threads.
final class SMTPConversation: Sendable {
    /// One delivered mail as the sink saw it.
    struct Delivery: Sendable {
        var login: String?
        var sender = ""
        var recipients: [String] = []
        /// The message with dot-stuffing undone and CRLF line ends, as a mail program sees it.
        var data = ""
    }

    let deliveries = Mutex<[Delivery]>([])
    let commands = Mutex<[String]>([])

    func converse(_ connection: PeerConnection) {
        var delivery = Delivery()
        connection.write("220 sink ESMTP ready\r\n")
        while let line = connection.readLine() {
            commands.withLock { $0.append(line) }
            let verb = line.prefix(while: { $0 != " " }).uppercased()
            switch verb {
            case "EHLO": connection.write("250-sink\r\n250-AUTH PLAIN\r\n250 8BITMIME\r\n")
            case "AUTH": delivery.login = authenticate(line, connection)
            case "MAIL":
                delivery.sender = line
                connection.write("250 ok\r\n")
            case "RCPT": acceptRecipient(line, into: &delivery, connection)
            case "DATA": receiveData(into: &delivery, connection)
            case "QUIT":
                connection.write("221 bye\r\n")
                return
            default: connection.write("502 not implemented\r\n")
            }
        }
    }

    private func authenticate(_ line: String, _ connection: PeerConnection) -> String? {
        var encoded = line.split(separator: " ").dropFirst(2).first.map(String.init)
        if encoded == nil {
            connection.write("334 \r\n")
            encoded = connection.readLine()
        }
        connection.write("235 authenticated\r\n")
        guard let encoded, let plain = Data(base64Encoded: encoded) else { return nil }
        // AUTH PLAIN is "\0user\0password".
        return String(decoding: plain, as: UTF8.self).split(separator: "\0").joined(separator: ":")
    }

    private func acceptRecipient(
        _ line: String, into delivery: inout Delivery, _ connection: PeerConnection
    ) {
        if line.uppercased().hasPrefix("RCPT TO:<REJECT") {
            connection.write("550 no such mailbox\r\n")
            return
        }
        delivery.recipients.append(line)
        connection.write("250 ok\r\n")
    }

    private func receiveData(into delivery: inout Delivery, _ connection: PeerConnection) {
        connection.write("354 go ahead\r\n")
        var lines: [String] = []
        while let line = connection.readLine(), line != "." {
            lines.append(line.hasPrefix(".") ? String(line.dropFirst()) : line)
        }
        delivery.data = lines.joined(separator: "\r\n") + "\r\n"

        // Keep it before answering: the client may look as soon as it reads "250".
        deliveries.withLock { [delivery] in $0.append(delivery) }
        delivery = Delivery(login: delivery.login)
        connection.write("250 queued\r\n")
    }
}
