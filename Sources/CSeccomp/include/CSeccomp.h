#ifndef DOCKLING_CSECCOMP_SHIM_H
#define DOCKLING_CSECCOMP_SHIM_H
// libseccomp, to compile docker's profile into a BPF program (the kernel gets the
// program from dockling itself, with seccomp(2)).
#include <seccomp.h>

/// SCMP_ACT_ERRNO is a macro with an argument, which Swift cannot call.
static inline uint32_t dl_seccomp_errno(uint16_t code) { return SCMP_ACT_ERRNO(code); }
#endif
