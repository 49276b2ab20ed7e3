import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The inbox on disk: the files waiting in it, and the `done/` and `rejected/` folders a
/// file is moved to once imported or refused, each with its report beside it.
///
/// Writers must not be read half-way: a name that is a dot-file or ends in `.part`,
/// `.partial`, `.filepart` (WinSCP), `.tmp` or `~` is a file still being written, which is
/// renamed into place when complete (rename is atomic within a file system), and is left
/// alone. Only regular files are taken: a symbolic link could make the daemon read, and
/// quote in a report, a file its dropper may not read.
struct InboxFolder: Sendable {
    /// Where an imported file goes.
    enum Outcome: String, Sendable {
        case done
        case rejected
    }

    /// What tells a file's content has changed without reading it: a write or a
    /// truncation changes the size or the modification time, a replacement the inode.
    struct FileState: Sendable, Equatable {
        var size: Int64
        var inode: UInt64
        var modified: Double
    }

    static let temporarySuffixes = [".part", ".partial", ".filepart", ".tmp", "~"]
    static let reportSuffix = ".report.txt"

    let path: String

    /// Creates the folder, `done/` and `rejected/` when missing, or says why it cannot.
    func prepare() throws(ConfigurationError) {
        for folder in [path, subfolder(.done), subfolder(.rejected)] {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw ConfigurationError(
                    source: "inbox.folder",
                    message: "cannot create \(folder): \(error.localizedDescription)"
                )
            }
            guard access(folder, R_OK | W_OK | X_OK) == 0 else {
                throw ConfigurationError(
                    source: "inbox.folder",
                    message: "\(folder) is not readable and writable by the daemon: \(String(cString: strerror(errno)))"
                )
            }
        }
    }

    func subfolder(_ outcome: Outcome) -> String {
        (path as NSString).appendingPathComponent(outcome.rawValue)
    }

    /// The complete regular files waiting, by name.
    func waitingFiles() throws -> [String: FileState] {
        var files: [String: FileState] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: path) where Self.isComplete(name) {
            // Not following symbolic links: a link is not a regular file, and is left alone.
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: file(name)),
                attributes[.type] as? FileAttributeType == .typeRegular
            else { continue }
            files[name] = FileState(
                size: (attributes[.size] as? NSNumber)?.int64Value ?? -1,
                inode: (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0,
                modified: (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            )
        }
        return files
    }

    static func isComplete(_ name: String) -> Bool {
        !name.hasPrefix(".") && !temporarySuffixes.contains(where: name.hasSuffix)
    }

    func file(_ name: String) -> String {
        (path as NSString).appendingPathComponent(name)
    }

    /// The whole file, read in one go (it is checked whole before anything is appended).
    func contents(of name: String) throws(InboxFileError) -> [UInt8] {
        let descriptor = open(file(name), O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .system("cannot be opened", errno) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .system("cannot be read", errno)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// Moves `name` into `outcome`'s folder under a name free there (for the file and its
    /// report); returns that name: `invoices.ndjson`, or `invoices.2.ndjson` when an
    /// earlier file of that name is there. Never replaces a file.
    ///
    /// Checking that the name is free, then renaming, cannot race: the daemon is the only
    /// writer of `done/` and `rejected/`, and it moves one file at a time.
    func move(_ name: String, to outcome: Outcome) throws(InboxFileError) -> String {
        let folder = subfolder(outcome)
        let stored = Self.freeName(for: name) { candidate in
            let path = (folder as NSString).appendingPathComponent(candidate)
            return FileManager.default.fileExists(atPath: path)
                || FileManager.default.fileExists(atPath: path + Self.reportSuffix)
        }
        guard rename(file(name), (folder as NSString).appendingPathComponent(stored)) == 0 else {
            throw .system("cannot be moved to \(outcome.rawValue)/", errno)
        }
        return stored
    }

    /// Writes `text` as the report of the file stored as `stored` in `outcome`'s folder,
    /// whole or not at all (a temporary file renamed into place).
    func writeReport(_ text: String, for stored: String, in outcome: Outcome) throws(InboxFileError) {
        let path = (subfolder(outcome) as NSString).appendingPathComponent(stored + Self.reportSuffix)
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .report(path, error.localizedDescription)
        }
    }

    /// `name` itself, or `name` with `.2`, `.3`, … before its extension, whichever is
    /// first not `taken`.
    static func freeName(for name: String, taken: (String) -> Bool) -> String {
        guard taken(name) else { return name }
        let (stem, suffix): (Substring, Substring)
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            (stem, suffix) = (name[..<dot], name[dot...])
        } else {
            (stem, suffix) = (name[...], "")
        }
        var counter = 2
        while taken("\(stem).\(counter)\(suffix)") { counter += 1 }
        return "\(stem).\(counter)\(suffix)"
    }
}

/// A file of the inbox that could not be read or moved, with the system's reason.
enum InboxFileError: Error, Sendable, CustomStringConvertible {
    case system(String, Int32)
    case report(String, String)

    var description: String {
        switch self {
        case .system(let what, let code): "\(what): \(String(cString: strerror(code)))"
        case .report(let path, let reason): "the report \(path) cannot be written: \(reason)"
        }
    }
}
