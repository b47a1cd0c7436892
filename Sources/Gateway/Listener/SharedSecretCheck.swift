import Crypto

/// Compares a received shared secret with the expected one in constant time.
///
/// Both are hashed with SHA-256 first, so the comparison takes the same time whatever their lengths and wherever
/// they first differ; the digests are then compared byte by byte without an early exit.
enum SharedSecretCheck {
    static func matches(_ received: String, expected: String) -> Bool {
        let left = SHA256.hash(data: Array(received.utf8))
        let right = SHA256.hash(data: Array(expected.utf8))
        var difference: UInt8 = 0
        for (a, b) in zip(left, right) { difference |= a ^ b }
        return difference == 0 && !expected.isEmpty
    }
}
