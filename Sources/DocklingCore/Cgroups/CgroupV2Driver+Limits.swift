#if canImport(Glibc)
import Glibc
#endif

// The v2 files for docker's limits (Documentation/admin-guide/cgroup-v2.rst): memory.max
// and memory.swap.max, cpu.max and cpu.weight, pids.max, io.bfq.weight or io.weight.

extension CgroupV2Driver {
    /// The files to write for `limits`, and notes on limits this kernel cannot enforce.
    public func limitWrites(_ limits: CgroupLimits) throws -> (writes: [CgroupFileWrite], notes: [String]) {
        var writes: [CgroupFileWrite] = []
        var notes: [String] = []
        let path = { (name: String) in self.directory + "/" + name }
        if controllers.contains(.memory), let bytes = limits.memory {
            writes.append(CgroupFileWrite(path("memory.max"), String(bytes),
                                          note: "--memory: above this many bytes the kernel reclaims, then the OOM killer ends a process in the cgroup"))
            if let swap = limits.effectiveSwap {
                if kernel.exists(path("memory.swap.max"), note: "is there swap accounting (memory.swap.*) on this kernel?") {
                    // docker counts memory and swap together; v2 counts swap alone.
                    let value = switch swap { case .unlimited: "max"; case .total(let total): String(total - bytes) }
                    writes.append(CgroupFileWrite(path("memory.swap.max"), value,
                                                  note: "--memory-swap minus --memory: v2 limits swap on its own"))
                } else if limits.memorySwap != nil {
                    throw CgroupError("--memory-swap needs swap accounting, which this kernel does not do",
                                      hint: "memory.swap.max is missing: boot with swapaccount=1, or leave out --memory-swap")
                } else {
                    notes.append("this kernel does not account swap (no memory.swap.max): --memory limits RAM only, and the command may still swap")
                }
            }
        }
        if controllers.contains(.cpu) {
            if let quota = limits.cpuQuota {
                writes.append(CgroupFileWrite(path("cpu.max"), "\(quota.quota) \(quota.period)",
                                              note: "--cpus: microseconds of CPU time allowed per period; then the cgroup waits for the next"))
            }
            if let shares = limits.cpuShares {
                writes.append(CgroupFileWrite(path("cpu.weight"), String(Self.cpuWeight(shares: shares)),
                                              note: "--cpu-shares \(shares) as a v2 weight (100 is the default), converted as runc and crun do"))
            }
        }
        if controllers.contains(.pids), let limit = limits.pids {
            let value = switch limit { case .unlimited: "max"; case .limit(let count): String(count) }
            writes.append(CgroupFileWrite(path("pids.max"), value,
                                          note: "--pids-limit: fork and clone fail with EAGAIN once this many tasks exist"))
        }
        if controllers.contains(.blkio), let weight = limits.blkioWeight {
            writes.append(try ioWeightWrite(weight, in: directory))
        }
        return (writes, notes)
    }

    /// BFQ takes docker's weight as it is (1…1000); io.weight (the io.cost controller)
    /// has its own range, 1…10000. Prefer BFQ's file, as runc does.
    private func ioWeightWrite(_ weight: Int64, in directory: String) throws -> CgroupFileWrite {
        let note = "--blkio-weight: the cgroup's share of disk time when disks are contended"
        if kernel.exists(directory + "/io.bfq.weight", note: "does the bfq I/O scheduler take weights here?") {
            return CgroupFileWrite(directory + "/io.bfq.weight", String(weight), note: note)
        }
        if kernel.exists(directory + "/io.weight", note: "does the io.cost controller take weights here?") {
            return CgroupFileWrite(directory + "/io.weight", String(Self.ioWeight(blkioWeight: weight)),
                                   note: note + ", converted from 10…1000 to 1…10000")
        }
        throw CgroupError("--blkio-weight needs io.bfq.weight or io.weight, and this kernel has neither",
                          hint: "load the bfq I/O scheduler (modprobe bfq), or leave out --blkio-weight")
    }

    /// cpu.shares (2…262144, default 1024) to cpu.weight (1…10000, default 100): the
    /// conversion runc and crun adopted in 2025 (runc PR 4785, crun issue 1721), a
    /// quadratic in log2 that maps minimum to minimum, default to default, maximum to maximum.
    static func cpuWeight(shares: Int64) -> Int64 {
        if shares <= 2 { return 1 }
        if shares >= 262_144 { return 10_000 }
        let power = log2(Double(shares))
        let exponent = (power * power + 125 * power) / 612 - 7.0 / 34
        return Int64(ceil(pow(10, exponent)))
    }

    /// blkio.weight (10…1000) to io.weight (1…10000), linearly, as runc does.
    static func ioWeight(blkioWeight weight: Int64) -> Int64 {
        1 + (weight - 10) * 9999 / 990
    }
}
