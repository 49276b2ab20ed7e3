import Foundation

/// A built executable of the package (`encours`, `encoursd`): SwiftPM puts it in the
/// products folder that also holds the test binary, so it is looked for next to the
/// running test process. `ENCOURS_BINARY` / `ENCOURSD_BINARY` override the search.
///
/// Tests run the real binaries, as a user would, rather than calling their code.
public enum BuiltExecutable {
    public struct NotFound: Error, CustomStringConvertible {
        public var name: String
        public var searched: [String]
        public var description: String {
            "the \(name) executable was not found (looked in: \(searched.joined(separator: ", "))); "
                + "build it with `swift build` first, or set \(name.uppercased())_BINARY"
        }
    }

    public static func path(of name: String) throws -> String {
        let fileManager = FileManager.default
        if let given = ProcessInfo.processInfo.environment["\(name.uppercased())_BINARY"] {
            guard fileManager.isExecutableFile(atPath: given) else { throw NotFound(name: name, searched: [given]) }
            return given
        }
        var folders: [URL] = []
        if let exe = try? fileManager.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            folders.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        if let first = CommandLine.arguments.first {
            folders.append(URL(fileURLWithPath: first).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        // macOS: the tests run inside `EncoursPackageTests.xctest/Contents/MacOS`.
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        var searched: [String] = []
        for folder in folders {
            let candidate = folder.appendingPathComponent(name).path
            searched.append(candidate)
            if fileManager.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw NotFound(name: name, searched: searched)
    }
}
