import EncoursCore

/// The `customer.registered` profile a line gives through a mapping's `[customer]` columns.
enum CSVCustomerProfile {
    /// The profile on `record`, and the errors in it (an empty legal name, terms that are not
    /// a number of days), each naming its column and value.
    static func read(
        _ columns: CSVCustomerColumns<CSVColumn>,
        _ record: DelimitedRecordView,
        mapping: CSVMapping,
        file: String
    ) -> (profile: CustomerProfile, errors: [ImportError]) {
        var reader = CSVLineReader(
            file: file,
            record: record,
            amountFormat: mapping.amountFormat,
            dayFormat: mapping.dayFormat
        )
        let type = EventType.customerRegistered
        let legalName = reader.requiredText(columns.legalName, type, "the legal name of a customer new to the ledger")
        var profile = CustomerProfile(legalName: legalName)
        profile.tradeName = columns.tradeName.flatMap { reader.optionalText($0, type) }
        profile.siren = columns.siren.flatMap { reader.optionalText($0, type) }
        profile.salesRep = columns.salesRep.flatMap { reader.optionalText($0, type) }.map { SalesRepID($0) }
        if let column = columns.termsDays, let text = reader.optionalText(column, type) {
            if let days = Int(text), (0...EventFields.maximumTermsDays).contains(days) {
                profile.termsDays = days
            } else {
                reader.add(
                    column,
                    type,
                    .invalidInteger,
                    "\"\(text)\" is not a whole number of days from 0 to \(EventFields.maximumTermsDays)"
                )
            }
        }
        return (profile, reader.errors)
    }
}
