/// The daemon is shutting down: a batch that arrives now is refused, not half-done.
public struct WriterStoppedError: Error, Sendable, CustomStringConvertible {
    public var description: String { "the daemon is shutting down; nothing was appended: send the batch again" }
}
