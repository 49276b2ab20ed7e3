/// The applied state of a ledger as bytes, to be restored without applying its events
/// again: the accounts (each timeline's entry positions and its ``AccountState``) and the
/// document owners.
///
/// A restart replays the log, and most of that time goes into applying events (the
/// dictionaries of every account). A snapshot keeps the result instead; this type writes
/// and reads that result. It lives in Core because it must reach the ledger's internal
/// state, and it stays pure (bytes in, values out): the store adds the entries (with its
/// record codec), the file, the checksum and the threads.
///
/// The image comes in parts (ranges of accounts, the owners) that decode independently, so
/// the store can decode them on several cores at once; ``Ledger/init(restoringEntries:accounts:owners:)``
/// puts the parts together and checks that they fit. Lookup tables that follow from the
/// arrays (an account's invoice, order and dispute indexes, its promise ids) are not
/// stored: they are rebuilt as the arrays are read.
///
/// Encoding of an accounts part, version 2 (primitives as in ``ByteWriter``):
///
/// - count of accounts, then for each: customer id; entry positions (count, then each
///   position as a zig-zag delta from the previous one); the state (see
///   `LedgerImage+Accounts`).
///
/// Of the owners part: for invoices, orders and disputes in turn, a count, then each
/// document id with the index of its customer in a table of customer ids that precedes
/// them (count, then ids).
public enum LedgerImage {
    /// Changes whenever the bytes of a part change meaning; a reader refuses other versions.
    /// Version 2 added each invoice's `paidOn`; version 3 the reminders, the payments since
    /// the first promise and the last contact, in place of the count of reminders sent, and
    /// each profile's credit insurer and cover.
    public static let formatVersion: UInt32 = 3

    /// The accounts at `range` of ``Ledger/accounts``, as one part.
    public static func encodeAccounts(of ledger: Ledger, in range: Range<Int>) -> [UInt8] {
        var positions = 0
        var documents = 0
        for account in ledger.accounts[range] {
            positions += account.entryPositions.count
            documents += account.state.invoices.count + account.state.orders.count
        }
        var writer = ByteWriter(capacity: 64 + range.count * 96 + positions * 3 + documents * 40)
        writer.count(range.count)
        for account in ledger.accounts[range] {
            writer.string(account.customer.rawValue)
            writer.count(account.entryPositions.count)
            var previous: Int64 = 0
            for position in account.entryPositions {
                writer.signed(Int64(position) - previous)
                previous = Int64(position)
            }
            writeState(account.state, to: &writer)
        }
        return writer.bytes
    }

    /// Reads one accounts part. Indices within each state are checked against its arrays;
    /// entry positions are checked when the parts are put together.
    public static func decodeAccounts(_ bytes: UnsafeRawBufferPointer) throws(LedgerImageError) -> [CustomerAccount] {
        var reader = ImageReader(bytes)
        let count = try reader.count()
        var accounts: [CustomerAccount] = []
        accounts.reserveCapacity(count)
        for _ in 0..<count {
            var account = CustomerAccount(customer: CustomerID(try reader.string()))
            let positionCount = try reader.count()
            var positions: [Int32] = []
            positions.reserveCapacity(positionCount)
            var previous: Int64 = 0
            for _ in 0..<positionCount {
                let start = reader.offset
                let position = previous &+ (try reader.signed())
                guard position >= 0, position <= Int64(Int32.max) else {
                    throw LedgerImageError(at: start, "entry position \(position) is out of range")
                }
                positions.append(Int32(position))
                previous = position
            }
            account.entryPositions = positions
            account.state = try readState(of: account.customer, from: &reader)
            accounts.append(account)
        }
        try reader.finish()
        return accounts
    }

    /// The owners of every document, as one part.
    public static func encodeOwners(of ledger: Ledger) -> [UInt8] {
        let owners = ledger.owners
        var writer = ByteWriter(capacity: 64 + (owners.invoices.count + owners.orders.count) * 20)
        writer.count(ledger.accounts.count)
        for account in ledger.accounts { writer.string(account.customer.rawValue) }
        // Customers are written by account index: a lookup per document here spares the
        // reader a string per document.
        writeOwners(owners.invoices, accountIndex: ledger.accountIndex, to: &writer)
        writeOwners(owners.orders, accountIndex: ledger.accountIndex, to: &writer)
        writeOwners(owners.disputes, accountIndex: ledger.accountIndex, to: &writer)
        return writer.bytes
    }

    public static func decodeOwners(_ bytes: UnsafeRawBufferPointer) throws(LedgerImageError) -> DocumentOwners {
        var reader = ImageReader(bytes)
        let customerCount = try reader.count()
        var customers: [CustomerID] = []
        customers.reserveCapacity(customerCount)
        for _ in 0..<customerCount { customers.append(CustomerID(try reader.string())) }
        var owners = DocumentOwners()
        owners.invoices = try readOwners(from: &reader, customers: customers)
        owners.orders = try readOwners(from: &reader, customers: customers)
        owners.disputes = try readOwners(from: &reader, customers: customers)
        try reader.finish()
        return owners
    }

    private static func writeOwners<Kind>(
        _ owners: [Identifier<Kind>: CustomerID],
        accountIndex: [CustomerID: Int],
        to writer: inout ByteWriter
    ) {
        writer.count(owners.count)
        for (document, customer) in owners {
            writer.string(document.rawValue)
            // Every owner has an account (its document was applied there); a ledger built
            // otherwise would have no index to write, and is refused on reading.
            writer.count(accountIndex[customer] ?? Int(Int32.max))
        }
    }

    private static func readOwners<Kind>(
        from reader: inout ImageReader,
        customers: [CustomerID]
    ) throws(LedgerImageError) -> [Identifier<Kind>: CustomerID] {
        let count = try reader.count()
        var owners: [Identifier<Kind>: CustomerID] = [:]
        owners.reserveCapacity(count)
        for _ in 0..<count {
            let document = Identifier<Kind>(try reader.string())
            owners[document] = customers[Int(try reader.index(below: customers.count))]
        }
        return owners
    }
}
