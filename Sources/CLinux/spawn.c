// The fork+exec trampoline. Between fork() and execve() the child calls only
// async-signal-safe functions: no malloc, no locks, no Swift.
#define _GNU_SOURCE
#include "CLinux.h"
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>


static void child_fail(int status_fd, int err) {
    ssize_t ignored = write(status_fd, &err, sizeof err);
    (void)ignored;
    _exit(127);
}

/// Closes every descriptor not listed in keep (sorted here in place).
static void close_all_but(int *keep, int n) {
    for (int i = 1; i < n; i++) {
        for (int j = i; j > 0 && keep[j - 1] > keep[j]; j--) {
            int t = keep[j]; keep[j] = keep[j - 1]; keep[j - 1] = t;
        }
    }
    unsigned int next = 0;
    for (int i = 0; i < n; i++) {
        if (keep[i] < 0 || (unsigned int)keep[i] < next) continue;
        if ((unsigned int)keep[i] > next) syscall(SYS_close_range, next, (unsigned int)keep[i] - 1, 0);
        next = (unsigned int)keep[i] + 1;
    }
    syscall(SYS_close_range, next, ~0U, 0);
}

static void child_run(const char *path, char *const argv[], char *const envp[],
                      const int *fd_map, int nfds, int go_fd, int flags, int status_fd) {
    // Signal dispositions and the mask are inherited across exec: reset them.
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    for (int sig = 1; sig < NSIG; sig++) {
        if (sig != SIGKILL && sig != SIGSTOP) sigaction(sig, &dfl, NULL);
    }
    if (flags & DL_SPAWN_SETSID) {
        if (setsid() < 0) child_fail(status_fd, errno);
    }
    if (nfds > 64) child_fail(status_fd, EINVAL);
    // The status and go pipes move above the target range first, so that no dup2
    // below can close them by accident.
    int status = fcntl(status_fd, F_DUPFD_CLOEXEC, nfds);
    if (status < 0) child_fail(status_fd, errno);
    int go = go_fd >= 0 ? fcntl(go_fd, F_DUPFD_CLOEXEC, nfds) : -1;
    if (go_fd >= 0 && go < 0) child_fail(status, errno);
    // When every source is open and none sits on another's target, each is simply
    // dup2'd into place (what a tracer of the parent can predict). Otherwise every
    // source moves above the targets first, so no dup2 clobbers one still needed.
    int direct = 1;
    for (int i = 0; i < nfds; i++) {
        if (fd_map[i] < 0 || (fd_map[i] < nfds && fd_map[i] != i)) direct = 0;
    }
    int moved[64];
    for (int i = 0; i < nfds; i++) {
        if (direct) moved[i] = fd_map[i];
        else moved[i] = fd_map[i] < 0 ? open("/dev/null", O_RDWR | O_CLOEXEC) : fcntl(fd_map[i], F_DUPFD_CLOEXEC, nfds);
        if (moved[i] < 0) child_fail(status, errno);
    }
    for (int i = 0; i < nfds; i++) {
        // dup2 onto itself keeps close-on-exec; clear it so the descriptor survives exec.
        int ok = moved[i] == i ? fcntl(i, F_SETFD, 0) : dup2(moved[i], i);
        if (ok < 0) child_fail(status, errno);
    }
    if ((flags & DL_SPAWN_CONTROLLING_TTY) && ioctl(0, TIOCSCTTY, 0) < 0) child_fail(status, errno);
    // Only the targets, the status pipe and the go pipe stay open. If the write end
    // of the go pipe stayed open here, a parent that gives up would never be seen as EOF.
    int keep[66];
    int nkeep = 0;
    for (int i = 0; i < nfds; i++) keep[nkeep++] = i;
    keep[nkeep++] = status;
    if (go >= 0) keep[nkeep++] = go;
    close_all_but(keep, nkeep);
    if (go >= 0) {
        // "My descriptors are in place": a parent holding a socketpair can wait for
        // this before it looks at /proc/PID/fd. On a pipe's read end the write fails,
        // harmlessly.
        char byte = 'r';
        ssize_t ignored = write(go, &byte, 1);
        (void)ignored;
        ssize_t n;
        do { n = read(go, &byte, 1); } while (n < 0 && errno == EINTR);
        if (n != 1) _exit(125);
    }
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    execve(path, argv, envp);
    child_fail(status, errno);
}

struct spawn_request {
    const char *path;
    char *const *argv;
    char *const *envp;
    const int *fd_map;
    int nfds, go_fd, flags, status_fd;
};

static int child_entry(void *arg) {
    const struct spawn_request *r = arg;
    child_run(r->path, r->argv, r->envp, r->fd_map, r->nfds, r->go_fd, r->flags, r->status_fd);
    return 127;
}

/// Without a go pipe the child needs nothing more from the parent, so it borrows the
/// parent's memory (CLONE_VM | CLONE_VFORK, as posix_spawn does) instead of getting a
/// copy: no page tables to copy, no copy-on-write faults afterwards in either process.
/// The parent sleeps until the child has exec'd or exited. With a go pipe the child
/// waits for the parent, so it must be a fork.
static pid_t start_child(struct spawn_request *r) {
    if (r->go_fd >= 0) {
        pid_t pid = fork();
        if (pid == 0) child_entry(r);
        return pid;
    }
    const size_t size = 64 * 1024;
    char *stack = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (stack == MAP_FAILED) return -1;
    pid_t pid = clone(child_entry, stack + size, CLONE_VM | CLONE_VFORK | SIGCHLD, r);
    int saved = errno;
    munmap(stack, size);
    errno = saved;
    return pid;
}

pid_t dl_spawn(const char *path, char *const argv[], char *const envp[],
               const int *fd_map, int nfds, int go_fd, int flags,
               int *exec_status_fd) {
    int status[2];
    if (pipe2(status, O_CLOEXEC) < 0) return -1;
    // Block every signal so that no handler of the parent runs in the child
    // before the dispositions are reset.
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    struct spawn_request request = { path, argv, envp, fd_map, nfds, go_fd, flags, status[1] };
    pid_t pid = start_child(&request);
    int saved = errno;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    close(status[1]);
    if (pid < 0) {
        close(status[0]);
        errno = saved;
        return -1;
    }
    *exec_status_fd = status[0];
    return pid;
}
