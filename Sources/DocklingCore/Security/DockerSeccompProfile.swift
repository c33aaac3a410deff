/// docker's default seccomp profile, as data: moby `profiles/seccomp/default.json`
/// (docker 25+). Everything not listed fails with EPERM. The list allows what ordinary
/// programs call and leaves out what reaches past the container: mount, unshare and
/// setns (new namespaces), the kernel keyring (keyctl, add_key: keyrings are not
/// namespaced), kernel modules, kexec, reboot, the clock, bpf and perf.
///
/// Simplified here: rules for other architectures than the one dockling runs on are
/// folded into `architectureSpecific` (names this architecture lacks are skipped),
/// s390's clone rule and the `minKernel: 4.8` test for ptrace are left out (Debian 12
/// runs Linux 6.1), and only the native architecture is filtered (docker adds the
/// 32-bit x86 and x32 ABIs; here their calls are killed).
enum DockerSeccompProfile {
    /// docker's `defaultErrnoRet`: EPERM, "Operation not permitted".
    static let defaultErrno: Int32 = 1

    static let rules: [SeccompRule] = [
        SeccompRule(names: allowed),
        SeccompRule(names: ["process_vm_readv", "process_vm_writev", "ptrace"]),
        // Any socket but AF_VSOCK (40), which reaches the hypervisor's host.
        SeccompRule(names: ["socket"], conditions: [.init(argument: 0, test: .notEquals(40))]),
        // personality(2) only for Linux (0) and 32-bit Linux (8), each also with
        // UNAME26 (0x20000), and the query 0xffffffff: the personas that switch off
        // address space randomization stay refused.
        SeccompRule(names: ["personality"], conditions: [.init(argument: 0, test: .equals(0))]),
        SeccompRule(names: ["personality"], conditions: [.init(argument: 0, test: .equals(8))]),
        SeccompRule(names: ["personality"], conditions: [.init(argument: 0, test: .equals(131_072))]),
        SeccompRule(names: ["personality"], conditions: [.init(argument: 0, test: .equals(131_080))]),
        SeccompRule(names: ["personality"], conditions: [.init(argument: 0, test: .equals(4_294_967_295))]),
        SeccompRule(names: architectureSpecific),
        SeccompRule(names: ["open_by_handle_at"], onlyWith: "CAP_DAC_READ_SEARCH"),
        SeccompRule(names: [
            "bpf", "clone", "clone3", "fanotify_init", "fsconfig", "fsmount", "fsopen", "fspick",
            "lookup_dcookie", "mount", "mount_setattr", "move_mount", "open_tree", "perf_event_open",
            "quotactl", "quotactl_fd", "setdomainname", "sethostname", "setns", "syslog", "umount",
            "umount2", "unshare",
        ], onlyWith: "CAP_SYS_ADMIN"),
        // Without SYS_ADMIN, clone only without CLONE_NEWNS|NEWCGROUP|NEWUTS|NEWIPC|
        // NEWUSER|NEWPID|NEWNET (0x7e020000): a fork or a thread, not a namespace.
        SeccompRule(names: ["clone"], conditions: [.init(argument: 0, test: .masked(mask: 0x7E02_0000, equals: 0))],
                    unlessWith: "CAP_SYS_ADMIN"),
        // clone3 passes its flags in a struct the filter cannot read: say "no such
        // call" (ENOSYS), and the C library falls back to clone.
        SeccompRule(names: ["clone3"], action: .fail(errno: 38), unlessWith: "CAP_SYS_ADMIN"),
        SeccompRule(names: ["reboot"], onlyWith: "CAP_SYS_BOOT"),
        SeccompRule(names: ["chroot"], onlyWith: "CAP_SYS_CHROOT"),
        SeccompRule(names: ["delete_module", "init_module", "finit_module"], onlyWith: "CAP_SYS_MODULE"),
        SeccompRule(names: ["acct"], onlyWith: "CAP_SYS_PACCT"),
        SeccompRule(names: ["kcmp", "pidfd_getfd", "process_madvise", "process_vm_readv", "process_vm_writev", "ptrace"],
                    onlyWith: "CAP_SYS_PTRACE"),
        SeccompRule(names: ["iopl", "ioperm"], onlyWith: "CAP_SYS_RAWIO"),
        SeccompRule(names: ["settimeofday", "stime", "clock_settime", "clock_settime64"], onlyWith: "CAP_SYS_TIME"),
        SeccompRule(names: ["vhangup"], onlyWith: "CAP_SYS_TTY_CONFIG"),
        SeccompRule(names: ["get_mempolicy", "mbind", "set_mempolicy", "set_mempolicy_home_node"], onlyWith: "CAP_SYS_NICE"),
        SeccompRule(names: ["syslog"], onlyWith: "CAP_SYSLOG"),
        SeccompRule(names: ["bpf"], onlyWith: "CAP_BPF"),
        SeccompRule(names: ["perf_event_open"], onlyWith: "CAP_PERFMON"),
    ]

