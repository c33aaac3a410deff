#!/usr/bin/env python3
"""Sustained throughput: runs a command N times (JOBS at a time, `%N` replaced by the run's
number) and returns only when everything the runs left working has finished too.

A container runtime may answer before it has cleaned up: dockling's monitor reports the
exit code, then unmounts, removes cgroups and folders; conmon outlives `podman run`. So
this process makes itself a *child subreaper* (prctl PR_SET_CHILD_SUBREAPER): whatever a
run leaves behind is re-parented to it, and it waits until it has reaped every one. Then
it checks that the cgroups, the mounts below UNDER and the entries of WATCH (a folder,
such as a store's containers/) are back to what they were before the first run — waiting
for that too, so that work done by something other than a descendant is counted as well.

Usage: sustained.py [--runs N] [--jobs J] [--under DIR] [--watch DIR] -- COMMAND ARG…
"""
import argparse
import concurrent.futures
import ctypes
import os
import subprocess
import sys
import time

PR_SET_CHILD_SUBREAPER = 36


class OwnCgroup:
    """A cgroup of this process's own in every hierarchy, beneath the one it is in, so that
    the cgroups the runs make beneath their caller's (dockling's, runc's by default) are
    told apart from those of anything else running on the host meanwhile."""

    def __init__(self):
        self.pairs = []  # (the cgroup we were in, ours)
        try:
            for directory in self.current():
                own = f"{directory}/bench-sustained-{os.getpid()}"
                os.mkdir(own)
                self.pairs.append((directory, own))
                for name in ("cpuset.cpus", "cpuset.mems"):  # a new v1 cpuset starts empty
                    if os.path.exists(f"{own}/{name}"):
                        with open(f"{directory}/{name}") as parent, open(f"{own}/{name}", "w") as child:
                            child.write(parent.read())
                self.move("0", own)
        except OSError:
            self.remove()
            raise

    @staticmethod
    def current():
        """This process's cgroup directory in each mounted hierarchy."""
        mounts = []
        with open("/proc/self/mountinfo") as table:
            for line in table:
                fields, (kind, _, options) = line.split(" - ")[0].split(), line.split(" - ")[1].split()
                if kind in ("cgroup", "cgroup2"):
                    mounts.append((kind, set(options.split(",")), fields[3], fields[4]))
        directories = []
        with open("/proc/self/cgroup") as membership:
            for line in membership:
                _, controllers, path = line.rstrip("\n").split(":", 2)
                for kind, options, root, point in mounts:
                    wanted = kind == "cgroup2" if not controllers else set(controllers.split(",")) <= options
                    if wanted and path.startswith(root) and point not in [d for d, _ in directories]:
                        inside = path[len(root.rstrip("/")):].rstrip("/")
                        directories.append((point, point + inside))
                        break
        return [directory for _, directory in directories]

    @staticmethod
    def move(pid, directory):
        with open(f"{directory}/cgroup.procs", "w") as procs:
            procs.write(pid)

    def children(self):
        return sorted(top for _, own in self.pairs for top, _, _ in os.walk(own) if top != own)

    def remove(self):
        for directory, own in self.pairs:
            self.move("0", directory)
            try:
                os.rmdir(own)
            except OSError as error:  # a cgroup a run left inside: named, and left for a look
                print(f"sustained: cannot remove {own}: {error.strerror}", file=sys.stderr)


def mounts(under):
    with open("/proc/self/mountinfo") as table:
        return {line.split()[4] for line in table if line.split()[4].startswith(under)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--under", default="/")
    parser.add_argument("--watch")
    parser.add_argument("command", nargs="+")
    options = parser.parse_args()
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        sys.exit(f"sustained: prctl: {os.strerror(ctypes.get_errno())}")
    own = OwnCgroup()
    try:
        measure(options, own)
    finally:
        own.remove()


def measure(options, own):
    """The runs, then the wait until everything they left is gone."""
    def host():
        return own.children(), mounts(options.under), sorted(os.listdir(options.watch) if options.watch else [])

    before = host()

    def run(number):
        argv = [word.replace("%N", str(number)) for word in options.command]
        result = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        if result.returncode != 0:
            sys.exit(f"sustained: run {number}: {' '.join(argv)} exited with {result.returncode}")

    with concurrent.futures.ThreadPoolExecutor(options.jobs) as pool:
        list(pool.map(run, range(options.runs)))
    # Everything the runs left running is ours now: wait for the last of it.
    while True:
        try:
            os.wait()
        except ChildProcessError:
            break
    deadline = time.monotonic() + 10
    while (after := host()) != before:
        if time.monotonic() > deadline:
            sys.exit(f"sustained: not back to the start after 10 s: cgroups, mounts, entries were {before}, are {after}")
        time.sleep(0.001)


if __name__ == "__main__":
    main()
