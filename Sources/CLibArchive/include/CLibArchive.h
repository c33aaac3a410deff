#ifndef DOCKLING_CLIBARCHIVE_SHIM_H
#define DOCKLING_CLIBARCHIVE_SHIM_H
#include <archive.h>
#include <archive_entry.h>
#endif
