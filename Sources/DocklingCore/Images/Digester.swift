import CLibCrypto

/// Hashes a stream piece by piece (SHA-256, OpenSSL's EVP interface), so that a layer of
/// any size is digested as it passes through, never held in memory whole.
package final class Digester {
    private let context: OpaquePointer
    package private(set) var count: Int64 = 0

    package init() {
        context = EVP_MD_CTX_new()
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
    }

    deinit { EVP_MD_CTX_free(context) }

    package func update(_ bytes: UnsafeRawBufferPointer) {
        if let base = bytes.baseAddress { EVP_DigestUpdate(context, base, bytes.count) }
        count += Int64(bytes.count)
    }

    /// The digest of everything so far. The context is left as it was, so more may follow.
    package func finalize() -> Digest {
        let copy = EVP_MD_CTX_new()
        defer { EVP_MD_CTX_free(copy) }
        EVP_MD_CTX_copy_ex(copy, context)
        var hash = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        EVP_DigestFinal_ex(copy, &hash, &length)
        return Digest(sha256: hash)
    }
}
