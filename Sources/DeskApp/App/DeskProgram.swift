import BookingCore
import DeskClient
import Foundation
import Logging
import OfflineCache
import TerminalUI

/// `booking-desk`: reads the command line, starts the embedded server (or links to
/// `--server`), opens the terminal and runs the desk until it quits.
///
/// The loop is the only place that touches the terminal, always from the main thread: it
/// draws a frame, waits for a key, a resize, the worker's wake-up descriptor or the clock,
/// hands the event to the `Desk` and carries out what it returns. Nothing is printed to
/// the terminal it draws on; the log goes to `$XDG_STATE_HOME/booking-desk/desk.log`, and
/// only problems before the screen is up (or after it is given back) go to stderr.
public enum DeskProgram {
    /// Runs the desk; returns the exit status.
    public static func main(arguments: [String], environment: [String: String]) -> Int32 {
        let options: DeskOptions
        do {
            options = try DeskOptions(arguments: arguments)
        } catch {
            let language = DeskOptions.language(in: arguments)
            let text = MessageCatalog(Language.resolve(option: language, environment: environment))
            writeError(text.problem(error))
            return 2
        }
        let text = MessageCatalog(
            Language.resolve(option: options.language, environment: environment))
        if options.showHelp {
            FileHandle.standardOutput.write(Data(text.entry(.optionsUsage).utf8))
            return 0
        }
        let paths = DeskPaths(environment: environment)
        let logger = openLog(paths: paths, text: text)
        logger.info("desk starting", ["language": text.language.rawValue])
        guard
            let store = openStore(paths: paths, server: options.server, text: text, logger: logger)
        else { return 1 }
        defer { store.close() }
        let link: ServerLink
        let serverLabel: String
        let shownLogins: [ShownLogin]
        if let url = options.server {
            do {
                link = try ServerLink(
                    url: url, caFile: options.caFile, logger: logger, store: store)
            } catch {
                writeError(text.text(.errorUnexpected, String(describing: error)))
                return 1
            }
            serverLabel = url
            shownLogins = []
        } else {
            let server = EmbeddedServer(
                folder: paths.serverFolder, logger: embeddedServerLogger(paths: paths))
            link = ServerLink(embedded: server, logger: logger, store: store)
            serverLabel = text.text(.loginEmbedded, paths.shortened(paths.serverFolder))
            shownLogins = EmbeddedServer.shownLogins
        }
        defer { link.stop() }
        return run(
            options: options, text: text, link: link, serverLabel: serverLabel,
            shownLogins: shownLogins, environment: environment, logger: logger, store: store)
    }

    /// Opens the desk's cache and outbox. A desk whose outbox cannot be opened does not
    /// start: orders taken without it could be lost, and the file may hold unsent ones.
    private static func openStore(
        paths: DeskPaths, server: String?, text: MessageCatalog, logger: Logger
    ) -> OfflineStore? {
        let folder = paths.offlineFolder(server: server)
        do {
            return try OfflineStore(folder: folder, logger: logger)
        } catch .outboxUnusable(let path, let problem) {
            writeError(text.text(.startupOutboxUnusable, path, problem.description))
        } catch {
            writeError(text.text(.startupStorageFailed, folder, error.description))
        }
        logger.error("offline store unusable; desk not started", ["folder": folder])
        return nil
    }

    private static func run(
        options: DeskOptions, text: MessageCatalog, link: ServerLink, serverLabel: String,
        shownLogins: [ShownLogin], environment: [String: String], logger: Logger,
        store: OfflineStore
    ) -> Int32 {
        let files = ConfigFiles(environment: environment)
        let keymap = files.keymap(
            named: options.keymap ?? "default", knownCommands: DeskCommand.names)
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal()
        } catch {
            writeError(text.text(.startupTerminalFailed, environment["TERM"] ?? ""))
            logger.error("terminal failed", ["error": error.description])
            return 1
        }
        defer { terminal.close() }
        let theme = files.theme(
            named: options.theme ?? "default", colorsAvailable: terminal.supportsColor)
        terminal.apply(theme.value)
        let problems = (keymap.problems + theme.problems).map { problem in
            var shown = problem
            shown.file = DeskPaths(environment: environment).shortened(problem.file)
            return text.problem(shown)
        }
        for problem in keymap.problems + theme.problems {
            logger.warning("config problem", ["problem": problem.description])
        }
        logger.info("config", ["keymap": keymap.origin, "theme": theme.origin])
        let desk = Desk(
            text: text, keymap: keymap.value, serverLabel: serverLabel, shownLogins: shownLogins,
            problems: problems, store: store)
        DeskLoop(desk: desk, terminal: terminal, link: link, logger: logger).run()
        logger.info("desk stopped")
        return 0
    }

    private static func openLog(paths: DeskPaths, text: MessageCatalog) -> Logger {
        do {
            try FileManager.default.createDirectory(
                atPath: paths.stateFolder, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
            return try Logger(label: "desk", level: .info, path: paths.logFile)
        } catch {
            writeError(text.text(.startupLogFailed, paths.logFile))
            return .silent
        }
    }

    /// The embedded server writes to the desk's log, only what matters (no request lines).
    private static func embeddedServerLogger(paths: DeskPaths) -> Logger {
        (try? Logger(label: "server", level: .warning, path: paths.logFile)) ?? .silent
    }

    static func writeError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// The desk's main loop on a real terminal.
struct DeskLoop {
    let desk: Desk
    let terminal: NcursesTerminal
    let link: ServerLink
    let logger: Logger

    /// How often the desk looks at the clock: often enough to notice a slow request and
    /// probe the server within the 5 s the desk has to say it is offline.
    static let tick: TimeInterval = 0.5

    func run() {
        let renderer = Renderer(terminal: terminal)
        var lastTick = Date.distantPast
        while true {
            let now = Date()
            var effects: [DeskEffect] = []
            if let failure = link.connectIfReady() {
                desk.notice = Notice(desk.text.text(.startupEmbeddedFailed, failure), kind: .error)
            }
            for reply in link.finished() {
                effects += desk.handle(.reply(reply), now: now)
            }
            if now.timeIntervalSince(lastTick) >= Self.tick {
                lastTick = now
                effects += desk.handle(.tick, now: now)
            }
            guard perform(effects) else { return }
            renderer.render { canvas in desk.draw(in: canvas, now: Date()) }
            let wait: Duration = link.isStarting ? .milliseconds(50) : .milliseconds(500)
            let event = terminal.nextEvent(timeout: wait, wakeOn: link.wakeDescriptors)
            switch event {
            case .key(let key):
                guard perform(desk.handle(.key(key), now: Date())) else { return }
            case .resize(let size):
                _ = desk.handle(.resize(size), now: Date())
            case .wake, .timeout:
                break
            }
        }
    }

    /// Sends what the desk asked for; false when it asked to quit. Before quitting, calls
    /// just sent (letting go of a hold) get a moment to reach the server.
    private func perform(_ effects: [DeskEffect]) -> Bool {
        for effect in effects {
            switch effect {
            case .send(let call):
                link.submit(call)
            case .quit:
                let deadline = Date().addingTimeInterval(1)
                while link.outstanding > 0 && Date() < deadline {
                    _ = link.finished()
                    usleep(20_000)
                }
                return false
            }
        }
        return true
    }
}
