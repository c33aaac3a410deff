#ifndef DOCKLING_LAZY_LIBRARY_H
#define DOCKLING_LAZY_LIBRARY_H

/// The address of `name` in the shared library `soname`, loaded on first use with
/// dlopen. A library every process would load at start costs every process its
/// relocations (a millisecond or more each for libarchive and libcrypto), though most
/// dockling processes never call it. Exits with dockling's code 125, naming the
/// library, when it cannot be loaded.
void *dl_lazy_symbol(const char *soname, void **handle, const char *name);

/// Defines `name` with the library's own prototype, calling the library's function,
/// which is looked up on the first call. A file using it first defines
/// `static const char dl_lazy_soname[]` and `static void *dl_lazy_handle`.
#define DL_LAZY(ret, name, params, args) \
    ret name params { \
        static ret (*real) params; \
        if (!real) real = (ret (*) params)dl_lazy_symbol(dl_lazy_soname, &dl_lazy_handle, #name); \
        return real args; \
    }

/// The same for a function that returns nothing.
#define DL_LAZY_VOID(name, params, args) \
    void name params { \
        static void (*real) params; \
        if (!real) real = (void (*) params)dl_lazy_symbol(dl_lazy_soname, &dl_lazy_handle, #name); \
        real args; \
    }

#endif
