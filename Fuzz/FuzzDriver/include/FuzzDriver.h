// The entry of avance's fuzz targets (see docs/hardening.md).
//
// Built with `-sanitize=fuzzer`, `fuzz_driver_run` hands over to libFuzzer, which then takes the
// usual options (`-max_total_time=600 corpus/`). In a plain build, where libFuzzer is not linked,
// it replays the files and folders given as arguments once each, so a crash found by the fuzzer
// can be reproduced with an ordinary debug build.
#ifndef AVANCE_FUZZ_DRIVER_H
#define AVANCE_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// The function a fuzz target runs on one input; returns 0.
typedef int (*fuzz_driver_callback)(const uint8_t *data, size_t size);

/// Runs libFuzzer on `callback` when it is linked in, else replays the inputs named in `argv`.
int fuzz_driver_run(int argc, char **argv, fuzz_driver_callback callback);

#endif
