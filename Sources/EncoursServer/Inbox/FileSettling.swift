/// Decides when a file in the inbox is complete: when its size, modification time and
/// inode have stayed the same for the settle time, as seen by the daemon itself.
///
/// Writers should write under a temporary name and rename (``InboxFolder``), but many
/// copy straight to the final name (`cp`, `scp`, an SMB client), and a slow copy looks
/// like a complete file between two writes. The file's own modification time cannot tell:
/// `cp -p`, `rsync -t` and `scp -p` set an old one. So the clock starts when the daemon
/// first sees the file as it is, and restarts at every change.
struct FileSettling {
    private struct Seen {
        var state: InboxFolder.FileState
        var since: ContinuousClock.Instant
    }

    let settleTime: Duration
    private var seen: [String: Seen] = [:]

    init(settleTime: Duration) {
        self.settleTime = settleTime
    }

    /// Takes a listing of the folder at `now`; returns the files settled, in name order
    /// (the order an operator gives dated names: `2026-05-01.ndjson` before
    /// `2026-05-02.ndjson`), and when the next file still settling will be.
    mutating func observe(_ files: [String: InboxFolder.FileState], at now: ContinuousClock.Instant)
        -> (settled: [String], nextDue: ContinuousClock.Instant?)
    {
        seen = seen.filter { files[$0.key] != nil }
        var settled: [String] = []
        var nextDue: ContinuousClock.Instant?
        for (name, state) in files {
            if let previous = seen[name], previous.state == state {
                let due = previous.since + settleTime
                if due <= now {
                    settled.append(name)
                } else {
                    nextDue = min(nextDue ?? due, due)
                }
            } else {
                seen[name] = Seen(state: state, since: now)
                let due = now + settleTime
                if settleTime == .zero {
                    settled.append(name)
                } else {
                    nextDue = min(nextDue ?? due, due)
                }
            }
        }
        return (settled.sorted(), nextDue)
    }
}
