// See include/FuzzDriver.h.
#include "FuzzDriver.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

// Defined by libclang_rt.fuzzer when the target is linked with -sanitize=fuzzer (which links the
// whole runtime, so the weak reference is resolved); absent, and so NULL, in a plain build.
extern int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *, size_t))
    __attribute__((weak));

static int replay_file(const char *path, fuzz_driver_callback callback) {
    FILE *file = fopen(path, "rb");
    if (!file) {
        fprintf(stderr, "cannot read %s\n", path);
        return -1;
    }
    size_t capacity = 4096, size = 0;
    uint8_t *data = malloc(capacity);
    size_t count;
    while (data && (count = fread(data + size, 1, capacity - size, file)) > 0) {
        size += count;
        if (size == capacity) {
            capacity *= 2;
            uint8_t *grown = realloc(data, capacity);
            if (!grown) free(data);
            data = grown;
        }
    }
    fclose(file);
    if (!data) return -1;
    callback(data, size);
    free(data);
    return 1;
}

static int replay(const char *path, fuzz_driver_callback callback) {
    struct stat info;
    if (stat(path, &info) != 0) {
        fprintf(stderr, "no such file: %s\n", path);
        return -1;
    }
    if (!S_ISDIR(info.st_mode)) return replay_file(path, callback);
    struct dirent **names;
    int count = scandir(path, &names, NULL, alphasort);
    if (count < 0) return -1;
    int replayed = 0;
    for (int i = 0; i < count; i++) {
        if (names[i]->d_name[0] != '.') {
            size_t length = strlen(path) + strlen(names[i]->d_name) + 2;
            char *child = malloc(length);
            snprintf(child, length, "%s/%s", path, names[i]->d_name);
            int result = replay(child, callback);
            if (result > 0) replayed += result;
            free(child);
        }
        free(names[i]);
    }
    free(names);
    return replayed;
}

int fuzz_driver_run(int argc, char **argv, fuzz_driver_callback callback) {
    if (LLVMFuzzerRunDriver) return LLVMFuzzerRunDriver(&argc, &argv, callback);
    int replayed = 0, failed = 0;
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-') continue;  // libFuzzer options mean nothing here
        int result = replay(argv[i], callback);
        if (result < 0) failed = 1; else replayed += result;
    }
    fprintf(stderr, "replayed %d inputs (no libFuzzer in this build: build with -sanitize=fuzzer to fuzz)\n",
            replayed);
    return failed ? 2 : 0;
}
