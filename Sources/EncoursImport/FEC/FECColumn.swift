/// The columns of an FEC the import reads, spelt as article A47 A-1 of the Livre des
/// procédures fiscales names them.
///
/// The law fixes the names but not their order, and exporters differ in capitalisation
/// (`MontantDevise`, `Montantdevise`), so a column is found by its name, compared without
/// regard to case, wherever it stands in the header.
enum FECColumn: String, CaseIterable, Sendable {
    case journalCode = "JournalCode"
    case journalLabel = "JournalLib"
    case entryNumber = "EcritureNum"
    case entryDate = "EcritureDate"
    case account = "CompteNum"
    case accountLabel = "CompteLib"
    case auxiliaryAccount = "CompAuxNum"
    case auxiliaryLabel = "CompAuxLib"
    case pieceDate = "PieceDate"
    case lettering = "EcritureLet"
    /// The two amount columns of the usual layout…
    case debit = "Debit"
    case credit = "Credit"
    /// …or the signed layout the article allows instead: an amount and its direction.
    case amount = "Montant"
    case direction = "Sens"

    /// The columns every layout needs, amounts aside.
    static let required: [FECColumn] = [
        .journalCode, .journalLabel, .entryNumber, .entryDate, .account, .accountLabel,
        .auxiliaryAccount, .auxiliaryLabel, .pieceDate, .lettering,
    ]
}
