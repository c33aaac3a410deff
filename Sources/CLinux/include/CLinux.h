// CLinux: only the C that the kernel boundary forces on dockling.
//
// Swift cannot safely run between fork() and execve() in a process that may have
// several threads, and Glibc's Swift overlay lacks a few Linux calls. Everything
// here is a thin wrapper; the logic and the tracing live in DocklingCore/Kernel.
#ifndef DOCKLING_CLINUX_H
#define DOCKLING_CLINUX_H

#include <sys/types.h>

/// Flags for dl_spawn.
#define DL_SPAWN_SETSID 1

/// Start a program with fork+exec done entirely in C.
///
/// fd_map[i] is the parent's descriptor that becomes descriptor i in the child
/// (-1: i is opened on /dev/null). Every other descriptor is closed on exec.
/// When go_fd >= 0 the child blocks reading one byte from it before it execs; an
/// EOF there means the parent gave up, and the child exits 125 without exec.
/// *exec_status_fd receives a close-on-exec pipe: EOF means execve succeeded,
/// four bytes are the errno of a failed execve.
/// Returns the child's pid, or -1 with errno set.
pid_t dl_spawn(const char *path, char *const argv[], char *const envp[],
               const int *fd_map, int nfds, int go_fd, int flags,
               int *exec_status_fd);

int dl_pipe2(int fds[2], int flags);
ssize_t dl_lgetxattr(const char *path, const char *name, void *value, size_t size);
int dl_lsetxattr(const char *path, const char *name, const void *value, size_t size, int flags);
int dl_unshare(int flags);
int dl_setns(int fd, int nstype);
int dl_pivot_root(const char *new_root, const char *put_old);
int dl_pidfd_open(pid_t pid, unsigned int flags);
int dl_pidfd_send_signal(int pidfd, int sig);
int dl_close_range(unsigned int first, unsigned int last, int flags);
int dl_prctl(int option, unsigned long arg2, unsigned long arg3);
pid_t dl_fork(void);
/// clone(2) without a new stack: like fork, but the child starts in new namespaces.
pid_t dl_clone_namespaces(int flags);
int dl_setresuid(uid_t uid);
int dl_setresgid(gid_t gid);
int dl_ioctl_int(int fd, unsigned long request, int arg);
int dl_ioctl_ptr(int fd, unsigned long request, void *arg);
/// Bring a network interface up (SIOCGIFFLAGS then SIOCSIFFLAGS with IFF_UP).
int dl_set_link_up(int sock, const char *ifname);

int dl_wifexited(int status);
int dl_wexitstatus(int status);
int dl_wifsignaled(int status);
int dl_wtermsig(int status);

#endif
