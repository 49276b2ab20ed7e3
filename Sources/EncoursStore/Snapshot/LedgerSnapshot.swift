import Crypto
import EncoursCore

/// Snapshots of the ledger: the projection written to a file every so many events and at
/// shutdown, so that a start restores it and replays only the log rows after it.
///
/// A restart that replays a million events spends most of its time applying them again;
/// a snapshot holds the applied state itself (``LedgerImage``) with the entries (a
/// backdated event or a past `as_of` reruns a timeline from them), and restores it on all
/// cores with a fraction of the hashing.
///
/// It is a cache of what the log says, never a second truth: versioned and checksummed,
/// and tied to its log by the chain hash of its last row. A file of an unknown version,
/// damaged, or of another log is ignored with a reason and the log is replayed instead.
///
/// The file: a 104-byte header (``SnapshotHeader``: magic, versions, last sequence, entry
/// count, body length, the log's hash, SHA-256 of header and body), then the body: a table
/// of parts and the parts (``SnapshotSection``): runs of entries in the log's record format
/// (`SnapshotEntries`), runs of accounts and the document owners (``LedgerImage``).
public enum LedgerSnapshot {
    /// The layout of the file (header, table, entry runs); the parts of ``LedgerImage``
    /// carry their own version in the header.
    public static let formatVersion: UInt32 = 1

    /// Writes `ledger` to `path`, replacing any snapshot there only once the new one is
    /// whole and synced: a crash mid-write leaves the previous file in place.
    ///
    /// `logHash`: the log's chain hash of row ``Ledger/lastSequence`` (``EventLog/hash(at:)``,
    /// or ``EventLog/lastHash`` when the ledger holds the whole log). Pure work on a value:
    /// a copy of the ledger can be written on any thread while the writer goes on.
    public static func write(_ ledger: Ledger, logHash: [UInt8], to path: String) throws(LedgerSnapshotError) {
        guard logHash.count == EventHashChain.hashByteCount else {
            throw LedgerSnapshotError("the log hash has \(logHash.count) bytes, not \(EventHashChain.hashByteCount)")
        }
        let body = SnapshotEncoder.body(of: ledger)
        var header = SnapshotHeader(
            lastSequence: ledger.lastSequence,
            entryCount: Int64(ledger.entryCount),
            bodyLength: UInt64(body.reduce(0) { $0 + $1.count }),
            logHash: logHash
        )
        let checksummed = header.checksummedBytes
        var hash = SHA256()
        hash.update(data: checksummed)
        for part in body { hash.update(data: part) }
        header.checksum = Array(hash.finalize())
        try SnapshotReplacement.replace(path, with: [checksummed + header.checksum] + body)
    }

    /// Reads the snapshot at `path`, whoever's log it belongs to: the caller compares
    /// `logHash` with its log. Never throws: a file that cannot be used is `ignored`.
    public static func read(from path: String) -> SnapshotReadResult {
        read(from: path, logLastSequence: nil) { _ in nil }
    }

    /// Reads the snapshot at `path` for `log`: ignored unless the log holds its last row
    /// with the same chain hash (it was written from this log, or a copy of it). The log is
    /// checked from the header, before the body is decoded.
    public static func read(from path: String, for log: EventLog) -> SnapshotReadResult {
        let logSequence = log.lastSequence
        return read(from: path, logLastSequence: logSequence) { header in
            guard header.lastSequence <= logSequence else {
                return "the snapshot is at seq \(header.lastSequence), beyond the log's last seq \(logSequence)"
            }
            let hash: [UInt8]?
            do throws(EventLogError) {
                hash = try log.hash(at: header.lastSequence)
            } catch {
                return "cannot read the log's hash of seq \(header.lastSequence): \(error.message)"
            }
            guard hash == header.logHash else {
                return "the snapshot belongs to another log: the hash of seq \(header.lastSequence) differs"
            }
            return nil
        }
    }

    /// `refusal(header)`: why the caller cannot use a snapshot with this header, if so.
    /// `logLastSequence`: the log's last row, when the caller will append the rows after
    /// the snapshot's (the entries are allocated once, room for them included).
    static func read(
        from path: String,
        logLastSequence: Int64?,
        refusal: (SnapshotHeader) -> String?
    ) -> SnapshotReadResult {
        let file: SnapshotFile
        switch SnapshotFile.open(path) {
        case .missing: return .missing
        case .failed(let reason): return .ignored(reason: reason)
        case .opened(let opened): file = opened
        }
        let header: SnapshotHeader
        let parsed = file.prefix(SnapshotHeader.size).flatMap { prefix in
            prefix.withUnsafeBytes { SnapshotHeader.parse($0, fileSize: file.size) }
        }
        switch parsed {
        case .success(let value): header = value
        case .failure(let refusal): return .ignored(reason: refusal.reason)
        }
        let refused = refusal(header)
        let bytes: [UInt8]
        switch file.whole() {
        case .success(let value): bytes = value
        case .failure(let refusal): return .ignored(reason: refused ?? refusal.reason)
        }
        return bytes.withUnsafeBytes { bytes in
            // The header was read again with the body: what is decoded is what is checked.
            guard SnapshotHeader.parse(bytes, fileSize: bytes.count) == .success(header) else {
                return .ignored(reason: "\(path) changed while it was read")
            }
            if let refused {
                // Damage in the header can look like another log: the checksum tells.
                let matches = SnapshotDecoder.checksumMatches(file: bytes, header: header)
                return .ignored(reason: matches ? refused : SnapshotDecoder.checksumRefusal.reason)
            }
            let tail = logLastSequence.map { max(0, min($0 - header.lastSequence, Int64(Int32.max))) } ?? 0
            switch SnapshotDecoder.ledger(file: bytes, header: header, extraCapacity: Int(tail)) {
            case .success(let ledger): return .restored(ledger, sequence: header.lastSequence, logHash: header.logHash)
            case .failure(let refusal): return .ignored(reason: refusal.reason)
            }
        }
    }
}
