/// The table at the start of a snapshot's body, then the parts it lists, back to back:
/// `u32` count, then per part `u32` kind, `u64` element count, `u64` byte length.
///
/// The body is cut in parts so that restoring decodes them on all cores at once: entries
/// in runs, accounts in runs (``LedgerImage``), owners whole.
struct SnapshotSection: Equatable {
    enum Kind: UInt32 {
        /// A run of entries, in log order (`SnapshotEntries`).
        case entries = 1
        /// A run of accounts (``LedgerImage/encodeAccounts(of:in:)``).
        case accounts = 2
        /// The document owners (``LedgerImage/encodeOwners(of:)``).
        case owners = 3
    }

    var kind: Kind
    var count: Int
    /// Where the part lies in the body.
    var range: Range<Int>

    static let tableEntrySize = 20

    static func table(_ sections: [(kind: Kind, count: Int, length: Int)]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4 + sections.count * tableEntrySize)
        withUnsafeBytes(of: UInt32(sections.count).littleEndian) { bytes += $0 }
        for section in sections {
            withUnsafeBytes(of: section.kind.rawValue.littleEndian) { bytes += $0 }
            withUnsafeBytes(of: UInt64(section.count).littleEndian) { bytes += $0 }
            withUnsafeBytes(of: UInt64(section.length).littleEndian) { bytes += $0 }
        }
        return bytes
    }

    /// The parts of `body`, checked to tile it exactly.
    static func parse(_ body: UnsafeRawBufferPointer) -> Result<[SnapshotSection], SnapshotRefusal> {
        guard body.count >= 4 else { return .failure(.init("undecodable: the body has no section table")) }
        let count = Int(UInt32(littleEndian: body.loadUnaligned(as: UInt32.self)))
        var offset = 4 + count * tableEntrySize
        guard count <= body.count / tableEntrySize, offset <= body.count else {
            return .failure(.init("undecodable: \(count) sections do not fit in the body"))
        }
        var sections: [SnapshotSection] = []
        for index in 0..<count {
            let entry = 4 + index * tableEntrySize
            let rawKind = UInt32(littleEndian: body.loadUnaligned(fromByteOffset: entry, as: UInt32.self))
            let elements = UInt64(littleEndian: body.loadUnaligned(fromByteOffset: entry + 4, as: UInt64.self))
            let length = UInt64(littleEndian: body.loadUnaligned(fromByteOffset: entry + 12, as: UInt64.self))
            guard let kind = Kind(rawValue: rawKind) else {
                return .failure(.init("undecodable: section kind \(rawKind) is not known"))
            }
            guard length <= UInt64(body.count - offset), elements <= UInt64(Int32.max) else {
                return .failure(.init("undecodable: section \(index) goes past the end of the body"))
            }
            sections.append(SnapshotSection(kind: kind, count: Int(elements), range: offset..<(offset + Int(length))))
            offset += Int(length)
        }
        guard offset == body.count else {
            return .failure(.init("undecodable: \(body.count - offset) bytes after the last section"))
        }
        return .success(sections)
    }
}
