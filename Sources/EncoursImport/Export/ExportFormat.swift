/// The kinds of file `encours import` and the daemon's inbox read.
///
/// Canonical NDJSON is the ledger's own format; the others are what French invoicing and
/// accounting software export, turned into canonical events on the way in.
public enum ExportFormat: String, Sendable, Hashable, CaseIterable {
    /// One canonical event per line (docs/events.md).
    case ndjson
    /// An invoicing tool's CSV export, read as a ``CSVMapping`` file says.
    case csv
    /// A Fichier des Écritures Comptables (article A47 A-1 LPF): the customer accounts of
    /// the books become customers, invoices, credit notes and payments (``FECReader``).
    case fec
}
