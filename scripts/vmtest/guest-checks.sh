#!/bin/sh
# Runs inside the VM, after the test suites: what a learner would try by hand on a
# cgroup-v2-only machine, with the release executables. Each check prints what it saw
# and one line "vmtest: check NAME: PASS|FAIL"; the exit status is the number of failures.
dockling=/vmtest/release/dockling
export DOCKLING_ROOT=/tmp/vmtest-store   # a store of the guest's own, in its tmpfs
failures=0

check() {   # check NAME COMMAND…: runs one check function and reports it
  name=$1; shift
  if "$@"; then echo "vmtest: check $name: PASS"
  else echo "vmtest: check $name: FAIL"; failures=$((failures + 1)); fi
}

# The PID 1 of a running container, from `dockling inspect` ("Pid" : 1234).
pid_of() { "$dockling" inspect "$1" | sed -n 's/.*"Pid" *: *\([0-9][0-9]*\).*/\1/p' | head -n 1; }
# The cgroup folder of a process: the v2 line of /proc/PID/cgroup is "0::/path".
cgroup_of() { echo "/sys/fs/cgroup$(sed -n 's/^0:://p' "/proc/$1/cgroup")"; }
# A file of a running container's cgroup, seen from the host.
cgroup_file() { cat "$(cgroup_of "$(pid_of "$1")")/$2"; }

# --memory: a shell that keeps 100 MB in a variable, three times its limit, is killed by
# the kernel's OOM killer inside the container's cgroup: docker's exit code 137.
memory() {
  out=$("$dockling" run --rm --memory 32m busybox sh -c \
        'x=$(head -c 100000000 /dev/zero | tr "\0" a); echo survived' 2>&1)
  status=$?
  echo "  run --rm --memory 32m busybox <100 MB hog>: exit $status${out:+, said: $out}"
  [ $status -eq 137 ] && [ "$out" = "${out%survived*}" ]
}

# --pids-limit: pids.max holds the limit and the kernel refuses the fork that would pass it.
pids() {
  "$dockling" run -d --name forks --pids-limit 10 busybox sleep 300 > /dev/null || return 1
  "$dockling" exec forks sh -c 'i=0; while [ $i -lt 30 ]; do sleep 300 & i=$((i+1)); done' > /dev/null 2>&1
  max=$(cgroup_file forks pids.max)
  current=$(cgroup_file forks pids.current)
  refused=$(cgroup_file forks pids.events | awk '$1 == "max" { print $2 }')
  echo "  run --pids-limit 10, then 30 background sleeps by exec: pids.max $max, pids.current $current, forks refused (pids.events max) $refused"
  "$dockling" rm -f forks > /dev/null
  [ "$max" = 10 ] && [ "$current" -le 10 ] && [ "$refused" -ge 1 ]
}

# --cpus: cpu.max holds quota and period; a busy loop is throttled in most periods.
cpus() {
  "$dockling" run -d --name spinner --cpus 0.2 busybox sh -c 'while :; do :; done' > /dev/null || return 1
  sleep 3
  max=$(cgroup_file spinner cpu.max)
  stat=$(cgroup_file spinner cpu.stat | awk '/^(nr_periods|nr_throttled|throttled_usec) / { printf "%s %s, ", $1, $2 }')
  throttled=$(cgroup_file spinner cpu.stat | awk '$1 == "nr_throttled" { print $2 }')
  echo "  run --cpus 0.2 busybox <busy loop>, 3 s: cpu.max \"$max\", cpu.stat: ${stat%, }"
  "$dockling" rm -f spinner > /dev/null
  [ "$max" = "20000 100000" ] && [ "${throttled:-0}" -gt 0 ]
}

# commit of a running container: the v2 freezer (cgroup.freeze) stops it while its layer
# is written — one write of 1, one of 0 — and it runs on afterwards.
commit() {
  "$dockling" run -d --name ticker busybox sh -c \
    'i=0; while true; do i=$((i+1)); echo $i > /count; sleep 0.2; done' > /dev/null || return 1
  sleep 2
  trace=$("$dockling" commit --trace=json ticker ticks:1 2>&1 > /dev/null)
  status=$?
  freezes=$(echo "$trace" | grep '"call":"openat"' | grep -c 'cgroup\.freeze')
  writes=$(echo "$trace" | grep '"call":"write"' | grep -o 'freeze every process\|thaw the container' | tr '\n' ',')
  count=$("$dockling" run --rm ticks:1 cat /count)
  running=$("$dockling" inspect ticker | grep -c '"Running" *: *true')
  echo "  commit ticker ticks:1: exit $status, cgroup.freeze opened $freezes times, writes: ${writes%,}; the image's /count: $count; still running: $running"
  [ $status -eq 0 ] && [ "$freezes" -eq 2 ] && [ "$writes" = "freeze every process,thaw the container," ] &&
    [ -n "$count" ] && [ "$running" -ge 1 ]
}

# exec: the new process joins the container's cgroup (the host sees the same cgroup in
# /proc/PID/cgroup) and, through the cgroup namespace, sees it as its root "/".
exec_joins() {
  inside=$("$dockling" exec ticker cat /proc/self/cgroup)
  "$dockling" exec ticker sleep 7.25 &
  client=$!
  pid=""; tries=0
  while [ -z "$pid" ] && [ $tries -lt 100 ]; do
    pid=$(for p in /proc/[0-9]*; do
            [ "$(tr '\0' ' ' < "$p/cmdline")" = "sleep 7.25 " ] && echo "${p#/proc/}"
          done 2>/dev/null | head -n 1)
    tries=$((tries + 1)); [ -z "$pid" ] && sleep 0.1
  done
  joined=$(sed -n 's/^0:://p' "/proc/$pid/cgroup" 2>/dev/null)
  container=$(sed -n 's/^0:://p' "/proc/$(pid_of ticker)/cgroup")
  echo "  exec ticker: inside sees \"$inside\"; host sees exec'd pid ${pid:-none} in $joined, PID 1 in $container"
  kill "$pid" 2>/dev/null; wait $client
  [ -n "$pid" ] && [ "$joined" = "$container" ] && [ "${container#/dockling-}" != "$container" ] && [ "$inside" = "0::/" ]
}

# Every dockling-* cgroup in the whole hierarchy, one per line.
dockling_cgroups() { find /sys/fs/cgroup -name 'dockling-*' -type d | sort; }

# After everything is removed, no dockling-* cgroup the checks made is left anywhere in
# the hierarchy. (One a test suite left — say, a container of a test that crashed before
# its tear-down — is named, but it is that suite's failure, already counted.)
nothing_left() {
  "$dockling" rm -f ticker > /dev/null
  "$dockling" system prune -f > /dev/null
  left=$(dockling_cgroups | grep -v -x -F "$suites_left")
  mounts=$(grep -c "$DOCKLING_ROOT" /proc/mounts)
  echo "  after rm -f and prune: dockling-* cgroups: ${left:-none}; mounts in the store: $mounts"
  [ -n "$suites_left" ] && echo "  (there before the checks, from the suites: $(echo $suites_left))"
  [ -z "$left" ] && [ "$mounts" -eq 0 ]
}

echo "vmtest: === checks (release build, store $DOCKLING_ROOT)"
suites_left=$(dockling_cgroups)
check "run --memory: OOM kill gives 137" memory
check "run --pids-limit: enforced" pids
check "run --cpus: throttled" cpus
check "commit of a running container: freezer cgroup.freeze" commit
check "exec joins the container's cgroup" exec_joins
check "no dockling-* cgroup left" nothing_left
rm -rf "$DOCKLING_ROOT"
exit $failures
