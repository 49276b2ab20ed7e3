/// Why a snapshot could not be written: the file system refused (no space, no permission,
/// a missing folder). The previous snapshot, if any, is still in place and whole.
///
/// Reading never throws: a snapshot that cannot be used is reported as
/// ``SnapshotReadResult/ignored(reason:)``, because the log can always rebuild the ledger.
public struct LedgerSnapshotError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { "snapshot not written: \(message)" }
}
