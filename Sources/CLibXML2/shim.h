#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
// Debian: apt-get install -y libxml2-dev (pkg-config libxml-2.0 adds -I/usr/include/libxml2).
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, whose headers clash with the copy Foundation ships.
// The checker never uses libxml2's ICU converters, so keep their declarations out.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/uri.h>
#endif
