import FlyingSocks

#if os(Linux)
    /// FlyingSocks' event loop for this system: `epoll` on Linux, `kqueue` on macOS.
    typealias EventPool = SocketPool<ePoll>

    extension EventPool {
        static func make() -> EventPool { .ePoll() }
    }
#else
    /// FlyingSocks' event loop for this system: `epoll` on Linux, `kqueue` on macOS.
    typealias EventPool = SocketPool<kQueue>

    extension EventPool {
        static func make() -> EventPool { .kQueue() }
    }
#endif

extension SocketPool {
    /// Returns once the pool has finished what it was doing. A suspended read or write is
    /// resumed first and its socket's events removed from the queue just after, in the same
    /// step of the pool: a socket closed in between would leave its events recorded, and the
    /// next socket given the same descriptor would never be woken (the pool believes it is
    /// registered already). So a connection waits for this before closing its socket.
    func settle() {}
}
