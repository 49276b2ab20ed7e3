import EncoursCore

/// One FEC line on a customer account (411…), its fields read and checked: all the
/// conversion to events needs, and nothing of the other lines, so a million-line file
/// keeps in memory only what becomes events.
struct FECCustomerLine: Sendable, Hashable {
    /// The 1-based line in the file.
    var line: Int
    /// `JournalCode` and `JournalLib`, without padding.
    var journal: String
    var journalLabel: String
    /// `EcritureNum`, and `EcritureDate` as written (`YYYYMMDD`) and as a day: with the
    /// journal they name the entry, which no later export renumbers.
    var entryNumber: String
    var entryDateText: String
    var entryDate: Day
    /// `PieceDate`, when set: an opening balance may carry the original invoice's date there.
    var pieceDate: Day?
    /// `CompteNum`.
    var account: String
    /// `CompAuxNum`, or `CompteNum` in a chart without auxiliary accounts (one 411… account
    /// per customer).
    var customer: String
    /// `CompAuxLib`, or `CompteLib` when the customer is the account.
    var customerName: String
    /// `EcritureLet`; empty when the line is not lettered.
    var lettering: String
    /// Debit minus credit: positive for a debit.
    var amount: Money
}

/// What one chunk of lines gave: the customer lines, the other lines (skipped, with why),
/// and the errors, each in file order.
struct FECChunk: Sendable {
    var customerLines: [FECCustomerLine] = []
    var skipped: [SkippedLine] = []
    /// The first errors, up to the reader's limit, and how many more there were.
    var errors: [ImportError] = []
    var omittedErrorCount = 0
}
