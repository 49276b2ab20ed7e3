import EncoursCore
import Foundation
import Mustache

/// The Mustache templates a statement of account is rendered with: the ones embedded in the
/// binary, or an operator's own from a folder (`[statements] templates`), read and parsed
/// once (at start and on reload), so a broken template is reported then, not on a request.
///
/// A folder may hold `statement.txt.mustache`, `statement.html.mustache`, both or neither; a
/// file it lacks falls back to the embedded one. The text template renders without HTML
/// escaping; the HTML one escapes every value (`{{name}}`), so a customer's name cannot
/// inject markup unless a template asks for it raw with `{{{name}}}`.
public struct StatementTemplates: Sendable, Equatable {
    /// What a statement can be rendered as for people.
    public enum Kind: String, Sendable, CaseIterable {
        case text
        case html

        /// The file an override folder holds for it.
        public var fileName: String {
            switch self {
            case .text: "statement.txt.mustache"
            case .html: "statement.html.mustache"
            }
        }
    }

    /// Where each template came from: a file path, or `embedded`.
    public let textSource: String
    public let htmlSource: String
    private let textTemplate: MustacheTemplate
    private let htmlTemplate: MustacheTemplate
    /// The templates' texts, which is what makes two sets equal.
    private let texts: [String]

    /// The templates shipped in the binary.
    public static let embedded: StatementTemplates = {
        do {
            return try StatementTemplates(folder: nil)
        } catch {
            // The embedded templates are parsed by the tests; a build that broke them must not run.
            preconditionFailure("the embedded statement templates do not parse: \(error)")
        }
    }()

    /// The templates of `folder` where it has them, the embedded ones elsewhere; `nil`: only
    /// the embedded ones. A folder that does not exist is an error (a mistyped path must not
    /// silently give the embedded letters), as is a template that does not parse.
    public init(folder: String?) throws(StatementTemplateError) {
        if let folder {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw StatementTemplateError(file: folder, message: "is not a folder")
            }
        }
        let text = try Self.load(.text, folder: folder)
        let html = try Self.load(.html, folder: folder)
        textSource = text.source
        htmlSource = html.source
        textTemplate = text.template
        htmlTemplate = html.template
        texts = [text.text, html.text]
    }

    public static func == (lhs: StatementTemplates, rhs: StatementTemplates) -> Bool {
        lhs.texts == rhs.texts && lhs.textSource == rhs.textSource && lhs.htmlSource == rhs.htmlSource
    }

    /// The statement as a letter enclosure: amounts and dates the French way.
    public func render(_ statement: AccountStatement, as kind: Kind) -> String {
        let context = StatementContext.make(statement)
        switch kind {
        case .text: return textTemplate.render(context)
        case .html: return htmlTemplate.render(context)
        }
    }

    /// The text the binary carries for `kind`, for an operator to start an override from.
    public static func embeddedText(_ kind: Kind) -> String {
        switch kind {
        case .text: String(decoding: PackageResources.statement_txt_mustache, as: UTF8.self)
        case .html: String(decoding: PackageResources.statement_html_mustache, as: UTF8.self)
        }
    }

    /// Text templates are switched to unescaped output by a pragma on a line of its own put
    /// before the first (errors count lines from the file's first).
    private static let textPragma = "{{% CONTENT_TYPE: TEXT}}\n"

    private static func load(
        _ kind: Kind,
        folder: String?
    ) throws(StatementTemplateError) -> (source: String, text: String, template: MustacheTemplate) {
        var source = "embedded \(kind.fileName)"
        var text = embeddedText(kind)
        if let folder {
            let path = URL(fileURLWithPath: folder).appendingPathComponent(kind.fileName).path
            if FileManager.default.fileExists(atPath: path) {
                do {
                    text = try String(contentsOfFile: path, encoding: .utf8)
                } catch {
                    throw StatementTemplateError(file: path, message: "cannot be read as UTF-8 text (\(error.localizedDescription))")
                }
                source = path
            }
        }
        let prefix = kind == .text ? textPragma : ""
        do {
            return (source, text, try MustacheTemplate(string: prefix + text))
        } catch let error as MustacheTemplate.ParserError {
            let line = error.context.lineNumber - (prefix.isEmpty ? 0 : 1)
            throw StatementTemplateError(
                file: source,
                message: "line \(line), column \(error.context.columnNumber): \(error.error) in \"\(error.context.line)\""
            )
        } catch {
            throw StatementTemplateError(file: source, message: "\(error)")
        }
    }
}

/// A statement template that cannot be used, named by its file, so the operator knows which
/// one to fix.
public struct StatementTemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}
