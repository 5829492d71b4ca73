/// What a value handed to a template is, known before any page is rendered: what the theme
/// check (`TemplateLibrary.unknownNames`) follows through sections and dotted names.
public indirect enum TemplateShape: Sendable {
    case text
    case number
    case flag
    case list(TemplateShape)
    /// A view whose names are a table (`TemplateView`).
    case object(any TemplateView.Type)
    /// An object that answers to any name it holds, such as the interface strings by key: the
    /// check takes every name inside it, as text.
    case anyName

    /// What `function` makes of a value of this shape, as `TemplateFunction.apply(to:)` does;
    /// `nil` when it means nothing for it.
    func applying(_ function: TemplateFunction) -> TemplateShape? {
        switch (function, self) {
        case (.empty, .text), (.empty, .list): .flag
        case (.count, .text), (.count, .list): .number
        case (.reversed, .text), (.lowercased, .text), (.uppercased, .text): .text
        case (.first, .list(let element)), (.last, .list(let element)): element
        case (.reversed, .list): self
        case (.equalzero, .number), (.even, .number), (.odd, .number): .flag
        case (.plusone, .number), (.minusone, .number): .number
        default: nil
        }
    }

    /// One name of a view: its shape, and whether it may be absent (an optional value).
    public struct Name: Sendable {
        public let shape: TemplateShape
        public let optional: Bool
    }
}
