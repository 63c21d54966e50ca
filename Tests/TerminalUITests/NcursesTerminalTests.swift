import Glibc
import TerminalUI
import Testing

/// NcursesTerminal on a real pseudo-terminal: the kernel's tty layer and ncurses' own key
/// decoding from terminfo, with this process playing the terminal emulator on the master
/// side. (Driving the whole desk in tmux is the desk's end-to-end test.)
@Suite(.serialized) struct NcursesTerminalTests {
    /// A pseudo-terminal pair; the master side is read without blocking.
    final class PseudoTerminal {
        let master: Int32
        let slave: Int32
        var output: [UInt8] = []

        init(rows: UInt16, columns: UInt16) throws {
            master = PseudoTerminal.openMaster(O_RDWR | O_NOCTTY)
            try #require(master >= 0)
            try #require(PseudoTerminal.grant(master) == 0 && PseudoTerminal.unlock(master) == 0)
            let name = String(cString: try #require(PseudoTerminal.slaveName(master)))
            slave = open(name, O_RDWR | O_NOCTTY)
            try #require(slave >= 0)
            _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
            resize(rows: rows, columns: columns)
        }

        // Glibc declares the pseudo-terminal calls only for _XOPEN_SOURCE, which the Swift
        // module does not set; they are looked up by name instead.
        private typealias OpenMaster = @convention(c) (Int32) -> Int32
        private typealias SlaveName = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
        private static let openMaster = function("posix_openpt", as: OpenMaster.self)
        private static let grant = function("grantpt", as: OpenMaster.self)
        private static let unlock = function("unlockpt", as: OpenMaster.self)
        private static let slaveName = function("ptsname", as: SlaveName.self)

        private static func function<F>(_ name: String, as type: F.Type) -> F {
            let library = dlopen(nil, RTLD_NOW)
            guard let symbol = dlsym(library, name) else { fatalError("libc lacks \(name)") }
            return unsafeBitCast(symbol, to: type)
        }

        deinit {
            close(slave)
            close(master)
        }

        func resize(rows: UInt16, columns: UInt16) {
            var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
            let status = ioctl(master, UInt(TIOCSWINSZ), &size)
            precondition(status == 0, "TIOCSWINSZ failed: \(errno)")
        }

        /// Sends bytes as if typed on the terminal.
        func send(_ text: String) {
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
        }

        /// Reads what the program wrote to the terminal so far.
        func drain() -> String {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = read(master, &buffer, buffer.count)
                if count <= 0 { break }
                output += buffer[..<count]
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    @Test func keysArriveDecodedFromARealTerminal() throws {
        let tty = try PseudoTerminal(rows: 24, columns: 80)
        let terminal = try NcursesTerminal(
            input: tty.slave, output: tty.slave, terminalType: "xterm-256color")
        defer { terminal.close() }
        let cases: [(String, Key)] = [
            ("\u{1b}OP", .function(1)), ("\u{1b}[24~", .function(12)), ("\u{1b}OA", .up),
            ("\u{1b}[6~", .pageDown), ("\u{1b}[3~", .delete), ("\u{1b}[Z", .backTab),
            ("ä", .character("ä")), ("ß", .character("ß")), ("予", .character("予")),
            ("\t", .tab), ("\r", .enter), ("\u{7f}", .backspace), ("\u{18}", .control("x")),
            ("\u{13}", .control("s")), ("\u{1b}v", .alt("v")), ("\u{1b}", .escape),
        ]
        for (bytes, key) in cases {
            tty.send(bytes)
            #expect(terminal.nextEvent(timeout: .seconds(5)) == .key(key), "\(key)")
            _ = tty.drain()
        }
    }

    @Test func extraDescriptorsWakeTheLoopAndSilenceTimesOut() throws {
        let tty = try PseudoTerminal(rows: 24, columns: 80)
        let terminal = try NcursesTerminal(
            input: tty.slave, output: tty.slave, terminalType: "xterm-256color")
        defer { terminal.close() }
        var pipeEnds: [Int32] = [0, 0]
        try #require(pipe(&pipeEnds) == 0)
        defer {
            close(pipeEnds[0])
            close(pipeEnds[1])
        }
        #expect(terminal.nextEvent(timeout: .milliseconds(30), wakeOn: [pipeEnds[0]]) == .timeout)
        _ = write(pipeEnds[1], "x", 1)
        #expect(
            terminal.nextEvent(timeout: .seconds(5), wakeOn: [pipeEnds[0]]) == .wake(pipeEnds[0]))
        tty.send("k")
        #expect(
            terminal.nextEvent(timeout: .seconds(5), wakeOn: [pipeEnds[0]]) == .key(.character("k"))
        )
    }

