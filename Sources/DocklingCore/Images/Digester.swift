import Crypto

/// Hashes a stream piece by piece, so that a layer of any size is digested as it
/// passes through, never held in memory whole.
struct Digester {
    private var hash = SHA256()
    private(set) var count: Int64 = 0

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        hash.update(bufferPointer: bytes)
        count += Int64(bytes.count)
    }

    func finalize() -> Digest { Digest(hash.finalize()) }
}
