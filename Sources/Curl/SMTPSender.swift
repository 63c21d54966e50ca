import CCurl
import FoundationEssentials

/// Sends mail through an SMTP server with libcurl.
///
/// `send` blocks until the server accepted or refused the message; use an instance from
/// one thread at a time.
public final class SMTPSender {
    /// Where and how to deliver.
    public struct Configuration: Sendable {
        /// `smtp://host:587` (STARTTLS) or `smtps://host:465` (TLS from the start).
        public var url: String
        /// Login name for SMTP AUTH; nil sends without logging in.
        public var username: String?
        public var password: String?
        /// For `smtp://`: require STARTTLS and fail if the server does not offer it.
        /// Only a test sink on loopback should turn this off; credentials and mail would
        /// otherwise travel in clear text. `smtps://` always uses TLS.
        public var useTLS: Bool
        /// A PEM file of CA certificates to trust instead of the system's.
        public var caFile: String?
        public var connectTimeout: Duration
        /// How long one whole delivery may take.
        public var timeout: Duration

        public init(
            url: String, username: String? = nil, password: String? = nil, useTLS: Bool = true,
            caFile: String? = nil, connectTimeout: Duration = .seconds(10),
            timeout: Duration = .seconds(60)
        ) {
            self.url = url
            self.username = username
            self.password = password
            self.useTLS = useTLS
            self.caFile = caFile
            self.connectTimeout = connectTimeout
            self.timeout = timeout
        }
    }

    public let configuration: Configuration
    private let easy: EasyHandle

    /// Makes a sender; fails only if libcurl cannot be initialised.
    public init(configuration: Configuration) throws(CurlError) {
        self.configuration = configuration
        easy = try EasyHandle()
    }

    /// Delivers one message to all its recipients.
    /// - Parameter date: the message's `Date` header; pass the caller's clock in tests.
    /// - Throws: `CurlError` when the server cannot be reached, refuses a recipient, the
    ///   login or STARTTLS, or when an address is unusable.
    public func send(_ message: MailMessage, date: Date = Date()) throws(CurlError) {
        let payload = MailPayload(Array(try message.rendered(date: date).utf8))
        let recipients = try HeaderList(message.to.map { "<\($0.address)>" })

        try easy.reset()
        try setConnectionOptions()
        try easy.set(CURLOPT_MAIL_FROM, "<\(message.from.address)>")
        try easy.set(CURLOPT_MAIL_RCPT, list: recipients)
        try easy.set(CURLOPT_UPLOAD, true)
        try easy.set(CURLOPT_READFUNCTION, callback: curlSendMailText)
        try easy.set(CURLOPT_READDATA, pointer: Unmanaged.passUnretained(payload).toOpaque())

        try withExtendedLifetime((payload, recipients)) { () throws(CurlError) in
            try easy.perform()
        }
    }

    private func setConnectionOptions() throws(CurlError) {
        try easy.set(CURLOPT_URL, configuration.url)
        try easy.set(CURLOPT_PROTOCOLS_STR, "smtp,smtps")
        try easy.set(CURLOPT_CONNECTTIMEOUT_MS, configuration.connectTimeout.curlMilliseconds)
        try easy.set(CURLOPT_TIMEOUT_MS, configuration.timeout.curlMilliseconds)
        try easy.set(CURLOPT_SSL_VERIFYPEER, true)
        try easy.set(CURLOPT_SSL_VERIFYHOST, 2)
        if let caFile = configuration.caFile { try easy.set(CURLOPT_CAINFO, caFile) }
        if configuration.useTLS { try easy.set(CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue)) }
        if let username = configuration.username { try easy.set(CURLOPT_USERNAME, username) }
        if let password = configuration.password { try easy.set(CURLOPT_PASSWORD, password) }
    }
}

/// The rendered message, handed to libcurl piece by piece.
final class MailPayload {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Copies the next piece into `buffer`; 0 means the message is complete.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let count = min(buffer.count, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(
                from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + count]))
        }
        offset += count
        return count
    }
}

/// libcurl's read callback for the mail text in `context` (a `MailPayload`).
func curlSendMailText(
    _ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
    _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let buffer, let context else { return 0 }
    let payload = Unmanaged<MailPayload>.fromOpaque(context).takeUnretainedValue()
    return payload.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: size * count))
}
