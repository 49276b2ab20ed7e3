import EncoursCore

/// Reads a file in any ``ExportFormat`` into canonical events, the one way the CLI and the
/// daemon's inbox both take, so a file means the same whichever picks it up.
///
/// ```swift
/// let reader = ExportReader(format: .ndjson)
/// let result = reader.read(bytes, file: "events.ndjson")
/// ```
public struct ExportReader: Sendable {
    public var format: ExportFormat
    /// The customers the ledger has: exports register only the others.
    public var knownCustomers: KnownCustomers
    /// How many errors are kept; further ones are only counted.
    public var errorLimit: Int
    /// How an FEC is read: sales and opening journals, terms, lettering.
    public var fec: FECOptions
    /// How a CSV export is laid out; required for ``ExportFormat/csv``.
    public var csvMapping: CSVMapping?

    public init(
        format: ExportFormat,
        knownCustomers: KnownCustomers = .none,
        errorLimit: Int = CanonicalEventReader.defaultErrorLimit,
        fec: FECOptions = FECOptions(),
        csvMapping: CSVMapping? = nil
    ) {
        self.format = format
        self.knownCustomers = knownCustomers
        self.errorLimit = errorLimit
        self.fec = fec
        self.csvMapping = csvMapping
    }

    /// As ``read(_:file:)``, handing the events to `deliver` in file order as they are read:
    /// NDJSON a few thousand lines at a time (``CanonicalEventReader/readNDJSON(_:file:delivering:)``),
    /// a CSV or FEC export once read whole (its lines are merged into documents). Nothing
    /// is delivered after the first error. The result's ``EventReadResult/events`` is then
    /// empty.
    public func read(
        _ bytes: [UInt8],
        file: String,
        delivering deliver: (consuming [ParsedEvent]) -> Void
    ) -> EventReadResult {
        guard format == .ndjson else {
            var result = read(bytes, file: file)
            var events: [ParsedEvent] = []
            swap(&events, &result.events)
            // A file with errors appends nothing: its events would only be rolled back.
            if result.isValid { deliver(events) }
            return result
        }
        return bytes.withUnsafeBytes { bytes in
            CanonicalEventReader(errorLimit: errorLimit).readNDJSON(bytes, file: file, delivering: deliver)
        }
    }

    /// The events of a whole file, or every error in it (up to ``errorLimit``).
    public func read(_ bytes: [UInt8], file: String) -> EventReadResult {
        switch format {
        case .ndjson:
            CanonicalEventReader(errorLimit: errorLimit).readNDJSON(bytes, file: file)
        case .csv:
            if let csvMapping {
                CSVExportReader(mapping: csvMapping, knownCustomers: knownCustomers, errorLimit: errorLimit)
                    .read(bytes, file: file)
            } else {
                EventReadResult(
                    file: file,
                    events: [],
                    errors: [
                        ImportError(
                            file: file,
                            line: 0,
                            code: .missingMapping,
                            message: "a CSV export is read through a mapping file that names its columns: "
                                + "give one with --mapping (docs/imports.md)"
                        )
                    ],
                    omittedErrorCount: 0
                )
            }
        case .fec:
            FECReader(options: fec, knownCustomers: knownCustomers, errorLimit: errorLimit).read(bytes, file: file)
        }
    }
}
