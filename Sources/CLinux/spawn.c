// The fork+exec trampoline. Between fork() and execve() the child calls only
// async-signal-safe functions: no malloc, no locks, no Swift.
#define _GNU_SOURCE
#include "CLinux.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif

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
    if (go_fd >= 0) {
        // Close what the child will not keep first: if the write end of the go pipe
        // stayed open here, a parent that gives up would never be seen as EOF.
        int keep[66];
        int nkeep = 0;
        keep[nkeep++] = status_fd;
        keep[nkeep++] = go_fd;
        for (int i = 0; i < nfds && nkeep < 66; i++) {
            if (fd_map[i] >= 0) keep[nkeep++] = fd_map[i];
        }
        close_all_but(keep, nkeep);
        char go;
        ssize_t n;
        do { n = read(go_fd, &go, 1); } while (n < 0 && errno == EINTR);
        if (n != 1) _exit(125);
    }
    // Move every source above the target range first, so that dup2 of one
    // target cannot clobber a source still needed for another.
    int moved[64];
    if (nfds > 64) child_fail(status_fd, EINVAL);
    int floor = nfds > status_fd ? nfds : status_fd + 1;
    for (int i = 0; i < nfds; i++) {
        moved[i] = -1;
        if (fd_map[i] < 0) {
            moved[i] = open("/dev/null", O_RDWR | O_CLOEXEC);
        } else {
            moved[i] = fcntl(fd_map[i], F_DUPFD_CLOEXEC, floor);
        }
        if (moved[i] < 0) child_fail(status_fd, errno);
    }
    for (int i = 0; i < nfds; i++) {
        if (dup2(moved[i], i) < 0) child_fail(status_fd, errno);
    }
    syscall(SYS_close_range, (unsigned)nfds, ~0U, CLOSE_RANGE_CLOEXEC);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    execve(path, argv, envp);
    child_fail(status_fd, errno);
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
    pid_t pid = fork();
    if (pid == 0) {
        close(status[0]);
        child_run(path, argv, envp, fd_map, nfds, go_fd, flags, status[1]);
    }
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
