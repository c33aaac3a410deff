// Shared libraries loaded when first called (see LazyLibrary.h).
#define _GNU_SOURCE
#include "LazyLibrary.h"
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

void *dl_lazy_symbol(const char *soname, void **handle, const char *name) {
    if (!*handle) *handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    void *symbol = *handle ? dlsym(*handle, name) : NULL;
    if (!symbol) {
        fprintf(stderr, "dockling: cannot load %s from %s: %s\n", name, soname, dlerror());
        exit(125);
    }
    return symbol;
}
