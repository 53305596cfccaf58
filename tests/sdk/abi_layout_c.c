/*
 * plugin.h compiled as strict C11 (-std=c11 -pedantic -Wall -Wextra -Werror):
 * plugin authors writing C must be able to include it unchanged. The layout
 * is checked here at compile time and measured for the C++ test to compare.
 */
#include "abi_layout.h"

#define ASSAY_FIELD_SIZE(type, field) sizeof(((type*)0)->field)

#define ASSERT_FIELD(type, field, offset, size)                                 \
  _Static_assert(offsetof(type, field) == (offset), #type "." #field " moved"); \
  _Static_assert(ASSAY_FIELD_SIZE(type, field) == (size), #type "." #field " resized");
ASSAY_ABI_FIELDS(ASSERT_FIELD)

#define ASSERT_SIZE(type, size) _Static_assert(sizeof(type) == (size), #type " changed size");
ASSAY_ABI_SIZES(ASSERT_SIZE)

#define MEASURE_FIELD(type, field, offset, size) \
  {#type, #field, offsetof(type, field), ASSAY_FIELD_SIZE(type, field)},
const abi_measurement abi_fields_measured_by_c[] = {ASSAY_ABI_FIELDS(MEASURE_FIELD)};
const size_t abi_field_count_measured_by_c =
    sizeof abi_fields_measured_by_c / sizeof abi_fields_measured_by_c[0];

#define MEASURE_SIZE(type, size) {#type, "", 0, sizeof(type)},
const abi_measurement abi_sizes_measured_by_c[] = {ASSAY_ABI_SIZES(MEASURE_SIZE)};
const size_t abi_size_count_measured_by_c =
    sizeof abi_sizes_measured_by_c / sizeof abi_sizes_measured_by_c[0];
