import CMicroHTTPD
import Glibc
import Logging
@_exported import Synchronization

/// What libmicrohttpd's callbacks reach through their `void *` argument. Everything in it
/// is Sendable, because the callbacks run on libmicrohttpd's threads.
final class ServerContext: Sendable {
    let handler: HTTPServer.Handler
    let refusal: HTTPServer.RefusalHandler
    let maxBodyBytes: Int
    let maxTargetBytes: Int
    let logger: Logger
    /// Requests handed to the handler and not yet answered in full (or given up).
    let requestsInFlight = Atomic<Int>(0)
    /// Set once the server stops: each answer from then on closes its connection.
    let stopping = Atomic<Bool>(false)

    init(
        handler: @escaping HTTPServer.Handler, refusal: @escaping HTTPServer.RefusalHandler,
        maxBodyBytes: Int, maxTargetBytes: Int, logger: Logger
    ) {
        self.handler = handler
        self.refusal = refusal
        self.maxBodyBytes = maxBodyBytes
        self.maxTargetBytes = maxTargetBytes
        self.logger = logger
    }
}

/// The state of one request while its body arrives. libmicrohttpd never runs two
/// callbacks of one connection at once, so it needs no lock.
final class RequestState {
    let targetLength: Int
    var headersSeen = false
    var refused = false
    /// Whether the refusal was already queued (only possible before the body arrives).
    var answered = false
    var discarded = 0
    var body: [UInt8] = []

    init(targetLength: Int) {
        self.targetLength = targetLength
    }
}

/// Called first for every request with the raw target; its result becomes the request's
/// state pointer.
func bkURILog(
    _ context: UnsafeMutableRawPointer?, _ uri: UnsafePointer<CChar>?, _ connection: OpaquePointer?
) -> UnsafeMutableRawPointer? {
    let length = uri.map { strlen($0) } ?? 0
    return Unmanaged.passRetained(RequestState(targetLength: Int(length))).toOpaque()
}

func bkRequestCompleted(
    _ context: UnsafeMutableRawPointer?, _ connection: OpaquePointer?,
    _ state: UnsafeMutablePointer<UnsafeMutableRawPointer?>?, _ code: MHD_RequestTerminationCode
) {
    guard let state, let pointer = state.pointee else { return }
    let request = Unmanaged<RequestState>.fromOpaque(pointer)
    if request.takeUnretainedValue().headersSeen, let context {
        let server = Unmanaged<ServerContext>.fromOpaque(context).takeUnretainedValue()
        server.requestsInFlight.subtract(1, ordering: .relaxed)
    }
    request.release()
    state.pointee = nil
}

func bkAccessHandler(
    _ contextPointer: UnsafeMutableRawPointer?, _ connection: OpaquePointer?,
    _ url: UnsafePointer<CChar>?, _ method: UnsafePointer<CChar>?,
    _ version: UnsafePointer<CChar>?, _ uploadData: UnsafePointer<CChar>?,
    _ uploadDataSize: UnsafeMutablePointer<Int>?,
    _ statePointer: UnsafeMutablePointer<UnsafeMutableRawPointer?>?
) -> MHD_Result {
    guard let contextPointer, let connection, let statePointer, let uploadDataSize,
        let rawState = statePointer.pointee
    else { return .NO }
    let context = Unmanaged<ServerContext>.fromOpaque(contextPointer).takeUnretainedValue()
    let state = Unmanaged<RequestState>.fromOpaque(rawState).takeUnretainedValue()
    let exchange = Exchange(connection: connection, context: context, url: url, method: method)

    if !state.headersSeen {
        // libmicrohttpd reports the end of every request it has shown the handler, and
        // only of those: from here on the request counts until it is answered.
        state.headersSeen = true
        context.requestsInFlight.add(1, ordering: .relaxed)
        return exchange.headersArrived(state)
    }
    if uploadDataSize.pointee > 0 {
        let count = uploadDataSize.pointee
        uploadDataSize.pointee = 0
        return exchange.chunkArrived(state, data: uploadData, count: count)
    }
    if state.refused {
        guard !state.answered else { return .YES }
        return exchange.refuseAtEnd(state)
    }
    return exchange.complete(state)
}

/// One step of a request on its connection.
struct Exchange {
    /// Bodies up to this many times the limit are read to their end before the refusal.
    static let discardFactor = 16

    let connection: OpaquePointer
    let context: ServerContext
    let url: UnsafePointer<CChar>?
    let method: UnsafePointer<CChar>?

