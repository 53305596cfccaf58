// The invariant check of the fuzz harnesses. A violated invariant must stop
// the run the way a crash does, so that libFuzzer saves the input, and the
// corpus replay test fails on it too.
#pragma once

#include <cstdio>
#include <cstdlib>

#define ASSAY_FUZZ_CHECK(condition, what)                                                                 \
  do {                                                                                                    \
    if (!(condition)) {                                                                                   \
      std::fprintf(stderr, "%s:%d: invariant violated: %s (%s)\n", __FILE__, __LINE__, what, #condition); \
      std::abort();                                                                                       \
    }                                                                                                     \
  } while (false)
