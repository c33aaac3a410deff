// libseccomp, loaded on first use: only the process that compiles a filter (dockling,
// before a container's go-ahead) pays for it, not dockling-init nor any other command.
// The prototypes are seccomp.h's.
#include "CSeccomp.h"
#include "LazyLibrary.h"

static const char dl_lazy_soname[] = "libseccomp.so.2";
static void *dl_lazy_handle;

DL_LAZY(scmp_filter_ctx, seccomp_init, (uint32_t a0), (a0))
DL_LAZY_VOID(seccomp_release, (scmp_filter_ctx a0), (a0))
DL_LAZY(int, seccomp_syscall_resolve_name, (const char *a0), (a0))
DL_LAZY(int, seccomp_rule_add_array,
        (scmp_filter_ctx a0, uint32_t a1, int a2, unsigned int a3, const struct scmp_arg_cmp *a4),
        (a0, a1, a2, a3, a4))
DL_LAZY(int, seccomp_export_bpf, (const scmp_filter_ctx a0, int a1), (a0, a1))
DL_LAZY(int, seccomp_attr_set, (scmp_filter_ctx a0, enum scmp_filter_attr a1, uint32_t a2), (a0, a1, a2))
