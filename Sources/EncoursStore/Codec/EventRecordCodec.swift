import Crypto
import EncoursCore

/// The compact binary form of an ``Event`` stored in the log's `record` column.
///
/// Replay must rebuild millions of events in seconds; re-parsing the JSON payloads would
/// take minutes (PLATFORM.md). This format decodes at several million events per second,
/// and because it is deterministic (equal events give equal bytes, and every value has one
/// canonical encoding) comparing record bytes is how the log tells a duplicate from a
/// conflict under the same idempotency key.
///
/// Format version 1, in order:
///
/// - 1 byte: format version (`1`, or `2` or `3` below).
/// - 1 byte: ``EventType/code``.
/// - the type's fields, in the order of its initializer (see `EventRecordCodec+Encoding`),
///   each as:
///   - string or id: varint byte length, then UTF-8;
///   - ``Money``: zig-zag varint of its minor units;
///   - ``Day``: `daysSinceEpoch` as 4 bytes little-endian;
///   - `Int` (terms in days): zig-zag varint;
///   - enum (policy, outcome): 1 byte, an explicit code per case (never the case order);
///   - optional: 1 byte presence flag (0 absent, 1 present), then the value if present;
///   - array: varint count, then the elements.
///
/// Varints are LEB128 (7 bits per byte, least significant first) in their shortest form.
/// Adding a field means a new format version; decoders keep reading the old ones.
///
/// Format version 2 is version 1 with one field more: `order.placed` followed by its
/// `override` (a string, present by definition). An event is written in the oldest version
/// that holds it, so every event without an override keeps its version-1 bytes: a log
/// written before version 2 existed still tells duplicates from conflicts and derives the
/// same content keys, and each event still has exactly one encoding. A version-2 record of
/// any other type is refused.
///
/// Format version 3 is version 1 with two fields more at the end of a customer profile
/// (`customer.registered`, `customer.updated`): the credit insurer's name (optional string)
/// and its cover (optional ``Money``). Written only when the profile has one of them, so
/// every profile without them keeps its version-1 bytes; a version-3 record of any other
/// type is refused.
public enum EventRecordCodec {
    /// The newest version this codec reads and writes.
    public static let formatVersion: UInt8 = 3

    /// The version `event` is written in: the oldest one that holds all its fields.
    public static func version(of event: Event) -> UInt8 {
        switch event {
        case .orderPlaced(let placed) where placed.override != nil: return 2
        case .customerRegistered(let registered) where registered.profile.needsInsurerFields: return 3
        case .customerUpdated(let updated) where updated.profile.needsInsurerFields: return 3
        default: return 1
        }
    }

    public static func encode(_ event: Event) -> [UInt8] {
        var writer = ByteWriter(capacity: 64)
        encode(event, to: &writer)
        return writer.bytes
    }

    /// Appends the record to `writer`: a snapshot encodes a million records into one buffer
    /// without an array per event.
    static func encode(_ event: Event, to writer: inout ByteWriter) {
        writer.byte(version(of: event))
        writer.byte(event.type.code)
        writeFields(of: event, to: &writer)
    }

    /// Decodes a record, validating every byte: a truncated or over-long record, an unknown
    /// version, type or enum value, or invalid UTF-8 throws instead of guessing.
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(EventRecordError) -> Event {
        var reader = RecordReader(bytes)
        let version = try reader.byte()
        guard version >= 1, version <= formatVersion else {
            throw EventRecordError(.unsupportedVersion, at: 0, "record format version \(version) is not known")
        }
        let code = try reader.byte()
        guard let type = EventType(code: code) else {
            throw EventRecordError(.unknownType, at: 1, "event type code \(code) is not known")
        }
        guard version == 1 || (version == 2 && type == .orderPlaced)
            || (version == 3 && (type == .customerRegistered || type == .customerUpdated))
        else {
            throw EventRecordError(
                .unsupportedVersion,
                at: 0,
                "record format version \(version) holds no \(type.rawValue) (version 1 does)"
            )
        }
        let event = try readFields(of: type, version: version, from: &reader)
        try reader.finish()
        return event
    }

    public static func decode(_ bytes: [UInt8]) throws(EventRecordError) -> Event {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(EventRecordError) in try decode(buffer) }
        }
        return try result.get()
    }

    /// The idempotency key of DESIGN §3: the event's natural key when it has one
    /// (`invoice.issued:FA-2026-0042`), else `type:sha256:` and the lowercase hex SHA-256
    /// of its record bytes, so the same content always gets the same key.
    public static func contentKey(for event: Event, record: [UInt8]) -> String {
        if let natural = event.naturalKey { return natural }
        var sha256 = SHA256()
        record.withUnsafeBytes { sha256.update(bufferPointer: $0) }
        return "\(event.type.rawValue):sha256:" + Hex.lowercase(sha256.finalize())
    }
}
