import Foundation
import Logging
import Synchronization

/// The process-wide log level, changed by SIGHUP while the daemon runs.
final class LogLevelBox: Sendable {
    private let level: Mutex<Logger.Level>

    init(_ level: Logger.Level) {
        self.level = Mutex(level)
    }

    var current: Logger.Level { level.withLock { $0 } }

    func set(_ new: Logger.Level) {
        level.withLock { $0 = new }
    }
}

/// One plain line per message on stderr, which journald stores as is: a syslog priority
/// prefix (`<6>`) so `journalctl -p warning` filters by level, no colours, no timestamp
/// (journald adds its own). On a terminal the prefix is replaced by the level's name.
struct JournalLogHandler: LogHandler {
    let label: String
    let levelBox: LogLevelBox
    var metadata: Logger.Metadata = [:]
    private let toJournal: Bool

    init(label: String, level: LogLevelBox) {
        self.label = label
        self.levelBox = level
        toJournal = isatty(STDERR_FILENO) == 0
    }

    var logLevel: Logger.Level {
        get { levelBox.current }
        set { levelBox.set(newValue) }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let prefix = toJournal ? "<\(Self.syslogPriority(event.level))>" : "\(event.level.rawValue.uppercased()) "
        let line = prefix + "\(event.message)" + (fields.isEmpty ? "" : " " + fields) + "\n"
        Self.writeToStandardError(line)
    }

    /// `write(2)`, whatever becomes of standard error: FileHandle traps when the reader is
    /// gone (a journald restart, a closed pipe), and a daemon must not die of a log line.
    static func writeToStandardError(_ line: String) {
        let bytes = Array(line.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                write(STDERR_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }

    static func syslogPriority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }
}
