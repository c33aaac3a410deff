// OpenSSL's libcrypto, loaded on first use: only the commands that hash blobs pay for it.
// The prototypes are openssl/evp.h's.
#include "CLibCrypto.h"
#include "LazyLibrary.h"

static const char dl_lazy_soname[] = "libcrypto.so.3";
static void *dl_lazy_handle;

DL_LAZY(EVP_MD_CTX *, EVP_MD_CTX_new, (void), ())
DL_LAZY_VOID(EVP_MD_CTX_free, (EVP_MD_CTX *a0), (a0))
DL_LAZY(int, EVP_MD_CTX_copy_ex, (EVP_MD_CTX *a0, const EVP_MD_CTX *a1), (a0, a1))
DL_LAZY(const EVP_MD *, EVP_sha256, (void), ())
DL_LAZY(int, EVP_DigestInit_ex, (EVP_MD_CTX *a0, const EVP_MD *a1, ENGINE *a2), (a0, a1, a2))
DL_LAZY(int, EVP_DigestUpdate, (EVP_MD_CTX *a0, const void *a1, size_t a2), (a0, a1, a2))
DL_LAZY(int, EVP_DigestFinal_ex, (EVP_MD_CTX *a0, unsigned char *a1, unsigned int *a2), (a0, a1, a2))
