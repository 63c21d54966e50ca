import Foundation
import Logging
import TestFiles
import Testing

@Suite struct LoggerTests {
    @Test func writesOneLinePerRecordAtOrAboveItsLevel() throws {
        let folder = TemporaryFolder()
        let path = folder.file("server.log")
        do {
            let logger = try Logger(label: "test", level: .info, path: path)
            logger.info("request", ["method": "GET", "path": "/api/v1/health", "note": "a b"])
            logger.debug("hidden")
            logger.error("broken\nline")
        }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(
            lines[0].contains(" info [test] request method=GET path=/api/v1/health note=\"a b\""))
        #expect(lines[1].hasSuffix("error [test] broken line"))
        #expect(lines[0].first?.isNumber == true)
        #expect(lines[0].split(separator: " ")[0].hasSuffix("Z"))
    }

    @Test func levelsParseFromTheirNames() {
        #expect(LogLevel(name: "DEBUG") == .debug)
        #expect(LogLevel(name: "warn") == .warning)
        #expect(LogLevel(name: "loud") == nil)
        #expect(LogLevel.error < LogLevel.debug)
    }

    @Test func concurrentRecordsNeverInterleave() throws {
        let folder = TemporaryFolder()
        let path = folder.file("server.log")
        do {
            let logger = try Logger(label: "t", level: .info, path: path)
            DispatchQueue.concurrentPerform(iterations: 8) { worker in
                for i in 0..<200 {
                    logger.info(
                        String(repeating: "x", count: 300), ["worker": "\(worker)", "i": "\(i)"])
                }
            }
        }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1600)
        #expect(lines.allSatisfy { $0.contains(" info [t] " + String(repeating: "x", count: 300)) })
    }

    @Test func unopenableFileIsATypedError() {
        #expect(throws: LogFileError.self) {
            _ = try Logger(label: "t", path: "/nonexistent-folder/x.log")
        }
    }
}
