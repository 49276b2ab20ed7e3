/// Which journal a line on a customer account was booked in, as the import reads it.
///
/// The FEC names journals but does not type them: `VE` is sales by convention only, and the
/// same ledger may call it `VT` or `VEN1 Journal des ventes`. A debit on a customer account
/// means an invoice in a sales journal and an open invoice carried forward in the opening
/// journal; anywhere else it is a refund, a rejected payment or an adjustment.
enum FECJournalKind: Sendable, Hashable {
    case sales
    case opening
    case other
}

/// Tells sales and opening journals from the others: by the codes the operator gives, or
/// else by the usual codes and labels.
struct FECJournals: Sendable {
    /// Codes of sales journals in common French charts and software.
    static let salesCodes: Set<String> = ["VE", "VT", "VEN", "VTE"]
    /// Codes of the opening-balance journal ("à-nouveaux", "report à nouveau").
    static let openingCodes: Set<String> = ["AN", "RAN"]

    let salesJournals: Set<String>?
    let openingJournals: Set<String>?

    init(_ options: FECOptions) {
        salesJournals = options.salesJournals.isEmpty ? nil : Set(options.salesJournals.map(Self.folded))
        openingJournals = options.openingJournals.isEmpty ? nil : Set(options.openingJournals.map(Self.folded))
    }

    /// The kind of the journal `code` labelled `label` (both as the file writes them, trimmed).
    func kind(code: String, label: String) -> FECJournalKind {
        let code = Self.folded(code)
        let label = Self.folded(label)
        if let salesJournals {
            if salesJournals.contains(code) { return .sales }
        } else if Self.salesCodes.contains(code) || label.contains("VENTE") {
            return .sales
        }
        if let openingJournals {
            if openingJournals.contains(code) { return .opening }
        } else if Self.openingCodes.contains(code) || label.contains("NOUVEAU") {
            return .opening
        }
        return .other
    }

    /// Upper case, without padding: `Ventes` and `VENTES ` match. The words looked for carry
    /// no accent (`À NOUVEAUX` holds `NOUVEAU`), so accents need no folding.
    static func folded(_ text: String) -> String {
        text.trimmingFECPadding.uppercased()
    }
}
