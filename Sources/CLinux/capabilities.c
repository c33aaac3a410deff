// capget(2) and capset(2): glibc has no wrapper, and its two structs (a header and one data
// block per 32 capabilities) are easier to fill in C than from Swift.
#define _GNU_SOURCE
#include "CLinux.h"
#include <linux/capability.h>
#include <sys/syscall.h>
#include <unistd.h>

int dl_capset(uint64_t effective, uint64_t permitted, uint64_t inheritable) {
    struct __user_cap_header_struct header = { .version = _LINUX_CAPABILITY_VERSION_3, .pid = 0 };
    struct __user_cap_data_struct data[2] = {
        { (uint32_t)effective, (uint32_t)permitted, (uint32_t)inheritable },
        { (uint32_t)(effective >> 32), (uint32_t)(permitted >> 32), (uint32_t)(inheritable >> 32) },
    };
    return (int)syscall(SYS_capset, &header, data);
}

int dl_capget(uint64_t sets[3]) {
    struct __user_cap_header_struct header = { .version = _LINUX_CAPABILITY_VERSION_3, .pid = 0 };
    struct __user_cap_data_struct data[2];
    int result = (int)syscall(SYS_capget, &header, data);
    if (result == 0) {
        sets[0] = data[0].effective | (uint64_t)data[1].effective << 32;
        sets[1] = data[0].permitted | (uint64_t)data[1].permitted << 32;
        sets[2] = data[0].inheritable | (uint64_t)data[1].inheritable << 32;
    }
    return result;
}
