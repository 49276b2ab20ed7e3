import Foundation

/// A fresh folder under the system's temporary directory, removed when the value goes away.
///
/// Exists so that every test that touches files (databases, input files) gets its own
/// folder: tests run in parallel without sharing a file, and leave nothing behind. Hold it
/// in a stored property (or keep it alive otherwise) for as long as the folder is used.
public final class TemporaryDirectory: Sendable {
    public let path: String

    /// Creates `<temporary directory>/<prefix>-<UUID>`.
    public init(prefix: String) throws {
        path =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// A path inside the folder.
    public func file(_ name: String) -> String {
        (path as NSString).appendingPathComponent(name)
    }
}
