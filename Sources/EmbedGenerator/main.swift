import Foundation

// EmbedGenerator OUTPUT ROOT PATH...: writes OUTPUT, a Swift source holding the bytes of each
// file ROOT/PATH, for the EmbedFiles build-tool plugin. Each file is a Base64 string literal:
// a string literal costs the compiler nothing to type-check, where an array literal of 100,000
// `UInt8`s takes it seconds.

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: EmbedGenerator OUTPUT ROOT [PATH...]\n".utf8))
    exit(2)
}
let output = arguments[arguments.startIndex]
let root = arguments[arguments.startIndex + 1]
var source = """
    // Generated at build time by the EmbedFiles plugin (Plugins/EmbedFiles) from the files named
    // below: do not edit.

    enum EmbeddedFiles {
        /// Each file's path from the repository's root and its bytes in Base64, sorted by path.
        static let all: [(path: String, base64: String)] = [

    """
for path in arguments.dropFirst(2).sorted() {
    guard let data = FileManager.default.contents(atPath: root + "/" + path) else {
        FileHandle.standardError.write(Data("EmbedGenerator: cannot read \(root)/\(path)\n".utf8))
        exit(1)
    }
    // Paths are written as they are: a quote or backslash in one would break the literal.
    guard !path.contains("\""), !path.contains("\\") else {
        FileHandle.standardError.write(Data("EmbedGenerator: unsupported file name \(path)\n".utf8))
        exit(1)
    }
    source += "        (\"\(path)\", \"\(data.base64EncodedString())\"),\n"
}
source += "    ]\n}\n"
do {
    try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
} catch {
    FileHandle.standardError.write(Data("EmbedGenerator: cannot write \(output): \(error)\n".utf8))
    exit(1)
}
