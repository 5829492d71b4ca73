import Templates

/// A row of a table: an entry with a link, or a record of a list field.
public struct RowView: Sendable, TemplateView {
    public var title: String?
    public var url: String?
    public var cells: [CellView]
    /// The language of its title when it is not the page's (an untranslated title).
    public var lang: String?

    public static let names: TemplateNames<RowView> = [
        "title": .init(\.title),
        "url": .init(\.url),
        "cells": .init(\.cells),
        "lang": .init(\.lang),
    ]
}

/// A table cell: zero or more values.
public struct CellView: Sendable, TemplateView {
    public var values: [ValueView]
    /// Its column's heading, shown beside the value where a narrow screen stacks the row.
    public var label: String?

    var empty: Bool { values.isEmpty }

    public static let names: TemplateNames<CellView> = [
        "values": .init(\.values),
        "label": .init(\.label),
        "empty": .init(\.empty),
    ]
}
