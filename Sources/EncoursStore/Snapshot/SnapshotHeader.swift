import EncoursCore

/// The fixed 104 bytes a snapshot file starts with (integers little-endian):
///
/// | offset | size | field |
/// |---|---|---|
/// | 0 | 8 | magic `ENCSNAP` and a zero byte |
/// | 8 | 4 | file format version (``LedgerSnapshot/formatVersion``) |
/// | 12 | 4 | ledger image version (``LedgerImage/formatVersion``) |
/// | 16 | 8 | last sequence of the ledger |
/// | 24 | 8 | entry count |
/// | 32 | 8 | body length in bytes |
/// | 40 | 32 | the log's chain hash of row `last sequence` |
/// | 72 | 32 | SHA-256 of bytes 0..<72 followed by the body |
///
/// Everything a reader needs before trusting the body: whether it is a snapshot at all,
/// whether this binary reads its version, whether it is whole, which log it belongs to.
/// The checksum covers the header's own fields, so a flipped sequence is caught too.
struct SnapshotHeader: Equatable {
    static let magic: [UInt8] = Array("ENCSNAP".utf8) + [0]
    static let size = 104
    /// The bytes the checksum covers before the body.
    static let checksummedSize = 72

    var formatVersion: UInt32 = LedgerSnapshot.formatVersion
    var imageVersion: UInt32 = LedgerImage.formatVersion
    var lastSequence: Int64
    var entryCount: Int64
    var bodyLength: UInt64
    var logHash: [UInt8]
    var checksum: [UInt8] = []

    init(lastSequence: Int64, entryCount: Int64, bodyLength: UInt64, logHash: [UInt8]) {
        self.lastSequence = lastSequence
        self.entryCount = entryCount
        self.bodyLength = bodyLength
        self.logHash = logHash
    }

    /// The first 72 bytes: everything but the checksum.
    var checksummedBytes: [UInt8] {
        var bytes = Self.magic
        bytes.reserveCapacity(Self.size)
        Self.append(formatVersion, to: &bytes)
        Self.append(imageVersion, to: &bytes)
        Self.append(lastSequence, to: &bytes)
        Self.append(entryCount, to: &bytes)
        Self.append(bodyLength, to: &bytes)
        bytes += logHash
        return bytes
    }

    /// Reads a header from the first bytes of a file of `fileSize` bytes, refusing what this
    /// binary cannot use, in the order that gives the most useful reason: not a snapshot,
    /// another version, not whole.
    static func parse(_ file: UnsafeRawBufferPointer, fileSize: Int) -> Result<SnapshotHeader, SnapshotRefusal> {
        guard file.count >= magic.count else {
            return .failure(.init("truncated: \(file.count) bytes, shorter than a snapshot header"))
        }
        guard file.prefix(magic.count).elementsEqual(magic) else {
            return .failure(.init("not an encours snapshot (bad magic)"))
        }
        guard file.count >= size else {
            return .failure(.init("truncated: \(file.count) bytes, shorter than a snapshot header (\(size))"))
        }
        let formatVersion = load(UInt32.self, file, at: 8)
        guard formatVersion == LedgerSnapshot.formatVersion else {
            return .failure(
                .init("unknown format version \(formatVersion) (this binary reads \(LedgerSnapshot.formatVersion))")
            )
        }
        let imageVersion = load(UInt32.self, file, at: 12)
        guard imageVersion == LedgerImage.formatVersion else {
            return .failure(
                .init("unknown ledger image version \(imageVersion) (this binary reads \(LedgerImage.formatVersion))")
            )
        }
        var header = SnapshotHeader(
            lastSequence: load(Int64.self, file, at: 16),
            entryCount: load(Int64.self, file, at: 24),
            bodyLength: load(UInt64.self, file, at: 32),
            logHash: Array(file[40..<72])
        )
        header.checksum = Array(file[72..<104])
        let actual = UInt64(fileSize - size)
        guard header.bodyLength == actual else {
            let state = header.bodyLength > actual ? "truncated" : "trailing bytes"
            return .failure(
                .init("\(state): the header announces \(header.bodyLength) bytes of body, the file has \(actual)")
            )
        }
        return .success(header)
    }

    private static func append<Value: FixedWidthInteger>(_ value: Value, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    private static func load<Value: FixedWidthInteger>(_: Value.Type, _ file: UnsafeRawBufferPointer, at offset: Int)
        -> Value
    {
        Value(littleEndian: file.loadUnaligned(fromByteOffset: offset, as: Value.self))
    }
}

/// Why a snapshot was set aside: becomes ``SnapshotReadResult/ignored(reason:)``.
struct SnapshotRefusal: Error, Equatable {
    var reason: String

    init(_ reason: String) {
        self.reason = reason
    }
}
