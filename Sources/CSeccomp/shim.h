#ifndef DOCKLING_CSECCOMP_SHIM_H
#define DOCKLING_CSECCOMP_SHIM_H
#include <seccomp.h>

/// SCMP_ACT_ERRNO is a macro with an argument, which Swift cannot call.
static inline uint32_t dl_seccomp_errno(uint16_t code) { return SCMP_ACT_ERRNO(code); }
#endif
