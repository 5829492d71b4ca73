/* libxml2's HTML SAX parser alone, for comparison with `avance check`: parses every file named
 * on stdin (one path a line) with one reused context and a startElement callback that only
 * counts attributes, then prints files, elements and seconds. One thread; the options and
 * encoding are the checker's.
 * Build: cc -O2 $(pkg-config --cflags libxml-2.0) libxml2-sax.c $(pkg-config --libs libxml-2.0) */
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static long elements, attributes;

static void start(void *ctx, const xmlChar *name, const xmlChar **atts) {
    (void)ctx; (void)name;
    elements++;
    for (; atts && *atts; atts += 2) attributes++;
}

int main(void) {
    char path[4096];
    static char buffer[1 << 24];
    long files = 0;
    xmlInitParser();
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    memset(ctxt->sax, 0, sizeof(*ctxt->sax));
    ctxt->sax->startElement = start;
    struct timespec begin, end;
    clock_gettime(CLOCK_MONOTONIC, &begin);
    while (fgets(path, sizeof path, stdin)) {
        path[strcspn(path, "\n")] = 0;
        FILE *file = fopen(path, "rb");
        if (!file) continue;
        size_t size = fread(buffer, 1, sizeof buffer, file);
        fclose(file);
        /* The options and encoding `avance check` parses with (HTMLScanner.swift). */
        htmlCtxtReadMemory(ctxt, buffer, (int)size, NULL, "UTF-8",
                           HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                               HTML_PARSE_NOIMPLIED);
        files++;
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (end.tv_sec - begin.tv_sec) + (end.tv_nsec - begin.tv_nsec) / 1e9;
    printf("%ld files, %ld elements, %ld attributes in %.3f s: %.0f files/s on one thread\n", files, elements,
           attributes, seconds, files / seconds);
    htmlFreeParserCtxt(ctxt);
    return 0;
}
