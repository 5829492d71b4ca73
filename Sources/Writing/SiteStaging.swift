import Diagnostics
import Dispatch
import SiteLayout

/// A new site being written into its staging folder batch by batch, while the rest of it is
/// still being rendered: `add` hands a batch to a writing thread and returns at once (unless two
/// batches are already waiting), so rendering and writing overlap and no more than a few batches
/// are held in memory. `commit` swaps the whole site in; `discard` drops it.
public final class SiteStaging: @unchecked Sendable {
    let writer: SiteWriter
    /// The staging folder, beside the output.
    let folder: String
    /// Writes run one batch at a time, in the order added; the state below is only touched there.
    private let queue = DispatchQueue(label: "avance.site-staging")
    private let waiting = DispatchSemaphore(value: 2)
    private var seen: Set<String> = []
    private var folders: Set<String> = []
    private var failure: Diagnostic?
    private var finished = false
    private var made = false

    init(writer: SiteWriter, folder: String) {
        self.writer = writer
        self.folder = folder
    }

    /// Queues `files` for writing. Paths are checked as in `SiteWriter.write`; the first problem
    /// stops all writing and is thrown by `commit`.
    public func add(_ files: [OutputFile]) {
        waiting.wait()
        queue.async { [self] in
            defer { waiting.signal() }
            guard failure == nil, !finished else { return }
            do {
                try writer.checkPaths(files, seen: &seen)
                try makeFolder()
                try FileTree.write(files, into: folder, made: &folders)
            } catch let error as Diagnostic {
                failure = error
            } catch {
                failure = writer.failed(error)
            }
        }
    }

    /// Waits for every batch, then swaps the staging folder in as the output. On failure the
    /// previous output is left as it was and the staging folder is removed.
    public func commit() throws(Diagnostic) {
        let problem = queue.sync { () -> Diagnostic? in
            finished = true
            if let failure { return failure }
            do throws(Diagnostic) {
                try makeFolder()
            } catch {
                return error
            }
            let marker = FileTree.writeFile(Array("avance\n".utf8), to: folder + "/" + SiteWriter.marker)
            return marker.map { writer.failed($0) }
        }
        if let problem {
            FileTree.remove(folder)
            throw problem
        }
        do {
            try writer.swap(folder)
        } catch {
            FileTree.remove(folder)
            throw writer.failed(error)
        }
    }

    /// Waits for the batches under way, then removes the staging folder: the output stays as it was.
    public func discard() {
        let wasMade = queue.sync {
            finished = true
            return made
        }
        if wasMade { FileTree.remove(folder) }
    }

    /// Makes the staging folder before the first files are written into it.
    private func makeFolder() throws(Diagnostic) {
        guard !made else { return }
        try writer.makeStaging(folder)
        made = true
    }
}
