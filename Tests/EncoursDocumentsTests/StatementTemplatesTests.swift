import EncoursCore
import EncoursDocuments
import EncoursTestSupport
import Foundation
import Testing

/// The statement templates: the embedded ones on the hand ledger of ``StatementFixture``,
/// HTML escaping of what customers wrote, French amounts, and an operator's folder.
@Suite struct StatementTemplatesTests {
    func statement(letterhead: StatementLetterhead = StatementLetterhead()) throws -> AccountStatement {
        var ledger = Ledger()
        for event in StatementFixture.events {
            switch ledger.prepare([event]) {
            case .success(let batch): ledger.commit(batch)
            case .failure(let rejection): throw rejection
            }
        }
        return try #require(
            try ledger.statement(of: StatementFixture.customer, asOf: StatementFixture.asOf, letterhead: letterhead)
        )
    }

    @Test func theEmbeddedTextTemplateWritesTheLetterEnclosure() throws {
        let text = StatementTemplates.embedded.render(
            try statement(letterhead: StatementLetterhead(name: "Encours SA", address: ["1 rue de la Paix", "75002 Paris"])),
            as: .text
        )
        #expect(text == StatementTemplatesTests.expectedText)
    }

    @Test func htmlEscapesWhatTheCustomerRecordHolds() throws {
        let html = StatementTemplates.embedded.render(try statement(), as: .html)
        #expect(html.contains("<strong>Alpha &amp; Fils &lt;SAS&gt;</strong>"))
        #expect(!html.contains("<SAS>"))
        #expect(html.contains("<td class=\"amount\">330,00\u{00A0}€</td>"))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
    }

    @Test func theTextTemplateDoesNotEscape() throws {
        let text = StatementTemplates.embedded.render(try statement(), as: .text)
        #expect(text.contains("Client : Alpha & Fils <SAS> (Alpha)"))
    }

    @Test func aFolderOverridesOneTemplateAndTheOtherFallsBack() throws {
        let folder = try TemporaryDirectory(prefix: "statement-templates")
        try "Dû par {{legal_name}} : {{total_due}}\n".write(
            toFile: folder.file("statement.txt.mustache"),
            atomically: true,
            encoding: .utf8
        )
        let templates = try StatementTemplates(folder: folder.path)
        #expect(templates.textSource == folder.file("statement.txt.mustache"))
        #expect(templates.htmlSource == "embedded statement.html.mustache")
        #expect(templates.render(try statement(), as: .text) == "Dû par Alpha & Fils <SAS> : 250,00\u{00A0}€\n")
        #expect(
            templates.render(try statement(), as: .html) == StatementTemplates.embedded.render(try statement(), as: .html)
        )
        #expect(templates != StatementTemplates.embedded)
    }

    @Test func aTemplateThatDoesNotParseIsNamedWithItsLine() throws {
        let folder = try TemporaryDirectory(prefix: "statement-templates-bad")
        let file = folder.file("statement.html.mustache")
        try "<p>{{legal_name}}</p>\n{{#invoices}}\n<p>{{invoice}}</p>\n{{/credits}}\n".write(
            toFile: file,
            atomically: true,
            encoding: .utf8
        )
        #expect {
            try StatementTemplates(folder: folder.path)
        } throws: { error in
            guard let error = error as? StatementTemplateError else { return false }
            return error.file == file && error.message.hasPrefix("line 4,")
        }
    }

    @Test func aMissingFolderIsAnError() {
        #expect(throws: StatementTemplateError(file: "/nonexistent/templates", message: "is not a folder")) {
            try StatementTemplates(folder: "/nonexistent/templates")
        }
    }

    @Test func amountsAndDatesAreWrittenTheFrenchWay() throws {
        let text = StatementTemplates.embedded.render(try statement(), as: .text)
        #expect(text.contains("RELEVÉ DE COMPTE au 30/06/2025"))
        #expect(text.contains("Facture B du 01/05/2025, échéance 31/05/2025 : 500,00\u{00A0}€"))
    }

    static let expectedText = """
        Encours SA
        1 rue de la Paix
        75002 Paris

        RELEVÉ DE COMPTE au 30/06/2025

        Client : Alpha & Fils <SAS> (Alpha)
        Compte client : C1 - SIREN 732829320
        Conditions de paiement : 30 jours

        Factures non réglées
          Facture B du 01/05/2025, échéance 31/05/2025 : 500,00\u{00A0}€, reste dû 330,00\u{00A0}€, en retard de 30 jours, dont 50,00\u{00A0}€ en litige

        Règlements et avoirs non affectés
          Avoir AV1 du 20/06/2025 : 400,00\u{00A0}€, non affecté 80,00\u{00A0}€

        Balance âgée
          Non échu : 0,00\u{00A0}€
          1 à 30 jours : 330,00\u{00A0}€
          31 à 60 jours : 0,00\u{00A0}€
          61 à 90 jours : 0,00\u{00A0}€
          Plus de 90 jours : 0,00\u{00A0}€
          Crédits non affectés : -80,00\u{00A0}€
          Dont en litige : 50,00\u{00A0}€

        TOTAL DÛ : 250,00\u{00A0}€

        Pénalités de retard (article L441-10 du Code de commerce), non comprises dans le total dû
          Facture A, échéance 14/02/2025, 30 jours de retard : intérêts 10,81\u{00A0}€, indemnité forfaitaire 40,00\u{00A0}€
          Facture B, échéance 31/05/2025, 30 jours de retard : intérêts 4,38\u{00A0}€, indemnité forfaitaire 40,00\u{00A0}€
          Total des pénalités : 95,19\u{00A0}€ (intérêts 15,19\u{00A0}€, indemnités 80,00\u{00A0}€)

        """
}
