#ifndef PORTER_CLIBXML2_SHIM_H
#define PORTER_CLIBXML2_SHIM_H

// libxml2's public headers Porter's CXML module uses, and the few calls Swift 6 cannot make directly.

// Debian's libxml2 is built with ICU, so <libxml/encoding.h> includes <unicode/ucnv.h> from
// /usr/include. Foundation carries its own, newer ICU headers (module _FoundationICU), and clang
// refuses a module that sees both definitions of `UErrorCode` (seen in a `--sanitize=address`
// build of the test targets). Porter never touches ICU or the ICU fields at the end of
// `xmlCharEncodingHandler` (whose size therefore differs from libxml2's: never allocate or
// read one from Swift), so the ICU part of the headers is switched off here.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlerror.h>

/// `xmlFree` is a global function pointer in libxml2; Swift cannot call it as a function.
static inline void porter_xml_free(void *pointer) { xmlFree(pointer); }

/// The structured error handler a thread had before `porter_xml_begin_error_scope`, and where
/// the thread keeps it.
typedef struct {
    xmlStructuredErrorFunc handler;
    void *context;
    xmlStructuredErrorFunc *handlerSlot;
    void **contextSlot;
} porter_xml_error_scope;

/// Sends this thread's libxml2 errors that no parser context catches to `handler`.
///
/// Character-conversion errors (`XML_FROM_I18N`), output errors and writer misuse are raised
/// without a parser context; libxml2 then uses the thread's structured error handler, or
/// prints to standard error when there is none. libxml2 2.9.14 keeps that handler per thread
/// (`xmlStructuredError` and `xmlStructuredErrorContext` are macros over thread-local slots
/// when built with threads, as Debian's is), so setting it around one call of ours touches no
/// other thread. The slots are looked up once (each lookup finds the thread's state) and
/// written directly, as `xmlSetStructuredErrorFunc` does. These libxml2 globals are touched
/// nowhere else: Porter's Swift code calls only this pair of functions.
///
/// - Returns: The previous handler, for `porter_xml_end_error_scope` on the same thread.
static inline porter_xml_error_scope porter_xml_begin_error_scope(void *context, xmlStructuredErrorFunc handler) {
    xmlStructuredErrorFunc *handlerSlot = &xmlStructuredError;
    void **contextSlot = &xmlStructuredErrorContext;
    porter_xml_error_scope previous = { *handlerSlot, *contextSlot, handlerSlot, contextSlot };
    *handlerSlot = handler;
    *contextSlot = context;
    return previous;
}

/// Puts back the handler `porter_xml_begin_error_scope` replaced.
static inline void porter_xml_end_error_scope(porter_xml_error_scope previous) {
    *previous.handlerSlot = previous.handler;
    *previous.contextSlot = previous.context;
}

#endif
