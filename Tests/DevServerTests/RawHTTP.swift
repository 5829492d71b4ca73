import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A bare HTTP/1.1 client on a socket, for requests URLSession would tidy up before sending
/// (`..` segments, absolute paths) and for reading an event stream as it comes.
final class RawHTTP: @unchecked Sendable {
    let socket: Int32

    /// Connects to 127.0.0.1:`port`; `nil` when nothing listens there.
    init?(port: UInt16, timeout: Int = 5) {
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(fd)
            return nil
        }
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        socket = fd
    }

    deinit { close(socket) }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Sends every byte, in pieces, until done or until the server stops reading (an error, or
    /// the send timeout); returns how many were sent.
    @discardableResult
    func send(bytes: [UInt8], timeout: Int = 10) -> Int {
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes {
                Glibc.send(socket, $0.baseAddress, Swift.min($0.count, 65_536), Int32(MSG_NOSIGNAL))
            }
            guard count > 0 else { break }
            sent += count
        }
        return sent
    }

    /// Everything until the server closes the connection (or the timeout passes).
    func receiveAll() -> String {
        var text = ""
        while let chunk = receive(), !chunk.isEmpty { text += chunk }
        return text
    }

    /// The status of the response at the start of `text`; 0 when there is none.
    static func status(of text: String) -> Int {
        text.hasPrefix("HTTP/1.")
            ? text.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) } ?? 0 : 0
    }

    /// Reads what has arrived, waiting up to the timeout; empty at the end of the stream.
    func receive() -> String? {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = recv(socket, &buffer, buffer.count, 0)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    /// Reads until `text` has arrived (or the stream ends, or the timeout passes).
    func receive(until text: String, already: inout String) -> Bool {
        while !already.contains(text) {
            guard let chunk = receive(), !chunk.isEmpty else { return false }
            already += chunk
        }
        return true
    }

    /// Reads one whole response with a `Content-Length` body: its head, then exactly that many
    /// bytes, so that nothing of it is left on the connection for the next read to find. `nil`
    /// when the stream ends or the timeout passes first.
    func receiveResponse() -> (head: String, body: [UInt8])? {
        var bytes: [UInt8] = []
        let separator = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        var length: Int?
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            if headEnd == nil, let end = bytes.firstRange(of: separator)?.upperBound {
                headEnd = end
                let head = String(decoding: bytes[..<end], as: UTF8.self).lowercased()
                guard let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
                    let value = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
                else { return nil }
                length = value
            }
            if let headEnd, let length, bytes.count >= headEnd + length {
                guard bytes.count == headEnd + length else { return nil }  // more than one response
                return (String(decoding: bytes[..<headEnd], as: UTF8.self), Array(bytes[headEnd...]))
            }
            let count = recv(socket, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            bytes += buffer[..<count]
        }
    }

    /// Sends one request with `Connection: close` and returns the status and the whole response.
    static func get(_ target: String, port: UInt16, method: String = "GET", timeout: Int = 5) -> (
        status: Int, text: String
    )? {
        guard let client = RawHTTP(port: port, timeout: timeout) else { return nil }
        client.send("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        let text = client.receiveAll()
        return (status(of: text), text)
    }
}

/// Runs blocking socket code on a thread of its own, so that the server's tasks, in the same
/// process, keep the cooperative threads (two on a two-core machine) to themselves.
func onThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread.detachNewThread { continuation.resume(returning: body()) }
    }
}
