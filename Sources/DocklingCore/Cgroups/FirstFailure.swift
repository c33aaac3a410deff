/// Cleanup keeps going after a step fails (one stuck cgroup must not strand the others)
/// and reports the first failure at the end.
struct FirstFailure {
    private(set) var error: (any Error)?

    mutating func attempt(_ body: () throws -> Void) {
        do {
            try body()
        } catch {
            self.error = self.error ?? error
        }
    }

    func throwIfAny() throws {
        if let error { throw error }
    }
}