    @Test func framesReachTheTerminalAndAResizeIsReported() throws {
        let tty = try PseudoTerminal(rows: 25, columns: 81)
        let terminal = try NcursesTerminal(
            input: tty.slave, output: tty.slave, terminalType: "xterm-256color")
        defer { terminal.close() }
        #expect(terminal.size == Size(rows: 25, columns: 81))
        let renderer = Renderer(terminal: terminal)
        let draw: (Canvas) -> Void = { canvas in
            canvas.box(canvas.area, title: "Größe")
            canvas.put("Fahrradanhänger 予約", row: 2, column: 2, role: .selected)
        }
        renderer.render(draw)
        let written = tty.drain()
        #expect(written.contains("Größe"))
        #expect(written.contains("Fahrradanhänger 予約"))
        #expect(written.contains("┌─"))

        tty.resize(rows: 30, columns: 100)
        // The kernel signals the terminal's foreground process group; this process is not
        // in it, so it signals itself. To the process, not the thread: test threads may
        // block the signal.
        kill(getpid(), SIGWINCH)
        #expect(terminal.nextEvent(timeout: .seconds(5)) == .resize(Size(rows: 30, columns: 100)))
        renderer.render(draw)
        #expect(renderer.shownFrame.size == Size(rows: 30, columns: 100))
        #expect(renderer.shownFrame.text(ofRow: 29).hasSuffix("┘"))
    }

    @Test func closingGivesTheTerminalBack() throws {
        let tty = try PseudoTerminal(rows: 24, columns: 80)
        var before = termios()
        tcgetattr(tty.slave, &before)
        let terminal = try NcursesTerminal(
            input: tty.slave, output: tty.slave, terminalType: "xterm-256color")
        var during = termios()
        tcgetattr(tty.slave, &during)
        #expect(during.c_lflag & tcflag_t(ECHO) == 0)
        #expect(during.c_iflag & tcflag_t(IXON) == 0)
        #expect(throws: TerminalError.self) {
            _ = try NcursesTerminal(input: tty.slave, output: tty.slave, terminalType: "xterm")
        }
        terminal.close()
        var after = termios()
        tcgetattr(tty.slave, &after)
        #expect(after.c_lflag == before.c_lflag)
        #expect(after.c_iflag == before.c_iflag)
        let again = try NcursesTerminal(input: tty.slave, output: tty.slave, terminalType: "xterm")
        again.close()
    }

    @Test func aTerminalWritingToDevNullRendersForBenchmarks() throws {
        let devNull = open("/dev/null", O_RDWR)
        try #require(devNull >= 0)
        defer { close(devNull) }
        let terminal = try NcursesTerminal(
            input: devNull, output: devNull, terminalType: "xterm-256color")
        defer { terminal.close() }
        #expect(terminal.size.columns >= 80 && terminal.size.rows >= 24)
        var list = SelectList(items: (1...200).map { ListItem("Angebot \($0)") })
        let timings = RedrawBenchmark.measure(
            keys: [.down, .down, .pageDown], renderer: Renderer(terminal: terminal),
            handle: { _ = list.handle($0, keymap: keymap()) },
            draw: { list.draw(in: $0, focused: true) })
        #expect(timings.samples.count == 3)
        #expect(list.selection > 2)
    }

    @Test func anUnknownTerminalTypeIsAnError() throws {
        let tty = try PseudoTerminal(rows: 24, columns: 80)
        #expect(throws: TerminalError(kind: .unknownTerminalType("no-such-terminal"))) {
            _ = try NcursesTerminal(
                input: tty.slave, output: tty.slave, terminalType: "no-such-terminal")
        }
    }
}
