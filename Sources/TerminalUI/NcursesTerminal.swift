import CNcursesw
import Glibc
import Synchronization

/// Why the terminal could not be started.
public struct TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// Standard input or output is not a terminal (e.g. the desk runs in a pipe).
        case notATerminal
        /// ncurses could not start with this terminal type (`TERM`).
        case unknownTerminalType(String)
        /// Another NcursesTerminal is open; ncurses drives one terminal at a time.
        case alreadyOpen
    }

    public var kind: Kind

    public init(kind: Kind) {
        self.kind = kind
    }

    public var description: String {
        switch kind {
        case .notATerminal: return "standard input or output is not a terminal"
        case .unknownTerminalType(let name): return "ncurses cannot use terminal type '\(name)'"
        case .alreadyOpen: return "a terminal is already open"
        }
    }
}

/// The real terminal, drawn through ncursesw.
///
/// Starting it sets the locale from the environment (falling back to C.UTF-8 when that is
/// not UTF-8, so umlauts and box lines work), switches the terminal to cbreak mode without
/// echo, with the keypad decoded, a 25 ms Escape delay, XON/XOFF off (so Ctrl-S and Ctrl-Q
/// reach the desk) and the cursor hidden. The terminal is always given back: by `close()`,
/// by `deinit`, at `exit`, and on SIGTERM, SIGINT and SIGHUP, after which the signal's
/// default action ends the program. It never prints anything itself.
///
/// ```swift
/// try NcursesTerminal.run { terminal in
///     let theme = files.theme(named: "default", colorsAvailable: terminal.supportsColor)
///     terminal.apply(theme.value)
///     let renderer = Renderer(terminal: terminal)
///     while true {
///         renderer.render { canvas in screen.draw(in: canvas) }
///         switch terminal.nextEvent(timeout: .seconds(1), wakeOn: [syncPipe]) { ... }
///     }
/// }
/// ```
public final class NcursesTerminal: Terminal {
    /// Whether the terminal can show colours; when false, use the monochrome theme.
    public let supportsColor: Bool

    private let screen: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    private let inputFile: UnsafeMutablePointer<FILE>
    private let outputFile: UnsafeMutablePointer<FILE>
    let inputDescriptor: Int32
    var pollSet: [pollfd] = []
    private var looks: [(attributes: attr_t, pair: Int16)]
    private var wide: [wchar_t] = []
    private var savedSignals: [(Int32, sigaction)] = []
    private var isClosed = false

    private static let isOpen = Atomic<Bool>(false)

