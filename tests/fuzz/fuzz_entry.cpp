// The libFuzzer entry point of one fuzz_<harness> binary; CMake names the
// harness function in ASSAY_FUZZ_HARNESS.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "harnesses.h"

#ifndef ASSAY_FUZZ_HARNESS
#error "ASSAY_FUZZ_HARNESS must name the harness function, e.g. run_config"
#endif

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  assay::fuzz::ASSAY_FUZZ_HARNESS(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