    /// Call 1: only headers are known. Refuse oversized requests before reading a body;
    /// otherwise answer later (answering here would cost keep-alive).
    func headersArrived(_ state: RequestState) -> MHD_Result {
        if state.targetLength > context.maxTargetBytes {
            return refuse(state, .targetTooLong(limit: context.maxTargetBytes))
        }
        if let length = header("Content-Length").flatMap({ Int($0) }), length > context.maxBodyBytes
        {
            // A client that is already sending its body may see the connection reset
            // instead of an answer sent before it is done. So only a client that waits
            // (`Expect: 100-continue`) or a body beyond the discard limit is refused at
            // once; otherwise the body is read, dropped, and refused at its end.
            let waits = header("Expect")?.lowercased() == "100-continue"
            guard waits || length > Self.discardFactor * context.maxBodyBytes else {
                state.refused = true
                return .YES
            }
            return refuse(state, .bodyTooLarge(limit: context.maxBodyBytes))
        }
        return .YES
    }

    func chunkArrived(_ state: RequestState, data: UnsafePointer<CChar>?, count: Int)
        -> MHD_Result
    {
        if state.refused {
            // A body without Content-Length that grew too large: libmicrohttpd cannot answer
            // in the middle of an upload, so the rest is read and dropped, and the refusal
            // goes out at the end. A client that never stops is cut off.
            state.discarded += count
            return state.discarded > Self.discardFactor * context.maxBodyBytes ? .NO : .YES
        }
        guard state.body.count + count <= context.maxBodyBytes else {
            state.refused = true
            state.discarded = state.body.count + count
            state.body = []
            return .YES
        }
        if let data {
            state.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: count))
        }
        return .YES
    }

    func complete(_ state: RequestState) -> MHD_Result {
        let request = makeRequest(body: state.body)
        state.body = []
        return send(context.handler(request))
    }

    func refuseAtEnd(_ state: RequestState) -> MHD_Result {
        refuse(state, .bodyTooLarge(limit: context.maxBodyBytes))
    }

    private func refuse(_ state: RequestState, _ refusal: HTTPRefusal) -> MHD_Result {
        state.refused = true
        state.answered = true
        let response = context.refusal(refusal, makeRequest(body: []))
        return send(response, closing: true)
    }

    private func makeRequest(body: [UInt8]) -> HTTPRequest {
        HTTPRequest(
            method: method.map { String(cString: $0) } ?? "",
            path: url.map { String(cString: $0) } ?? "/",
            query: values(of: .GET_ARGUMENT_KIND).map { (name: $0.0, value: $0.1) },
            headers: Dictionary(
                values(of: .HEADER_KIND).map { ($0.0.lowercased(), $0.1) },
                uniquingKeysWith: { _, last in last }),
            body: body, remoteAddress: remoteAddress())
    }

    private func header(_ name: String) -> String? {
        MHD_lookup_connection_value(connection, .HEADER_KIND, name).map { String(cString: $0) }
    }

    private func values(of kind: MHD_ValueKind) -> [(String, String)] {
        let collector = ValueCollector()
        withExtendedLifetime(collector) {
            _ = MHD_get_connection_values(
                connection, kind, bkCollectValue, Unmanaged.passUnretained(collector).toOpaque())
        }
        return collector.pairs
    }

    private func remoteAddress() -> String {
        guard let address = bk_mhd_client_address(connection) else { return "" }
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { v4 in
                var ip = v4.pointee.sin_addr
                _ = inet_ntop(AF_INET, &ip, &text, socklen_t(text.count))
            }
        case AF_INET6:
            address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { v6 in
                var ip = v6.pointee.sin6_addr
                _ = inet_ntop(AF_INET6, &ip, &text, socklen_t(text.count))
            }
        default:
            return ""
        }
        return text.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    private func send(_ response: HTTPResponse, closing: Bool = false) -> MHD_Result {
        let created = response.body.withUnsafeBytes { bytes in
            MHD_create_response_from_buffer(
                bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress),
                .RESPMEM_MUST_COPY)
        }
        guard let mhdResponse = created else { return .NO }
        defer { MHD_destroy_response(mhdResponse) }
        for (name, value) in response.headers {
            _ = MHD_add_response_header(mhdResponse, name, value)
        }
        if closing || context.stopping.load(ordering: .relaxed) {
            _ = MHD_add_response_header(mhdResponse, "Connection", "close")
        }
        return MHD_queue_response(connection, UInt32(response.status), mhdResponse)
    }
}

final class ValueCollector {
    var pairs: [(String, String)] = []
}

func bkCollectValue(
    _ collector: UnsafeMutableRawPointer?, _ kind: MHD_ValueKind, _ key: UnsafePointer<CChar>?,
    _ value: UnsafePointer<CChar>?
) -> MHD_Result {
    guard let collector, let key else { return .YES }
    let box = Unmanaged<ValueCollector>.fromOpaque(collector).takeUnretainedValue()
    box.pairs.append((String(cString: key), value.map { String(cString: $0) } ?? ""))
    return .YES
}

/// The C type of `MHD_OPTION_URI_LOG_CALLBACK`, which has no typedef in microhttpd.h.
typealias URILogCallback =
    @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?, OpaquePointer?) ->
    UnsafeMutableRawPointer?
