#ifndef DOCKLING_CLIBCRYPTO_SHIM_H
#define DOCKLING_CLIBCRYPTO_SHIM_H
// OpenSSL's libcrypto, for SHA-256 only: it uses the CPU's SHA instructions, and it
// keeps full Foundation (and ICU) out of dockling's processes.
#include <openssl/evp.h>
#endif
