import Foundation

/// A unique folder under the system's temporary directory, removed when released.
final class TemporaryFolder {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "infra-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func file(_ name: String) -> String { path + "/" + name }
}
