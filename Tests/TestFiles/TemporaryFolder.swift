import Foundation

/// A folder of its own under the system's temporary directory, for one test: tests run in
/// parallel and must never share files. Removed with everything in it when released.
public final class TemporaryFolder: Sendable {
    /// The folder's absolute path, without a trailing slash.
    public let path: String

    /// - Parameter prefix: the start of the folder's name, to tell which tests left it
    ///   behind after a crash.
    public init(prefix: String = "booking-test") {
        path = NSTemporaryDirectory() + prefix + "-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The folder as a file URL.
    public var url: URL { URL(fileURLWithPath: path, isDirectory: true) }

    /// The path of `name` inside the folder (which need not exist yet).
    public func file(_ name: String) -> String { path + "/" + name }

    /// Writes `text` to `relativePath`, creating the folders on the way.
    public func write(_ text: String, to relativePath: String) {
        let full = URL(fileURLWithPath: file(relativePath))
        try! FileManager.default.createDirectory(
            at: full.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: full)
    }
}
