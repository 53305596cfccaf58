// check_descriptor on hand-made structs: the rules that no fixture needs a
// shared object to show.
#include "loader/descriptor_check.h"

#include <gtest/gtest.h>

#include <cstring>

using assay::loader::check_descriptor;
using assay::loader::is_valid_plugin_name;

namespace {

assay_status open_scanner(const assay_host_api*, const char*, assay_instance**) { return ASSAY_ERROR; }
assay_status scan(assay_instance*, const assay_scan*) { return ASSAY_ERROR; }
void close_instance(assay_instance*) {}
assay_status begin_report(const assay_host_api*, const char*, const assay_report*, assay_instance**) {
  return ASSAY_ERROR;
}
assay_status take_item(assay_instance*, const assay_item*) { return ASSAY_ERROR; }
assay_status end_report(assay_instance*) { return ASSAY_ERROR; }

assay_plugin reporter() {
  assay_plugin p{};
  p.struct_size = sizeof(p);
  p.api_major = ASSAY_API_MAJOR;
  p.api_minor = ASSAY_API_MINOR;
  p.kind = ASSAY_KIND_REPORTER;
  p.name = "r";
  p.version = "0.1";
  p.reporter_begin = begin_report;
  p.reporter_item = take_item;
  p.reporter_end = end_report;
  p.reporter_close = close_instance;
  return p;
}

TEST(DescriptorCheck, AcceptsACompleteReporterWithoutSchema) {
  auto verdict = check_descriptor(reporter());
  EXPECT_EQ(verdict.problem, "");
  EXPECT_EQ(verdict.accepted.reporter_end, &end_report);
}

TEST(DescriptorCheck, NamesEveryMissingFunctionOfAGroup) {
  assay_plugin p = reporter();
  p.reporter_item = nullptr;
  p.reporter_close = nullptr;
  EXPECT_EQ(check_descriptor(p).problem,
            "reporter group incomplete: reporter_item and reporter_close are NULL");
  p.reporter_end = nullptr;
  EXPECT_EQ(check_descriptor(p).problem,
            "reporter group incomplete: reporter_item, reporter_end and reporter_close are NULL");
}

TEST(DescriptorCheck, UnknownKind) {
  assay_plugin p = reporter();
  p.kind = 9;
  EXPECT_EQ(check_descriptor(p).problem, "unknown kind 9 (1 = scanner, 2 = reporter)");
}

TEST(DescriptorCheck, ScannerDeclaredAsScannerButFilledAsReporter) {
  assay_plugin p = reporter();
  p.kind = ASSAY_KIND_SCANNER;
  EXPECT_EQ(check_descriptor(p).problem, "kind says scanner but the reporter group is filled");
}

TEST(DescriptorCheck, SchemaMustBeAnObject) {
  assay_plugin p = reporter();
  p.config_schema = "[1, 2]";
  EXPECT_EQ(check_descriptor(p).problem, "config_schema is not a JSON object");
  p.config_schema = R"({"type": "object", "properties": {}})";
  EXPECT_EQ(check_descriptor(p).problem, "");
}

TEST(DescriptorCheck, EmptyNameAndVersionCountAsMissing) {
  assay_plugin p = reporter();
  p.version = "";
  EXPECT_EQ(check_descriptor(p).problem, "version is missing");
  p.name = "";
  EXPECT_EQ(check_descriptor(p).problem, "name is missing");
}

TEST(DescriptorCheck, StructSizeTooSmallToHoldTheVersion) {
  assay_plugin p = reporter();
  p.struct_size = 4;
  EXPECT_EQ(check_descriptor(p).problem, "assay_plugin struct_size 4 is smaller than the " +
                                             std::to_string(assay::loader::kRequiredPluginBytes) +
                                             " bytes API 1.4 requires");
}

TEST(DescriptorCheck, GroupsBeyondStructSizeReadAsNull) {
  assay_plugin p = reporter();
  p.kind = ASSAY_KIND_SCANNER;
  p.scanner_open = open_scanner;
  p.scanner_scan = scan;
  p.scanner_close = close_instance;
  p.struct_size = offsetof(assay_plugin, reporter_begin);
  auto verdict = check_descriptor(p);
  EXPECT_EQ(verdict.problem, "");
  EXPECT_EQ(verdict.accepted.struct_size, offsetof(assay_plugin, reporter_begin));
  EXPECT_EQ(verdict.accepted.scanner_scan, &scan);
  EXPECT_EQ(verdict.accepted.reporter_begin, nullptr);
  EXPECT_EQ(verdict.accepted.reporter_close, nullptr);
}

TEST(DescriptorCheck, ScannerFlagsAreReadOnlyWhenStructSizeCoversThem) {
  assay_plugin p = reporter();
  p.kind = ASSAY_KIND_SCANNER;
  p.reporter_begin = nullptr;
  p.reporter_item = nullptr;
  p.reporter_end = nullptr;
  p.reporter_close = nullptr;
  p.scanner_open = open_scanner;
  p.scanner_scan = scan;
  p.scanner_close = close_instance;
  p.scanner_flags = ASSAY_SCANNER_FILE_LOCAL;
  EXPECT_EQ(check_descriptor(p).accepted.scanner_flags, ASSAY_SCANNER_FILE_LOCAL);
  p.struct_size = offsetof(assay_plugin, scanner_flags);  // an API 1.1 plugin
  auto verdict = check_descriptor(p);
  EXPECT_EQ(verdict.problem, "");
  EXPECT_EQ(verdict.accepted.scanner_flags, 0u);
}

TEST(DescriptorCheck, PluginNames) {
  for (const char* good : {"markers", "a", "0day", "sarif-export", "snake_case", "x1-2_3"}) {
    EXPECT_TRUE(is_valid_plugin_name(good)) << good;
  }
  for (const char* bad :
       {"", "-lead", "_lead", "Upper", "has space", "dot.ted", "slash/ed", "\xc3\xa9t\xc3\xa9"}) {
    EXPECT_FALSE(is_valid_plugin_name(bad)) << bad;
  }
}

}  // namespace
