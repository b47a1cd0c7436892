#ifndef PORTER_CLIBXML2_SHIM_H
#define PORTER_CLIBXML2_SHIM_H

// libxml2's public headers Porter's CXML module uses, and the few calls Swift 6 cannot make directly.
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlerror.h>

/// `xmlFree` is a global function pointer in libxml2; Swift cannot call it as a function.
static inline void porter_xml_free(void *pointer) { xmlFree(pointer); }

#endif
