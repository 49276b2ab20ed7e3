import EncoursImport

/// `[inbox]`: the folder the daemon imports dropped export files from, and how it reads
/// them (docs/operations.md, "Inbox").
///
/// Invoicing software that cannot call the socket API can nearly always write a file to a
/// folder; the inbox lets it feed the ledger that way, each file checked and appended as
/// one batch, as `encours import` would.
public struct InboxSettings: Sendable, Equatable {
    /// The folder watched; relative paths are taken from the daemon's working directory,
    /// as `database.path` is. `done/` and `rejected/` are made inside it.
    public var folder: String
    /// The format of a file whose extension names no format (`*.txt`, no extension).
    public var format: ExportFormat = .ndjson
    /// `csv_mapping`: how a CSV export is laid out (read when the configuration is); a CSV
    /// file dropped without one is rejected.
    public var csvMapping: CSVMapping?
    /// `fec_*`: how an FEC is read, as `encours import --format fec` reads it with
    /// `--sales-journal`, `--opening-journal`, `--terms-days` and `--ignore-lettering`.
    public var fec = FECOptions()
    /// The role the inbox appends with: a file holding an event that needs a higher role
    /// is rejected whole, as `POST /v1/events` refuses such a batch.
    public var role: Role = .feeder
    /// How often the folder is listed even when inotify reports nothing: the safety net for
    /// network file systems, whose remote writes inotify does not see.
    public var pollInterval: Duration = .seconds(5)
    /// How long a file's size and modification time must stay unchanged before it is
    /// read, so that a file still being copied in is not read half-written.
    public var settleTime: Duration = .seconds(2)

    public init(folder: String) {
        self.folder = folder
    }

    /// The format a file is read in: the one its name says (an extension `.ndjson`, `.csv`,
    /// `.fec`, or an FEC's legal name `<SIREN>FEC<YYYYMMDD>.txt`), else ``format``.
    public func format(ofFile name: String) -> ExportFormat {
        ExportFormat(fileName: name) ?? format
    }
}
