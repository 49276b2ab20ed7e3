import EncoursCore
import EncoursImport

/// Small FEC files written for the tests: the usual 18 columns of article A47 A-1, fields
/// padded as fixed-width exporters pad them, amounts with a zero-padded decimal comma.
enum FECFixture {
    static let columns = [
        "JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib", "CompAuxNum",
        "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit", "EcritureLet", "DateLet",
        "ValidDate", "Montantdevise", "Idevise",
    ]

    /// One line of the usual layout, in `columns` order.
    static func line(
        _ journal: String,
        _ number: String,
        _ date: String,
        account: String,
        customer: String = "",
        name: String = "",
        debit: String = "0000000000,00",
        credit: String = "0000000000,00",
        lettering: String = "",
        pieceDate: String? = nil,
        journalLabel: String? = nil
    ) -> [String] {
        let label = journalLabel ?? journal + "11"
        return [
            journal.padded(4), label, number, date, account, "LIBELLE COMPTE".padded(28), customer.padded(8),
            name.padded(33), "\(journal) 0123", pieceDate ?? date, "ECRITURE".padded(28), debit, credit,
            lettering.padded(2), lettering.isEmpty ? "        " : date, "20240331", "", "",
        ]
    }

    /// The file's text: the header, then `lines`, each ending with `separator` when
    /// `trailingSeparator` (as many exporters write them), CRLF or LF.
    static func text(
        _ lines: [[String]],
        header: [String] = columns,
        separator: String = "|",
        trailingSeparator: Bool = true,
        lineEnd: String = "\n"
    ) -> String {
        ([header] + lines).map { $0.joined(separator: separator) + (trailingSeparator ? separator : "") + lineEnd }
            .joined()
    }

    static func read(
        _ text: String,
        options: FECOptions = FECOptions(),
        known: Set<CustomerID> = []
    ) -> EventReadResult {
        read(Array(text.utf8), options: options, known: known)
    }

    static func read(
        _ bytes: [UInt8],
        options: FECOptions = FECOptions(),
        known: Set<CustomerID> = []
    ) -> EventReadResult {
        FECReader(options: options, knownCustomers: KnownCustomers { known.contains($0) }).read(bytes, file: "FEC.txt")
    }
}

extension EventReadResult {
    /// Each event as `line: payload`, the exact canonical JSON the log would store.
    var payloads: [String] { events.map { "\($0.line): \($0.payload)" } }
}

extension String {
    /// Right-padded with spaces to `width`, as fixed-width FEC exporters write fields.
    func padded(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
