import CNcursesw
import Glibc

extension NcursesTerminal {
    /// Waits with poll(2) on the terminal and on `wakeOn`, then reads the key with
    /// `wget_wch` without blocking. Keys that ncurses already holds come first; the wait
    /// is cut into slices of at most 250 ms so a resize that arrives between two polls is
    /// noticed soon.
    public func nextEvent(timeout: Duration?, wakeOn: [Int32]) -> Event {
        if let event = readKey() { return event }
        let clock = ContinuousClock()
        let deadline = timeout.map { clock.now + $0 }
        var watchInput = true
        while true {
            let remaining = deadline.map { clock.now.duration(to: $0) }
            if let remaining, remaining <= .zero { return .timeout }
            let slice = min(remaining.map(milliseconds) ?? 250, 250)
            let ready = waitForInput(slice: slice, watchInput: watchInput, wakeOn: wakeOn)
            if ready.inputClosed { watchInput = false }
            if let event = readKey() { return event }
            if let descriptor = ready.wake { return .wake(descriptor) }
        }
    }

    private func waitForInput(
        slice: Int32, watchInput: Bool, wakeOn: [Int32]
    ) -> (wake: Int32?, inputClosed: Bool) {
        pollSet.removeAll(keepingCapacity: true)
        pollSet.append(
            pollfd(fd: watchInput ? inputDescriptor : -1, events: Int16(POLLIN), revents: 0))
        for descriptor in wakeOn {
            pollSet.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0))
        }
        guard poll(&pollSet, nfds_t(pollSet.count), slice) > 0 else { return (nil, false) }
        let closedMask = Int16(POLLHUP | POLLERR | POLLNVAL)
        let inputClosed =
            pollSet[0].revents & closedMask != 0 && pollSet[0].revents & Int16(POLLIN) == 0
        let wake = pollSet.dropFirst().first { $0.revents != 0 }?.fd
        return (wake, inputClosed)
    }

    private func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        let total = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: max(0, total))
    }

    /// The next key or resize ncurses can give without waiting; nil when there is none.
    func readKey() -> Event? {
        wtimeout(window, 0)
        while true {
            var code: wint_t = 0
            let status = wget_wch(window, &code)
            if status == ERR { return nil }
            if status == KEY_CODE_YES {
                if Int32(code) == KEY_RESIZE { return .resize(size) }
                if let key = NcursesTerminal.namedKey(Int32(code)) { return .key(key) }
                continue
            }
            if let key = character(code) { return .key(key) }
        }
    }

    /// A typed character; Escape followed at once by a character is Alt with it.
    private func character(_ code: wint_t) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 27: return escapeOrAlt()
        case 1...26: return .control(Unicode.Scalar(UInt8(code) + 0x60))
        case 0..<32: return nil
        default: return Unicode.Scalar(UInt32(code)).map(Key.character)
        }
    }

    private func escapeOrAlt() -> Key {
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        if status == OK, code >= 32 && code != 127, let scalar = Unicode.Scalar(UInt32(code)) {
            return .alt(scalar)
        }
        if status == OK {
            unget_wch(wchar_t(bitPattern: code))
        } else if status == KEY_CODE_YES {
            ungetch(Int32(code))
        }
        return .escape
    }

    // FIXME: Ctrl- and Shift-modified arrows and F13 to F24 (Shift-F1...) arrive as
    // extended key codes that are dropped here, so keymaps cannot bind them yet.
    static func namedKey(_ code: Int32) -> Key? {
        if code > KEY_F0 && code <= KEY_F0 + 12 { return .function(Int(code - KEY_F0)) }
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME, KEY_FIND: return .home
        case KEY_END, KEY_SELECT: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_IC: return .insert
        case KEY_DC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        default: return nil
        }
    }
}
