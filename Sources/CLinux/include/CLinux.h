// CLinux: only the C that the kernel boundary forces on dockling.
//
// Swift cannot safely run between fork() and execve() in a process that may have
// several threads, and Glibc's Swift overlay lacks a few Linux calls. Everything
// here is a thin wrapper; the logic and the tracing live in DocklingCore/Kernel.
#ifndef DOCKLING_CLINUX_H
#define DOCKLING_CLINUX_H

#include <stdint.h>
#include <sys/types.h>
#include "LazyLibrary.h"

/// Flags for dl_spawn.
#define DL_SPAWN_SETSID 1
/// Make descriptor 0 (a terminal) the controlling terminal of the new session.
#define DL_SPAWN_CONTROLLING_TTY 2

/// Start a program with fork+exec done entirely in C.
///
/// fd_map[i] is the parent's descriptor that becomes descriptor i in the child
/// (-1: i is opened on /dev/null). Every other descriptor is closed.
/// When go_fd >= 0 the child, with its descriptors already in place, writes one byte to
/// it (a socketpair lets the parent wait for that), then blocks reading one byte from
/// it before it execs; an EOF there means the parent gave up, and the child
/// exits 125 without exec.
/// *exec_status_fd receives a close-on-exec pipe: EOF means execve succeeded,
/// four bytes are the errno of a failed execve.
/// Returns the child's pid, or -1 with errno set.
pid_t dl_spawn(const char *path, char *const argv[], char *const envp[],
               const int *fd_map, int nfds, int go_fd, int flags,
               int *exec_status_fd);

int dl_pipe2(int fds[2], int flags);
/// flock(2): Swift's Glibc module gives the name `flock` to the struct of fcntl locks.
int dl_flock(int fd, int operation);
ssize_t dl_lgetxattr(const char *path, const char *name, void *value, size_t size);
int dl_lsetxattr(const char *path, const char *name, const void *value, size_t size, int flags);
int dl_unshare(int flags);
int dl_setns(int fd, int nstype);
/// sched_setscheduler(0, SCHED_IDLE): SCHED_IDLE needs _GNU_SOURCE, which Swift's Glibc lacks.
int dl_sched_idle(void);
int dl_pivot_root(const char *new_root, const char *put_old);
int dl_pidfd_open(pid_t pid, unsigned int flags);
int dl_close_range(unsigned int first, unsigned int last, int flags);
int dl_prctl(int option, unsigned long arg2, unsigned long arg3);
/// capset(2) for the calling thread: each set is a bit mask of capability numbers.
int dl_capset(uint64_t effective, uint64_t permitted, uint64_t inheritable);
/// capget(2) for the calling thread: fills sets[0..2] with effective, permitted, inheritable.
int dl_capget(uint64_t sets[3]);
pid_t dl_fork(void);
/// clone(2) without a new stack: like fork, but the child starts in new namespaces.
pid_t dl_clone_namespaces(int flags);
int dl_setresuid(uid_t uid);
/// setfsuid(2) and setfsgid(2): the ids the kernel checks file access against.
/// They return the previous id (and cannot fail visibly).
int dl_setfsuid(uid_t uid);
int dl_setfsgid(gid_t gid);
int dl_setresgid(gid_t gid);
/// The new mount API (linux/mount.h), which glibc 2.36 declares but Swift cannot use
/// (struct mount_attr): open_tree, mount_setattr with MOUNT_ATTR_IDMAP only, fsopen,
/// fsconfig, fsmount, and move_mount of a descriptor (MOVE_MOUNT_F_EMPTY_PATH). Every
/// descriptor they return is close-on-exec; open_tree clones the tree when `clone` is set.
int dl_open_tree(int dirfd, const char *path, int clone);
int dl_mount_setattr_idmap(int fd, int userns_fd);
int dl_fsopen(const char *fsname);
int dl_fsconfig(int fd, unsigned int cmd, const char *key, const char *value, int aux);
int dl_fsmount(int fd);
int dl_move_mount_fd(int fd, const char *target);
/// seccomp(SECCOMP_SET_MODE_FILTER, 0, prog): installs a compiled BPF program of
/// `bytes` bytes (8 per instruction).
int dl_seccomp_set_filter(const void *program, size_t bytes);
/// Bring a network interface up (SIOCGIFFLAGS then SIOCSIFFLAGS with IFF_UP).
int dl_set_link_up(int sock, const char *ifname);

/// A unix socket in the abstract namespace (no file; gone when closed), listening.
int dl_listen_abstract(const char *name);
/// Connects to an abstract unix socket.
int dl_connect_abstract(const char *name);
/// The uid of the process at the other end of a unix socket (SO_PEERCRED), or -1.
long dl_peer_uid(int fd);
/// Blocks `signals` on the calling thread and returns a signalfd that reads them.
int dl_signalfd(const int *signals, int count);
/// accept4(fd, NULL, NULL, SOCK_CLOEXEC).
int dl_accept(int fd);
/// Sends a descriptor over a unix socket (SCM_RIGHTS).
int dl_send_fd(int sock, int fd);
/// Receives a descriptor sent with dl_send_fd; -1 at end of file or on error.
int dl_receive_fd(int sock);
/// Opens a new pty through `ptmx`: returns the master and stores the slave's fd and name.
int dl_open_pty(const char *ptmx, int *slave, char *name, size_t length);
/// Makes the pty `fd` the controlling terminal of the calling session (TIOCSCTTY).
int dl_set_controlling_tty(int fd);
int dl_get_window_size(int fd, unsigned short *rows, unsigned short *columns);
int dl_set_window_size(int fd, unsigned short rows, unsigned short columns);

int dl_wexitstatus(int status);
int dl_wifsignaled(int status);
int dl_wtermsig(int status);

#endif
