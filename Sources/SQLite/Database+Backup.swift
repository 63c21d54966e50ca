import CSQLite

#if canImport(Glibc)
    import Glibc
#endif

extension Database {
    /// Copies the whole database into a new file at `path` with SQLite's online backup
    /// API.
    ///
    /// The copy is made in one step, inside one read transaction of this connection, so it
    /// is a consistent snapshot even while other connections write (in WAL mode writers
    /// do not wait for it). The new file is created with mode 0600, must not exist yet, and
    /// uses a rollback journal, so that it is one self-contained file.
    public func backup(to path: String) throws(SQLiteError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw SQLiteError(
                code: SQLITE_CANTOPEN, message: String(cString: strerror(errno)),
                context: "creating the backup file \(path)")
        }
        close(fd)
        do {
            try copy(into: path)
        } catch {
            unlink(path)
            throw error
        }
    }

    private func copy(into path: String) throws(SQLiteError) {
        var pointer: OpaquePointer?
        let rc = sqlite3_open_v2(path, &pointer, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let target = pointer else {
            sqlite3_close_v2(pointer)
            throw SQLiteError(code: rc, message: "cannot open", context: "opening \(path)")
        }
        defer { sqlite3_close_v2(target) }
        guard let backup = sqlite3_backup_init(target, "main", handle, "main") else {
            throw SQLiteError(
                code: sqlite3_extended_errcode(target),
                message: String(cString: sqlite3_errmsg(target)), context: "starting a backup")
        }
        let stepped = sqlite3_backup_step(backup, -1)
        let finished = sqlite3_backup_finish(backup)
        guard stepped == SQLITE_DONE, finished == SQLITE_OK else {
            throw SQLiteError(
                code: stepped == SQLITE_DONE ? finished : stepped,
                message: String(
                    cString: sqlite3_errstr(stepped == SQLITE_DONE ? finished : stepped)),
                context: "copying into \(path)")
        }
        // The copied header says WAL; a backup is one file, so switch it to a rollback
        // journal (this rewrites the header).
        let journal = sqlite3_exec(target, "PRAGMA journal_mode=DELETE", nil, nil, nil)
        guard journal == SQLITE_OK else {
            throw SQLiteError(
                code: journal, message: String(cString: sqlite3_errmsg(target)),
                context: "setting the backup's journal mode")
        }
    }

    /// SQLite's own check of the file's structure: true when `PRAGMA integrity_check`
    /// answers "ok".
    public func isIntact() throws(SQLiteError) -> Bool {
        try queryOne("PRAGMA integrity_check")?.text(0) == "ok"
    }
}
