import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension TmuxSession {
    /// The process id of the program in the pane (`env -i` execs it, so it is the
    /// program itself); nil when tmux does not say.
    public func programPID() -> pid_t? {
        let answer = Self.shell(
            "timeout 10 tmux -L " + Self.quoted(socket) + " -f /dev/null display-message -p -t "
                + "desk '#{pane_pid}'")
        return pid_t(answer.output.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Kills the program with SIGKILL, as a power cut or `kill -9` would end it: no
    /// handler runs, nothing is flushed. Returns whether a signal was sent.
    @discardableResult
    public func killProgram() -> Bool {
        guard let pid = programPID(), pid > 0 else { return false }
        return kill(pid, SIGKILL) == 0
    }
}
