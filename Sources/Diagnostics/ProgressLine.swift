import Foundation

/// How far a stage of a long run has got: "validating 4000/6002…".
public struct StageProgress: Sendable, Equatable {
    /// What is being done, in the words of the terminal (`validating`, `rendering`).
    public var stage: String
    /// How many items are done.
    public var done: Int
    /// How many there are, when that is known.
    public var total: Int?

    /// Progress of `stage`: `done` of `total` items.
    public init(_ stage: String, done: Int, total: Int? = nil) {
        self.stage = stage
        self.done = done
        self.total = total
    }

    /// The line as the terminal shows it in English: `validating 4000/6002…`.
    public var text: String { text(in: .english) }

    /// The line in `catalog`'s language: the stage's words are the catalog's `progress.<stage>`
    /// (spaces as hyphens: `progress.converting-markdown`), a stage named `rendering pages (en)`
    /// is `progress.rendering-pages` with its language after it.
    public func text(in catalog: MessageCatalog) -> String {
        var name = stage
        var language = ""
        if let open = stage.firstIndex(of: "(") {
            name = stage[..<open].trimmingCharacters(in: .whitespaces)
            language = " " + stage[open...]
        }
        let key = "progress." + name.lowercased().replacingOccurrences(of: " ", with: "-")
        let words = catalog.sentences[key].map { _ in catalog(key) } ?? name
        guard let total else { return catalog("progress.count", ["stage": words + language, "done": String(done)]) }
        return catalog(
            "progress.fraction", ["stage": words + language, "done": String(done), "total": String(total)])
    }
}

/// Hears the progress of a long run; called from any thread, often, so it must be cheap.
public typealias ProgressHandler = @Sendable (StageProgress) -> Void

/// A progress line on a terminal: rewritten in place (`\r`), at most once every `interval` (ten
/// times a second), shown only once a run has lasted `delay` (a short run prints nothing), and
/// erased (`\r\e[K`) before anything else is printed. Disabled, it prints nothing at all: the
/// command line enables it only when stderr is a terminal and `--quiet` is not given.
public final class ProgressLine: @unchecked Sendable {
    /// Erases the line the cursor is on and goes back to its start.
    public static let erase = "\r\u{1B}[K"

    let interval: Duration
    let delay: Duration
    let write: @Sendable (String) -> Void
    let elapsed: @Sendable () -> Duration
    private let lock = NSLock()
    /// When the line was last written, since the start; `nil` while nothing is shown.
    private var shownAt: Duration?
    private var showing = false
    private var isEnabled: Bool
    private var words = MessageCatalog.english

    /// Whether the line is shown at all; the command line turns it on once it knows where
    /// stderr goes and whether `--quiet` was given.
    public var enabled: Bool {
        get { lock.withLock { isEnabled } }
        set { lock.withLock { isEnabled = newValue } }
    }

    /// The language of the line: the command line sets it once it knows the site's.
    public var catalog: MessageCatalog {
        get { lock.withLock { words } }
        set { lock.withLock { words = newValue } }
    }

    /// A line written with `write`; `elapsed` is the time since the run started (a clock of
    /// its own by default; tests pass theirs).
    public init(
        enabled: Bool, interval: Duration = .milliseconds(100), delay: Duration = .milliseconds(250),
        elapsed: (@Sendable () -> Duration)? = nil, write: @escaping @Sendable (String) -> Void
    ) {
        self.isEnabled = enabled
        self.interval = interval
        self.delay = delay
        self.write = write
        if let elapsed {
            self.elapsed = elapsed
        } else {
            let start = ContinuousClock.now
            self.elapsed = { ContinuousClock.now - start }
        }
    }

    /// Shows `progress`, unless the line was rewritten less than `interval` ago or the run is
    /// younger than `delay`.
    public func update(_ progress: StageProgress) {
        let now = elapsed()
        // Written under the lock, so that a `clear` never lands between a decision and its write.
        lock.withLock {
            guard isEnabled, now >= delay else { return }
            if let shownAt, now - shownAt < interval { return }
            shownAt = now
            showing = true
            write(Self.erase + progress.text(in: words))
        }
    }

    /// Erases the line if it shows something, so that what is printed next starts a clean line.
    /// The next `update` may show it again at once.
    public func clear() {
        lock.withLock {
            if showing { write(Self.erase) }
            showing = false
            shownAt = nil
        }
    }
}

/// Counts the items of a stage done on every core and tells a `ProgressHandler` each time.
public final class ProgressCounter: @unchecked Sendable {
    let stage: String
    let total: Int?
    let handler: ProgressHandler?
    private let lock = NSLock()
    private var done = 0

    /// A counter for `stage`, of `total` items; with no handler, counting costs nothing.
    public init(_ stage: String, total: Int?, handler: ProgressHandler?) {
        self.stage = stage
        self.total = total
        self.handler = handler
    }

    /// One more item is done (or `count` more).
    public func step(_ count: Int = 1) {
        guard let handler else { return }
        let now = lock.withLock {
            done += count
            return done
        }
        handler(StageProgress(stage, done: now, total: total))
    }
}
