#ifndef CCMARKGFM_SHIM_H
#define CCMARKGFM_SHIM_H
// Debian installs the public headers directly in /usr/include;
// /usr/include/cmark-gfm/ holds internal headers and must not be used.
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
#endif
