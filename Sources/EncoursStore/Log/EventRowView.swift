import CSQLite
import EncoursCore

/// One row of the log during a scan, read in place from SQLite's row cache.
///
/// Replaying millions of events is the daemon's start-up time, and turning every column
/// into a Swift value halves its speed (PLATFORM.md). The view hands out the hot columns as
/// raw bytes without copying, and builds the others only when asked.
///
/// Valid only inside the scan callback that received it: the buffers point into memory
/// SQLite reuses for the next row. Copy what must outlive the callback.
public struct EventRowView {
    private let statement: OpaquePointer

    init(statement: OpaquePointer) {
        self.statement = statement
    }

    public var seq: Int64 { sqlite3_column_int64(statement, 0) }

    /// The customer id's UTF-8 bytes. Zero-copy.
    public var streamBytes: UnsafeRawBufferPointer { bytes(1, text: true) }
    /// `occurred_on` as `YYYY-MM-DD` bytes. Zero-copy.
    public var occurredOnBytes: UnsafeRawBufferPointer { bytes(2, text: true) }
    /// The ``EventRecordCodec`` bytes of the event. Zero-copy.
    public var recordBytes: UnsafeRawBufferPointer { bytes(3, text: false) }
    /// The 32-byte chain hash. Zero-copy.
    public var hashBytes: UnsafeRawBufferPointer { bytes(9, text: false) }

    public var stream: String { text(1) }
    /// The business date; `nil` only if the stored text is not a valid `YYYY-MM-DD`.
    public var occurredOn: Day? { DayText.parse(occurredOnBytes) }
    public var type: String { text(4) }
    public var recordedAt: String { text(5) }
    public var actor: String { text(6) }
    public var key: String { text(7) }
    public var payload: String { text(8) }
    /// The UTF-8 bytes of the payload. Zero-copy.
    public var payloadBytes: UnsafeRawBufferPointer { bytes(8, text: true) }

    // The remaining columns as stored bytes, for recomputing the hash chain.
    var typeBytes: UnsafeRawBufferPointer { bytes(4, text: true) }
    var recordedAtBytes: UnsafeRawBufferPointer { bytes(5, text: true) }
    var actorBytes: UnsafeRawBufferPointer { bytes(6, text: true) }
    var keyBytes: UnsafeRawBufferPointer { bytes(7, text: true) }

    /// The whole row as Swift values, to keep beyond the callback.
    public var storedEvent: StoredEvent {
        StoredEvent(
            seq: seq,
            type: type,
            stream: stream,
            occurredOnText: text(2),
            recordedAt: recordedAt,
            actor: actor,
            key: key,
            payload: payload,
            record: [UInt8](recordBytes),
            hash: [UInt8](hashBytes)
        )
    }

    private func text(_ column: Int32) -> String {
        String(decoding: bytes(column, text: true), as: UTF8.self)
    }

    private func bytes(_ column: Int32, text: Bool) -> UnsafeRawBufferPointer {
        text ? ColumnBytes.text(statement, column) : ColumnBytes.blob(statement, column)
    }
}
