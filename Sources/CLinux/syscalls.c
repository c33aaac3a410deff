// Wrappers for calls that Swift's Glibc module does not expose (or exposes only
// as variadic functions or macros, which Swift cannot call).
#define _GNU_SOURCE
#include "CLinux.h"
#include <net/if.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <linux/filter.h>
#include <linux/mount.h>
#include <linux/seccomp.h>
#include <sys/file.h>
#include <sys/fsuid.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <unistd.h>

int dl_pipe2(int fds[2], int flags) { return pipe2(fds, flags); }
int dl_flock(int fd, int operation) { return flock(fd, operation); }
ssize_t dl_lgetxattr(const char *path, const char *name, void *value, size_t size) {
    return lgetxattr(path, name, value, size);
}
int dl_lsetxattr(const char *path, const char *name, const void *value, size_t size, int flags) {
    return lsetxattr(path, name, value, size, flags);
}
int dl_unshare(int flags) { return unshare(flags); }
int dl_setns(int fd, int nstype) { return setns(fd, nstype); }
int dl_sched_idle(void) {
    struct sched_param none = { 0 };
    return sched_setscheduler(0, SCHED_IDLE, &none);
}
int dl_pivot_root(const char *new_root, const char *put_old) {
    return (int)syscall(SYS_pivot_root, new_root, put_old);
}
int dl_pidfd_open(pid_t pid, unsigned int flags) {
    return (int)syscall(SYS_pidfd_open, pid, flags);
}
int dl_close_range(unsigned int first, unsigned int last, int flags) {
    return (int)syscall(SYS_close_range, first, last, flags);
}
int dl_prctl(int option, unsigned long arg2, unsigned long arg3) {
    return prctl(option, arg2, arg3, 0, 0);
}
pid_t dl_fork(void) { return fork(); }
pid_t dl_clone_namespaces(int flags) {
    return (pid_t)syscall(SYS_clone, (unsigned long)flags | SIGCHLD, NULL, NULL, NULL, 0UL);
}
int dl_setresuid(uid_t uid) { return setresuid(uid, uid, uid); }
int dl_setresgid(gid_t gid) { return setresgid(gid, gid, gid); }
int dl_setfsuid(uid_t uid) { return setfsuid(uid); }
int dl_setfsgid(gid_t gid) { return setfsgid(gid); }

int dl_open_tree(int dirfd, const char *path, int clone) {
    return (int)syscall(SYS_open_tree, dirfd, path, (clone ? OPEN_TREE_CLONE : 0) | OPEN_TREE_CLOEXEC);
}
int dl_mount_setattr_idmap(int fd, int userns_fd) {
    struct mount_attr attr = { .attr_set = MOUNT_ATTR_IDMAP, .userns_fd = (uint64_t)userns_fd };
    return (int)syscall(SYS_mount_setattr, fd, "", AT_EMPTY_PATH, &attr, sizeof attr);
}
int dl_fsopen(const char *fsname) { return (int)syscall(SYS_fsopen, fsname, FSOPEN_CLOEXEC); }
int dl_fsconfig(int fd, unsigned int cmd, const char *key, const char *value, int aux) {
    return (int)syscall(SYS_fsconfig, fd, cmd, key, value, aux);
}
int dl_fsmount(int fd) { return (int)syscall(SYS_fsmount, fd, FSMOUNT_CLOEXEC, 0); }
int dl_move_mount_fd(int fd, const char *target) {
    return (int)syscall(SYS_move_mount, fd, "", AT_FDCWD, target, MOVE_MOUNT_F_EMPTY_PATH);
}

int dl_seccomp_set_filter(const void *program, size_t bytes) {
    struct sock_fprog prog = {
        .len = (unsigned short)(bytes / sizeof(struct sock_filter)),
        .filter = (struct sock_filter *)program,
    };
    return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
}
int dl_set_link_up(int sock, const char *ifname) {
    struct ifreq ifr;
    memset(&ifr, 0, sizeof ifr);
    strncpy(ifr.ifr_name, ifname, IFNAMSIZ - 1);
    if (ioctl(sock, SIOCGIFFLAGS, &ifr) < 0) return -1;
    ifr.ifr_flags |= IFF_UP;
    return ioctl(sock, SIOCSIFFLAGS, &ifr);
}

int dl_wexitstatus(int status) { return WEXITSTATUS(status); }
int dl_wifsignaled(int status) { return WIFSIGNALED(status); }
int dl_wtermsig(int status) { return WTERMSIG(status); }
