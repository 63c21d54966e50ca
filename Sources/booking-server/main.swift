// booking-server: the booking API on libmicrohttpd over an SQLite data folder.
//
//     booking-server serve --data DIR [--listen HOST:PORT] [--log-level LEVEL] [--log-file PATH]
//     booking-server load-demo --data DIR

import BookingServer
import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

let usage = """
    usage: booking-server serve --data DIR [--listen HOST:PORT] [--log-level LEVEL]
                                [--log-file PATH] [--demo]
           booking-server load-demo --data DIR

      serve      answer the booking API (default 127.0.0.1:8080) until SIGINT or SIGTERM
      load-demo  load the demo accounts, catalogue and users into an empty data folder
      --demo     with serve: load the demo data first if the data folder is empty
      LEVEL      error, warning, info (default) or debug
    """

struct Options {
    var command = ""
    var data: String?
    var host = "127.0.0.1"
    var port: UInt16 = 8080
    var level = LogLevel.info
    var logFile: String?
    var demo = false
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("booking-server: " + message + "\n").utf8))
    exit(2)
}

func parse(_ arguments: [String]) -> Options {
    var options = Options()
    var rest = arguments[...]
    guard let command = rest.popFirst(), ["serve", "load-demo"].contains(command) else {
        fail("name a command\n" + usage)
    }
    options.command = command
    while let flag = rest.popFirst() {
        if flag == "--demo" {
            options.demo = true
            continue
        }
        guard let value = rest.popFirst() else { fail("\(flag) needs a value\n" + usage) }
        switch flag {
        case "--data": options.data = value
        case "--listen": (options.host, options.port) = listenAddress(value)
        case "--log-level":
            guard let level = LogLevel(name: value) else { fail("unknown log level \(value)") }
            options.level = level
        case "--log-file": options.logFile = value
        default: fail("unknown option \(flag)\n" + usage)
        }
    }
    return options
}

func listenAddress(_ text: String) -> (String, UInt16) {
    guard let colon = text.lastIndex(of: ":"), let port = UInt16(text[text.index(after: colon)...])
    else { fail("--listen wants HOST:PORT, e.g. 127.0.0.1:8080") }
    var host = String(text[..<colon])
    if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
    return (host.isEmpty ? "127.0.0.1" : host, port)
}

func makeLogger(_ options: Options) -> Logger {
    guard let path = options.logFile else { return Logger(label: "server", level: options.level) }
    do {
        return try Logger(label: "server", level: options.level, path: path)
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

let options = parse(Array(CommandLine.arguments.dropFirst()))
guard let data = options.data else { fail("--data DIR is required\n" + usage) }
let logger = makeLogger(options)

switch options.command {
case "load-demo":
    do {
        let loaded = try DemoData.load(intoDataFolder: data)
        logger.info(loaded ? "demo data loaded" : "data folder not empty; nothing loaded")
    } catch {
        fail("cannot load demo data: \(error)")
    }
default:
    blockTerminationSignals()
    do {
        let server = try BookingServer.start(
            BookingServer.Configuration(
                dataFolder: data, host: options.host, port: options.port, logger: logger,
                loadDemoData: options.demo))
        waitForTerminationSignal()
        logger.info("stopping")
        server.stop()
    } catch {
        fail("cannot start: \(error)")
    }
}
