// The v1 files for docker's limits (Documentation/admin-guide/cgroup-v1/ in the kernel):
// memory.txt, the CFS bandwidth section of sched-bwc.rst, pids.txt and blkio-controller.txt.

extension CgroupV1Driver {
    /// The files to write for `limits`, in an order the kernel accepts, and notes on
    /// limits this kernel cannot enforce.
    public func limitWrites(_ limits: CgroupLimits) throws -> (writes: [CgroupFileWrite], notes: [String]) {
        var writes: [CgroupFileWrite] = []
        var notes: [String] = []
        if let memory = cgroups[.memory], let bytes = limits.memory {
            writes.append(CgroupFileWrite(memory + "/memory.limit_in_bytes", String(bytes),
                                          note: "--memory: above this many bytes the kernel reclaims, then the OOM killer ends a process in the cgroup"))
            let swapFile = memory + "/memory.memsw.limit_in_bytes"
            if let swap = limits.effectiveSwap {
                if kernel.exists(swapFile, note: "is there swap accounting (memory.memsw.*) on this kernel?") {
                    let value = switch swap { case .unlimited: "-1"; case .total(let total): String(total) }
                    writes.append(CgroupFileWrite(swapFile, value,
                                                  note: "memory and swap together; written after memory.limit_in_bytes, which it may never be below"))
                } else if limits.memorySwap != nil {
                    throw CgroupError("--memory-swap needs swap accounting, which this kernel does not do",
                                      hint: "memory.memsw.limit_in_bytes is missing: boot with swapaccount=1, or leave out --memory-swap")
                } else {
                    notes.append("this kernel does not account swap (no memory.memsw.limit_in_bytes): --memory limits RAM only, and the command may still swap")
                }
            }
        }
        if let cpu = cgroups[.cpu] {
            if let quota = limits.cpuQuota {
                writes.append(CgroupFileWrite(cpu + "/cpu.cfs_period_us", String(quota.period),
                                              note: "--cpus: the length of one accounting period, in microseconds"))
                writes.append(CgroupFileWrite(cpu + "/cpu.cfs_quota_us", String(quota.quota),
                                              note: "--cpus: CPU time the cgroup may use per period; then it waits for the next"))
            }
            if let shares = limits.cpuShares {
                writes.append(CgroupFileWrite(cpu + "/cpu.shares", String(shares),
                                              note: "--cpu-shares: the cgroup's weight when CPUs are contended (1024 is the default)"))
            }
        }
        if let pids = cgroups[.pids], let limit = limits.pids {
            let value = switch limit { case .unlimited: "max"; case .limit(let count): String(count) }
            writes.append(CgroupFileWrite(pids + "/pids.max", value,
                                          note: "--pids-limit: fork and clone fail with EAGAIN once this many tasks exist"))
        }
        if let blkio = cgroups[.blkio], let weight = limits.blkioWeight {
            writes.append(CgroupFileWrite(try weightFile(in: blkio), String(weight),
                                          note: "--blkio-weight: the cgroup's share of disk time when disks are contended"))
        }
        return (writes, notes)
    }

    /// BFQ, the I/O scheduler that still does proportional weights, has its own file;
    /// the older CFQ's blkio.weight went with it in Linux 5.0. Prefer BFQ's, as runc does.
    private func weightFile(in directory: String) throws -> String {
        for name in ["blkio.bfq.weight", "blkio.weight"] {
            let path = directory + "/" + name
            if kernel.exists(path, note: "which I/O scheduler takes weights on this kernel?") { return path }
        }
        throw CgroupError("--blkio-weight needs blkio.bfq.weight or blkio.weight, and this kernel has neither",
                          hint: "load the bfq I/O scheduler (modprobe bfq), or leave out --blkio-weight")
    }
}
