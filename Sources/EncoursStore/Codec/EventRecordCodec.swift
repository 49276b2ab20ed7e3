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
/// - 1 byte: format version (`1`).
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
public enum EventRecordCodec {
    /// The version written by ``encode(_:)``.
    public static let formatVersion: UInt8 = 1

    public static func encode(_ event: Event) -> [UInt8] {
        var writer = ByteWriter(capacity: 64)
        encode(event, to: &writer)
        return writer.bytes
    }

    /// Appends the record to `writer`: a snapshot encodes a million records into one buffer
    /// without an array per event.
    static func encode(_ event: Event, to writer: inout ByteWriter) {
        writer.byte(formatVersion)
        writer.byte(event.type.code)
        writeFields(of: event, to: &writer)
    }

    /// Decodes a record, validating every byte: a truncated or over-long record, an unknown
    /// version, type or enum value, or invalid UTF-8 throws instead of guessing.
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(EventRecordError) -> Event {
        var reader = RecordReader(bytes)
        let version = try reader.byte()
        guard version == formatVersion else {
            throw EventRecordError(.unsupportedVersion, at: 0, "record format version \(version) is not known")
        }
        let code = try reader.byte()
        guard let type = EventType(code: code) else {
            throw EventRecordError(.unknownType, at: 1, "event type code \(code) is not known")
        }
        let event = try readFields(of: type, from: &reader)
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
