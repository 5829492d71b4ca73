import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A bare HTTP/1.1 client on a socket, for requests URLSession would tidy up before sending
/// (`..` segments, absolute paths) and for reading an event stream as it comes.
final class RawHTTP {
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

    /// Sends one request with `Connection: close` and returns the status and the whole response.
    static func get(_ target: String, port: UInt16, method: String = "GET") -> (status: Int, text: String)? {
        guard let client = RawHTTP(port: port) else { return nil }
        client.send("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        var text = ""
        while let chunk = client.receive(), !chunk.isEmpty { text += chunk }
        let status = text.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) } ?? 0
        return (status, text)
    }
}