    /// Starts ncurses on the process's standard input and output.
    public convenience init(theme: Theme? = nil) throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 else {
            throw TerminalError(kind: .notATerminal)
        }
        try self.init(input: STDIN_FILENO, output: STDOUT_FILENO, terminalType: nil, theme: theme)
    }

    /// Starts ncurses on other descriptors, e.g. a pseudo-terminal in a test.
    ///
    /// - Parameter terminalType: the terminfo name; nil takes `TERM` from the environment.
    public init(
        input: Int32, output: Int32, terminalType: String?, theme: Theme? = nil
    ) throws(TerminalError) {
        guard
            NcursesTerminal.isOpen.compareExchange(
                expected: false, desired: true, ordering: .acquiringAndReleasing
            ).exchanged
        else { throw TerminalError(kind: .alreadyOpen) }
        NcursesTerminal.prepareLocale()
        guard let inputFile = fdopen(dup(input), "r"), let outputFile = fdopen(dup(output), "w")
        else {
            NcursesTerminal.isOpen.store(false, ordering: .releasing)
            throw TerminalError(kind: .notATerminal)
        }
        guard let screen = newterm(terminalType, outputFile, inputFile), let window = bk_stdscr()
        else {
            fclose(inputFile)
            fclose(outputFile)
            NcursesTerminal.isOpen.store(false, ordering: .releasing)
            let name = terminalType ?? getenv("TERM").map { String(cString: $0) } ?? ""
            throw TerminalError(kind: .unknownTerminalType(name))
        }
        self.screen = screen
        self.window = window
        self.inputFile = inputFile
        self.outputFile = outputFile
        self.inputDescriptor = fileno(inputFile)
        self.supportsColor = has_colors()
        self.looks = Array(repeating: (attr_t(0), 0), count: Role.allCases.count)
        configureModes()
        installSignalHandlers()
        apply(theme ?? Theme(name: "plain"))
    }

    deinit {
        close()
    }

    /// Gives the terminal back to the shell. Safe to call more than once.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        endwin()
        delscreen(screen)
        fclose(inputFile)
        fclose(outputFile)
        for (signal, action) in savedSignals {
            var previous = action
            sigaction(signal, &previous, nil)
        }
        NcursesTerminal.isOpen.store(false, ordering: .releasing)
    }

    /// Runs `body` with a started terminal and gives the terminal back afterwards, also
    /// when `body` throws.
    public static func run<Result>(
        theme: Theme? = nil, _ body: (NcursesTerminal) throws -> Result
    ) throws -> Result {
        let terminal = try NcursesTerminal(theme: theme)
        defer { terminal.close() }
        return try body(terminal)
    }

    // MARK: - Terminal

    public var size: Size {
        Size(rows: Int(getmaxy(window)), columns: Int(getmaxx(window)))
    }

    public func put(_ text: String, row: Int, column: Int, role: Role) {
        let limit = Int(getmaxx(window)) - column
        guard row >= 0 && column >= 0 && limit > 0 && row < Int(getmaxy(window)) else { return }
        wide.removeAll(keepingCapacity: true)
        var used = 0
        for scalar in text.unicodeScalars {
            let width = max(0, TextWidth.cells(scalar))
            if used + width > limit { break }
            used += width
            wide.append(wchar_t(bitPattern: scalar.value))
        }
        let look = looks[Int(role.rawValue)]
        wattr_set(window, look.attributes, look.pair, nil)
        _ = mvwaddnwstr(window, Int32(row), Int32(column), wide, Int32(wide.count))
    }

    public func clear() {
        wclear(window)
    }

    public func flush() {
        wrefresh(window)
    }

    // MARK: - Theme

    /// Uses `theme` for every role drawn from now on. Colours are dropped when the
    /// terminal has none; bright colours fall back to their base colour on 8-colour
    /// terminals. Cells already on screen keep their old attributes: when changing the
    /// theme of a running screen, call `Renderer.invalidate()` so everything is redrawn.
    public func apply(_ theme: Theme) {
        let colored = supportsColor && theme.usesColor
        if colored {
            start_color()
            use_default_colors()
        }
        for role in Role.allCases {
            let appearance = theme[role]
            var pair: Int16 = 0
            if colored {
                pair = Int16(role.rawValue) + 1
                init_pair(
                    pair, colorNumber(appearance.foreground), colorNumber(appearance.background))
            }
            looks[Int(role.rawValue)] = (attributes(appearance.attributes), pair)
        }
    }

    private func colorNumber(_ color: Theme.Color) -> Int16 {
        guard case .indexed(let number) = color else { return -1 }
        let available = Int(bk_colors())
        if Int(number) < available { return Int16(number) }
        if number >= 8 && number < 16 { return Int16(number - 8) }
        return -1
    }

    private func attributes(_ attributes: Theme.Attributes) -> attr_t {
        var result = attr_t(0)
        if attributes.contains(.bold) { result |= bk_a_bold() }
        if attributes.contains(.dim) { result |= bk_a_dim() }
        if attributes.contains(.underline) { result |= bk_a_underline() }
        if attributes.contains(.reverse) { result |= bk_a_reverse() }
        if attributes.contains(.italic) { result |= bk_a_italic() }
        return result
    }

    // MARK: - Start-up

    /// The locale from the environment, `setlocale(LC_ALL, "")`, when it is UTF-8;
    /// otherwise the environment's locale for everything but the character type, which
    /// becomes C.UTF-8: ncurses needs UTF-8 for umlauts and box lines. The character type
    /// is never switched to a non-UTF-8 locale on the way, since other threads may be
    /// measuring text with `wcwidth` meanwhile.
    static func prepareLocale() {
        guard environmentLocaleIsUTF8() else {
            for category in [LC_COLLATE, LC_MONETARY, LC_NUMERIC, LC_TIME, LC_MESSAGES] {
                setlocale(category, "")
            }
            TextWidth.prepareLocale()
            return
        }
        setlocale(LC_ALL, "")
    }

    /// Whether the locale the environment asks for uses UTF-8, found without changing
    /// the process's locale.
    static func environmentLocaleIsUTF8() -> Bool {
        guard let locale = newlocale(LC_CTYPE_MASK, "", nil) else { return false }
        defer { freelocale(locale) }
        guard let codeset = nl_langinfo_l(nl_item(CODESET), locale) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    private func configureModes() {
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        leaveok(window, true)
        scrollok(window, false)
        set_escdelay(25)
        curs_set(0)
        var settings = termios()
        if tcgetattr(inputDescriptor, &settings) == 0 {
            settings.c_iflag &= ~tcflag_t(IXON)
            tcsetattr(inputDescriptor, TCSANOW, &settings)
            def_prog_mode()
        }
    }

    private func installSignalHandlers() {
        for signal in [SIGTERM, SIGINT, SIGHUP] {
            var action = sigaction()
            // endwin() is not on the list of async-signal-safe calls, but the process is
            // about to die anyway, and leaving the terminal raw and without echo is worse.
            action.__sigaction_handler.sa_handler = { received in
                endwin()
                Glibc.signal(received, SIG_DFL)
                raise(received)
            }
            sigemptyset(&action.sa_mask)
            var previous = sigaction()
            if sigaction(signal, &action, &previous) == 0 {
                savedSignals.append((signal, previous))
            }
        }
        NcursesTerminal.registerExitHandler
    }

    /// Restores the terminal when the program calls `exit` while it is open.
    private static let registerExitHandler: Void = {
        atexit {
            if isendwin() == false { endwin() }
        }
    }()
}
