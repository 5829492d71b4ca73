/// The words of the comments `avance new` writes into a new file, in the site's language:
/// the people who fill the file in read them. Spanish and English; other languages get English.
struct TemplateWords: Sendable {
    var intro: @Sendable (_ singular: String) -> String
    var comments: String
    var required: String
    var optional: String
    var values: String
    var oneID: @Sendable (_ collection: String) -> String
    var severalIDs: @Sendable (_ collection: String) -> String
    var noEntries: String
    var existing: String
    var more: @Sendable (_ count: Int, _ folder: String) -> String
    var fillIn: String
    var date: String
    var whole: String
    var number: String
    var percent: String
    var boolean: String
    var url: String
    var list: String
    var records: String
    var markdown: String

    /// The words for `language` (a BCP 47 tag such as `es` or `es-EC`).
    static func forLanguage(_ language: String) -> TemplateWords {
        language.lowercased().hasPrefix("es") ? spanish : english
    }

    static let spanish = TemplateWords(
        intro: { "\($0): entrada nueva. Complete los campos y borre los comentarios que no necesite." },
        comments: "Las líneas que empiezan con # son comentarios: avance no las lee.",
        required: "obligatorio", optional: "opcional", values: "Valores posibles:",
        oneID: { "el id de una entrada de «\($0)»." },
        severalIDs: { "los ids de entradas de «\($0)», como [id-1, id-2]." },
        noEntries: "Todavía no hay ninguna.", existing: "Existen:",
        more: { "… y \($0) más (vea content/\($1)/)." },
        fillIn: "Escriba el valor después de los dos puntos.",
        date: "una fecha AAAA-MM-DD, o AAAA-MM o AAAA si solo se conoce el mes o el año.",
        whole: "un número entero.", number: "un número (con punto decimal).", percent: "un porcentaje de 0 a 100.",
        boolean: "true o false.", url: "una dirección http://, https:// o mailto:.",
        list: "una lista, un elemento por línea con «- ».", records: "una lista de registros con estos campos:",
        markdown: "texto; admite Markdown.")

    static let english = TemplateWords(
        intro: { "\($0): a new entry. Fill in the fields and delete the comments you do not need." },
        comments: "Lines that start with # are comments: avance does not read them.",
        required: "required", optional: "optional", values: "Allowed values:",
        oneID: { "the id of an entry of “\($0)”." },
        severalIDs: { "the ids of entries of “\($0)”, such as [id-1, id-2]." },
        noEntries: "There are none yet.", existing: "Existing:",
        more: { "… and \($0) more (see content/\($1)/)." },
        fillIn: "Write the value after the colon.",
        date: "a date YYYY-MM-DD, or YYYY-MM or YYYY when only the month or year is known.",
        whole: "a whole number.", number: "a number (with a decimal point).", percent: "a percentage from 0 to 100.",
        boolean: "true or false.", url: "an http://, https:// or mailto: address.",
        list: "a list, one item per line starting with “- ”.", records: "a list of records with these fields:",
        markdown: "text; Markdown is allowed.")
}