    /// docker's rules that apply only on some architectures (arm, ppc64le, s390,
    /// riscv64, amd64), merged: a name the running architecture lacks is skipped.
    static let architectureSpecific = [
        "arch_prctl", "modify_ldt", "sync_file_range2", "swapcontext", "arm_fadvise64_64",
        "arm_sync_file_range", "breakpoint", "cacheflush", "set_tls", "s390_pci_mmio_read",
        "s390_pci_mmio_write", "s390_runtime_instr", "riscv_flush_icache",
    ]

    /// The calls every container may make, whatever its capabilities.
    static let allowed = [
        "accept", "accept4", "access", "adjtimex", "alarm", "bind", "brk", "capget", "capset", "chdir",
        "chmod", "chown", "chown32", "clock_adjtime", "clock_adjtime64", "clock_getres",
        "clock_getres_time64", "clock_gettime", "clock_gettime64", "clock_nanosleep",
        "clock_nanosleep_time64", "close", "close_range", "connect", "copy_file_range", "creat", "dup",
        "dup2", "dup3", "epoll_create", "epoll_create1", "epoll_ctl", "epoll_ctl_old", "epoll_pwait",
        "epoll_pwait2", "epoll_wait", "epoll_wait_old", "eventfd", "eventfd2", "execve", "execveat",
        "exit", "exit_group", "faccessat", "faccessat2", "fadvise64", "fadvise64_64", "fallocate",
        "fanotify_mark", "fchdir", "fchmod", "fchmodat", "fchown", "fchown32", "fchownat", "fcntl",
        "fcntl64", "fdatasync", "fgetxattr", "flistxattr", "flock", "fork", "fremovexattr", "fsetxattr",
        "fstat", "fstat64", "fstatat64", "fstatfs", "fstatfs64", "fsync", "ftruncate", "ftruncate64",
        "futex", "futex_time64", "futex_waitv", "futimesat", "getcpu", "getcwd", "getdents",
        "getdents64", "getegid", "getegid32", "geteuid", "geteuid32", "getgid", "getgid32", "getgroups",
        "getgroups32", "getitimer", "getpeername", "getpgid", "getpgrp", "getpid", "getppid",
        "getpriority", "getrandom", "getresgid", "getresgid32", "getresuid", "getresuid32", "getrlimit",
        "get_robust_list", "getrusage", "getsid", "getsockname", "getsockopt", "get_thread_area",
        "gettid", "gettimeofday", "getuid", "getuid32", "getxattr", "inotify_add_watch", "inotify_init",
        "inotify_init1", "inotify_rm_watch", "io_cancel", "ioctl", "io_destroy", "io_getevents",
        "io_pgetevents", "io_pgetevents_time64", "ioprio_get", "ioprio_set", "io_setup", "io_submit",
        "io_uring_enter", "io_uring_register", "io_uring_setup", "ipc", "kill", "landlock_add_rule",
        "landlock_create_ruleset", "landlock_restrict_self", "lchown", "lchown32", "lgetxattr", "link",
        "linkat", "listen", "listxattr", "llistxattr", "_llseek", "lremovexattr", "lseek", "lsetxattr",
        "lstat", "lstat64", "madvise", "membarrier", "memfd_create", "memfd_secret", "mincore", "mkdir",
        "mkdirat", "mknod", "mknodat", "mlock", "mlock2", "mlockall", "mmap", "mmap2", "mprotect",
        "mq_getsetattr", "mq_notify", "mq_open", "mq_timedreceive", "mq_timedreceive_time64",
        "mq_timedsend", "mq_timedsend_time64", "mq_unlink", "mremap", "msgctl", "msgget", "msgrcv",
        "msgsnd", "msync", "munlock", "munlockall", "munmap", "name_to_handle_at", "nanosleep",
        "newfstatat", "_newselect", "open", "openat", "openat2", "pause", "pidfd_open",
        "pidfd_send_signal", "pipe", "pipe2", "pkey_alloc", "pkey_free", "pkey_mprotect", "poll", "ppoll",
        "ppoll_time64", "prctl", "pread64", "preadv", "preadv2", "prlimit64", "process_mrelease",
        "pselect6", "pselect6_time64", "pwrite64", "pwritev", "pwritev2", "read", "readahead",
        "readlink", "readlinkat", "readv", "recv", "recvfrom", "recvmmsg", "recvmmsg_time64", "recvmsg",
        "remap_file_pages", "removexattr", "rename", "renameat", "renameat2", "restart_syscall", "rmdir",
        "rseq", "rt_sigaction", "rt_sigpending", "rt_sigprocmask", "rt_sigqueueinfo", "rt_sigreturn",
        "rt_sigsuspend", "rt_sigtimedwait", "rt_sigtimedwait_time64", "rt_tgsigqueueinfo",
        "sched_getaffinity", "sched_getattr", "sched_getparam", "sched_get_priority_max",
        "sched_get_priority_min", "sched_getscheduler", "sched_rr_get_interval",
        "sched_rr_get_interval_time64", "sched_setaffinity", "sched_setattr", "sched_setparam",
        "sched_setscheduler", "sched_yield", "seccomp", "select", "semctl", "semget", "semop",
        "semtimedop", "semtimedop_time64", "send", "sendfile", "sendfile64", "sendmmsg", "sendmsg",
        "sendto", "setfsgid", "setfsgid32", "setfsuid", "setfsuid32", "setgid", "setgid32", "setgroups",
        "setgroups32", "setitimer", "setpgid", "setpriority", "setregid", "setregid32", "setresgid",
        "setresgid32", "setresuid", "setresuid32", "setreuid", "setreuid32", "setrlimit",
        "set_robust_list", "setsid", "setsockopt", "set_thread_area", "set_tid_address", "setuid",
        "setuid32", "setxattr", "shmat", "shmctl", "shmdt", "shmget", "shutdown", "sigaltstack",
        "signalfd", "signalfd4", "sigprocmask", "sigreturn", "socketcall", "socketpair", "splice", "stat",
        "stat64", "statfs", "statfs64", "statx", "symlink", "symlinkat", "sync", "sync_file_range",
        "syncfs", "sysinfo", "tee", "tgkill", "time", "timer_create", "timer_delete", "timer_getoverrun",
        "timer_gettime", "timer_gettime64", "timer_settime", "timer_settime64", "timerfd_create",
        "timerfd_gettime", "timerfd_gettime64", "timerfd_settime", "timerfd_settime64", "times", "tkill",
        "truncate", "truncate64", "ugetrlimit", "umask", "uname", "unlink", "unlinkat", "utime",
        "utimensat", "utimensat_time64", "utimes", "vfork", "vmsplice", "wait4", "waitid", "waitpid",
        "write", "writev",
    ]
}
