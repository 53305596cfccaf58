// The SDK's ABI, pinned: size and offset of every field of every struct in
// plugin.h on x86_64, as the C++ compiler sees it (static_assert), as the C
// compiler sees it (abi_layout_c.c), and that the listed fields cover each
// struct completely, so that a new field cannot slip in unlisted.
#include "abi_layout.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstring>
#include <map>
#include <string>
#include <type_traits>
#include <vector>

#if !defined(__x86_64__)
#error "the pinned layout is the x86_64 (LP64) one"
#endif

#define ASSERT_FIELD(type, field, offset, size)                                \
  static_assert(offsetof(type, field) == (offset), #type "." #field " moved"); \
  static_assert(sizeof(type::field) == (size), #type "." #field " resized");
ASSAY_ABI_FIELDS(ASSERT_FIELD)

#define ASSERT_SIZE(type, size) static_assert(sizeof(type) == (size), #type " changed size");
ASSAY_ABI_SIZES(ASSERT_SIZE)

#define ASSERT_STRUCT_SIZE_FIRST(type, size)                                          \
  static_assert(offsetof(type, struct_size) == 0, #type ".struct_size is not first"); \
  static_assert(std::is_same_v<decltype(type::struct_size), size_t>, #type ".struct_size");
ASSAY_ABI_SIZES(ASSERT_STRUCT_SIZE_FIRST)

// 1.1 added the history functions and report_assessment; 1.2 added
// assay_host_api.deliver and assay_delivery after them; 1.3 added
// commits_since after deliver and assay_item.json_flags; 1.4 added
// cache_get and cache_put after commits_since.
static_assert(ASSAY_API_MAJOR == 1 && ASSAY_API_MINOR == 4);
static_assert(
    std::is_same_v<decltype(assay_host_api::cache_get),
                   assay_status (*)(const assay_scan*, const char*, size_t, const char**, size_t*)>);
static_assert(std::is_same_v<decltype(assay_host_api::cache_put),
                             assay_status (*)(const assay_scan*, const char*, size_t, const char*, size_t)>);
static_assert(ASSAY_CACHE_MAX_KEY == 1024u && ASSAY_CACHE_MAX_VALUE == 1024u * 1024u);
static_assert(std::is_same_v<decltype(assay_host_api::commits_since),
                             assay_status (*)(const assay_scan*, int64_t, uint64_t*)>);
static_assert(ASSAY_ITEM_JSON_COMPACT_DUMP == 1u);
static_assert(std::is_same_v<decltype(assay_host_api::deliver),
                             assay_status (*)(assay_host*, const assay_delivery*, char*, size_t)>);
static_assert(ASSAY_MAX_ERROR == 512);
static_assert(
    std::is_same_v<assay_plugin_init_fn, assay_status (*)(const assay_host_api*, assay_plugin*, size_t)>);

namespace {

struct Expected {
  std::string type, field;
  size_t offset, size;
  size_t cxx_offset, cxx_size;
};

#define EXPECTED_FIELD(type, field, offset, size) \
  Expected{#type, #field, offset, size, offsetof(type, field), sizeof(type::field)},
const std::vector<Expected> kFields = {ASSAY_ABI_FIELDS(EXPECTED_FIELD)};

#define EXPECTED_SIZE(type, size) {#type, size},
const std::map<std::string, size_t> kSizes = {ASSAY_ABI_SIZES(EXPECTED_SIZE)};

TEST(AbiLayout, CxxSeesThePinnedLayout) {
  for (const auto& f : kFields) {
    EXPECT_EQ(f.cxx_offset, f.offset) << f.type << "." << f.field;
    EXPECT_EQ(f.cxx_size, f.size) << f.type << "." << f.field;
  }
}

TEST(AbiLayout, CSeesTheSameLayoutAsCxx) {
  ASSERT_EQ(abi_field_count_measured_by_c, kFields.size());
  for (size_t i = 0; i < kFields.size(); ++i) {
    const abi_measurement& c = abi_fields_measured_by_c[i];
    EXPECT_EQ(c.type, kFields[i].type);
    EXPECT_EQ(c.field, kFields[i].field);
    EXPECT_EQ(c.offset, kFields[i].offset) << c.type << "." << c.field;
    EXPECT_EQ(c.size, kFields[i].size) << c.type << "." << c.field;
  }
  ASSERT_EQ(abi_size_count_measured_by_c, kSizes.size());
  for (size_t i = 0; i < abi_size_count_measured_by_c; ++i) {
    const abi_measurement& c = abi_sizes_measured_by_c[i];
    EXPECT_EQ(c.size, kSizes.at(c.type)) << c.type;
  }
}

// Every listed struct starts with struct_size, and its listed fields follow
// one another with nothing but alignment padding between them and after the
// last: a field missing from the list would leave a hole.
TEST(AbiLayout, ListedFieldsCoverEveryStruct) {
  std::map<std::string, std::vector<Expected>> by_type;
  for (const auto& f : kFields) by_type[f.type].push_back(f);
  ASSERT_EQ(by_type.size(), kSizes.size());
  auto align_up = [](size_t value, size_t alignment) {
    return (value + alignment - 1) / alignment * alignment;
  };
  for (const auto& [type, fields] : by_type) {
    ASSERT_FALSE(fields.empty());
    EXPECT_EQ(fields.front().field, "struct_size") << type;
    EXPECT_EQ(fields.front().offset, 0u) << type;
    size_t end = 0;
    for (const auto& f : fields) {
      EXPECT_EQ(f.offset, align_up(end, f.size)) << type << "." << f.field << " leaves a gap";
      end = f.offset + f.size;
    }
    EXPECT_EQ(kSizes.at(type), align_up(end, 8)) << type << " has fields after " << fields.back().field;
  }
}

TEST(AbiLayout, VersionAndConstants) {
  EXPECT_EQ(ASSAY_API_MAJOR, 1);
  EXPECT_EQ(ASSAY_API_MINOR, 4);
  EXPECT_EQ(ASSAY_MAX_ERROR, 512);
  EXPECT_STREQ(ASSAY_PLUGIN_INIT_SYMBOL, "assay_plugin_init");
  EXPECT_EQ(ASSAY_OK, 0);
  EXPECT_EQ(ASSAY_ERROR, 1);
  EXPECT_EQ(ASSAY_CANCELLED, 2);
  EXPECT_EQ(ASSAY_INVALID, 3);
  EXPECT_EQ(ASSAY_NO_MEMORY, 4);
  EXPECT_EQ(ASSAY_UNSUPPORTED, 5);
  EXPECT_EQ(ASSAY_KIND_SCANNER, 1);
  EXPECT_EQ(ASSAY_KIND_REPORTER, 2);
  EXPECT_EQ(ASSAY_LOG_TRACE, 0);
  EXPECT_EQ(ASSAY_LOG_ERROR, 4);
  EXPECT_EQ(sizeof(assay_status), 4u);
  EXPECT_EQ(ASSAY_HISTORY_CUT, 1u);
  EXPECT_EQ(ASSAY_ORIGIN_COMMITTED, 0);
  EXPECT_EQ(ASSAY_ORIGIN_AT_OR_BEFORE, 1);
  EXPECT_EQ(ASSAY_ORIGIN_BEFORE_HISTORY, 2);
  EXPECT_EQ(ASSAY_ORIGIN_UNCOMMITTED, 3);
}

}  // namespace
