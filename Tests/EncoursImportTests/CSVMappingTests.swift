import EncoursCore
import EncoursImport
import Testing

@Suite("CSV mapping files")
struct CSVMappingTests {
    @Test("a mapping gives the layout and every column it names")
    func journal() throws {
        let mapping = try CSVTests.mapping()
        #expect(mapping.source == "journal.toml")
        #expect(mapping.separator == ";")
        #expect(mapping.encoding == .utf8)
        #expect(mapping.amountFormat == .decimalComma)
        #expect(mapping.dayFormat == .dayMonthYear)
        #expect(mapping.hasHeader)
        #expect(
            mapping.columns.kind
                == .column(
                    .name("Type"),
                    values: [
                        CSVKindValue(value: "FA", kind: .invoice), CSVKindValue(value: "AV", kind: .creditNote),
                        CSVKindValue(value: "RG", kind: .payment), CSVKindValue(value: "RC", kind: .payment),
                        CSVKindValue(value: "BC", kind: .order), CSVKindValue(value: "DE", kind: nil),
                    ]
                )
        )
        #expect(
            mapping.columns.invoice
                == CSVInvoiceColumns(
                    invoice: .name("Pièce"),
                    customer: .name("Client"),
                    on: .name("Date"),
                    amount: .name("Montant"),
                    dueOn: .name("Échéance"),
                    order: .name("Commande")
                )
        )
        #expect(
            mapping.columns.customer
                == CSVCustomerColumns(
                    legalName: .name("Nom"),
                    tradeName: .name("Enseigne"),
                    siren: .name("SIREN"),
                    salesRep: .name("Commercial"),
                    termsDays: .name("Délai")
                )
        )
    }

    @Test("[file] keys left out take their defaults: comma, UTF-8, decimal point, ISO dates, a header")
    func defaults() throws {
        let mapping = try CSVMapping(
            toml: """
                [kind]
                fixed = "order"
                [order]
                order = 1
                customer = "client"
                on = 3
                amount = 4
                """,
            source: "orders.toml"
        )
        #expect(mapping.separator == ",")
        #expect(mapping.encoding == .utf8)
        #expect(mapping.amountFormat == .decimalPoint)
        #expect(mapping.dayFormat == .iso)
        #expect(mapping.hasHeader)
        #expect(mapping.columns.kind == .fixed(.order))
        #expect(
            mapping.columns.order
                == CSVOrderColumns(order: .number(1), customer: .name("client"), on: .number(3), amount: .number(4))
        )
        #expect(mapping.columns.invoice == nil)
        #expect(mapping.columns.customer == nil)
    }

    @Test("the encodings by the names people write")
    func encodings() throws {
        for (name, encoding) in [("UTF-8", TextEncoding.utf8), ("latin9", .iso8859_15), ("cp1252", .windows1252)] {
            let mapping = try CSVMapping(toml: Self.orders(file: "encoding = \"\(name)\""), source: "m.toml")
            #expect(mapping.encoding == encoding)
        }
    }

    static func orders(file: String = "", kind: String = "fixed = \"order\"", order: String? = nil) -> String {
        """
        [file]
        \(file)
        [kind]
        \(kind)
        [order]
        \(order ?? "order = \"no\"\ncustomer = \"client\"\non = \"date\"\namount = \"total\"")
        """
    }

    static let refusals: [(toml: String, error: String)] = [
        (
            orders(file: "separatr = \";\""),
            #"m.toml: key "file.separatr": unknown key (known in [file]: separator, encoding, decimal, date_format, header)"#
        ),
        (
            "[fichier]\n" + orders(),
            #"m.toml: key "fichier": unknown table (known: [file], [kind], [invoice], [credit_note], [payment], [order], [customer])"#
        ),
        (orders(file: "separator = \";;\""), #"m.toml: key "file.separator": ";;" is not one of ";", ",", "tab", "|""#),
        (
            orders(file: "encoding = \"utf-16\""),
            #"m.toml: key "file.encoding": "utf-16" is not an encoding this reader knows (utf-8, iso-8859-15 (latin9), windows-1252 (cp1252))"#
        ),
        (orders(file: "decimal = \"·\""), #"m.toml: key "file.decimal": "·" is not "," (1 234,56) or "." (1234.56)"#),
        (
            orders(file: "date_format = \"dd/MMM/yyyy\""),
            #"m.toml: key "file.date_format": "dd/MMM/yyyy" is not a date pattern: write dd, MM and yyyy (or yy) with separators, like dd/MM/yyyy, yyyy-MM-dd or yyyyMMdd"#
        ),
        (orders(file: "header = \"yes\""), #"m.toml: key "file.header": must be true or false, not string"#),
        (
            "[order]\norder = 1\ncustomer = 2\non = 3\namount = 4",
            #"m.toml: key "kind": missing: say what each line is, with kind.column (the column whose values say it) or kind.fixed (one kind for every line)"#
        ),
        (
            orders(kind: "fixed = \"order\"\ncolumn = \"Type\""),
            #"m.toml: key "kind.fixed": give kind.fixed or kind.column, not both"#
        ),
        (
            orders(kind: "fixed = \"quote\""),
            #"m.toml: key "kind.fixed": "quote" is not one of: invoice, credit_note, payment, order"#
        ),
        (
            orders(kind: "fixed = \"order\"\norder = \"BC\""),
            #"m.toml: key "kind.order": lists values of kind.column, which is not given (kind.fixed is)"#
        ),
        (
            orders(kind: "column = \"Type\"\norder = [\"BC\", \"DE\"]\nignore = \"DE\""),
            #"m.toml: key "kind.ignore": "DE" is listed in kind.order too"#
        ),
        (
            orders(kind: "column = \"Type\"\nignore = \"DE\""),
            #"m.toml: key "kind": lists no value for any kind: give kind.invoice, kind.credit_note, kind.payment or kind.order"#
        ),
        (
            orders(kind: "column = \"Type\"\norder = \"BC\"\npayment = \"RG\""),
            #"m.toml: key "payment": missing: some lines are payments (see [kind]), so the mapping needs a [payment] table"#
        ),
        (
            orders(kind: "fixed = \"invoice\""),
            #"m.toml: key "invoice": missing: some lines are invoices (see [kind]), so the mapping needs a [invoice] table"#
        ),
        (
            orders(order: "order = \"no\"\ncustomer = \"client\"\non = \"date\""),
            #"m.toml: key "order.amount": missing: the column that gives the amount"#
        ),
        (
            orders(file: "header = false"),
            #"m.toml: key "order.order": "no" names a header, but file.header is false: give the column's number from 1"#
        ),
        (
            orders(order: "order = 0\ncustomer = 2\non = 3\namount = 4"),
            #"m.toml: key "order.order": 0 is not a column number: columns count from 1"#
        ),
        (
            orders(order: "order = 1.5\ncustomer = 2\non = 3\namount = 4"),
            #"m.toml: key "order.order": must be a column's header (a string) or its number from 1 (an integer), not floating-point number"#
        ),
        (
            orders(kind: "fixed = \"order\"") + "\n[customer]\nsiren = \"SIREN\"",
            #"m.toml: key "customer.legal_name": missing: the column that gives the legal name of a customer to register"#
        ),
    ]

    @Test("a mapping error names the file and the key", arguments: refusals)
    func refused(toml: String, error: String) {
        #expect {
            try CSVMapping(toml: toml, source: "m.toml")
        } throws: { thrown in
            (thrown as? CSVMappingError)?.description == error
        }
    }

    @Test("a credited invoice column is read only for negative invoices")
    func creditedInvoiceNeedsNegativeAmounts() {
        let toml = """
            [kind]
            fixed = "invoice"
            [invoice]
            invoice = 1
            customer = 2
            on = 3
            amount = 4
            credited_invoice = 5
            """
        #expect(
            throws: CSVMappingError(
                source: "m.toml",
                key: "invoice.credited_invoice",
                message: "is read only with negative_amount = \"credit_note\""
            )
        ) {
            try CSVMapping(toml: toml, source: "m.toml")
        }
    }

    @Test("a file that is not TOML is named with its line and column")
    func notTOML() {
        #expect {
            try CSVMapping(toml: "[file\nseparator = \";\"", source: "m.toml")
        } throws: { thrown in
            (thrown as? CSVMappingError)?.description.hasPrefix("m.toml:1:") == true
                && (thrown as? CSVMappingError)?.description.contains("not a TOML file") == true
        }
    }
}
