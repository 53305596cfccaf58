/*
 * The layout every struct of plugin.h must keep on x86_64 (LP64), as one
 * list both the C and the C++ compiler check. A change here is an ABI break
 * unless it only appends fields at the end of a struct (rule 3).
 *
 * X(type, field, offset, size), fields in declaration order. API 1.1 added
 * file_history, file_commit, line_origin and report_assessment at the end of
 * assay_host_api, and the structs the history functions fill; API 1.2 added
 * deliver after them, and assay_delivery, and scanner_flags at the end of
 * assay_plugin; API 1.3 added commits_since after deliver, and json_flags at
 * the end of assay_item; API 1.4 added cache_get and cache_put after
 * commits_since.
 */
#ifndef ASSAY_TEST_ABI_LAYOUT_H
#define ASSAY_TEST_ABI_LAYOUT_H

#include <assay/plugin.h>
#include <stddef.h>

#define ASSAY_ABI_FIELDS(X)                        \
  X(assay_file_info, struct_size, 0, 8)            \
  X(assay_file_info, path, 8, 8)                   \
  X(assay_file_info, size, 16, 8)                  \
  X(assay_file_info, blob_id, 24, 8)               \
  X(assay_file_info, language, 32, 8)              \
  X(assay_blob, struct_size, 0, 8)                 \
  X(assay_blob, data, 8, 8)                        \
  X(assay_blob, size, 16, 8)                       \
  X(assay_blob, host_private, 24, 8)               \
  X(assay_finding, struct_size, 0, 8)              \
  X(assay_finding, rule, 8, 8)                     \
  X(assay_finding, title, 16, 8)                   \
  X(assay_finding, category, 24, 8)                \
  X(assay_finding, path, 32, 8)                    \
  X(assay_finding, line_start, 40, 4)              \
  X(assay_finding, line_end, 44, 4)                \
  X(assay_finding, evidence, 48, 8)                \
  X(assay_finding, effort_hours, 56, 8)            \
  X(assay_finding, confidence, 64, 8)              \
  X(assay_finding, severity, 72, 8)                \
  X(assay_finding, cvss, 80, 8)                    \
  X(assay_finding, tags, 88, 8)                    \
  X(assay_finding, tag_count, 96, 8)               \
  X(assay_finding, identity, 104, 8)               \
  X(assay_finding, details_json, 112, 8)           \
  X(assay_item, struct_size, 0, 8)                 \
  X(assay_item, key, 8, 8)                         \
  X(assay_item, fingerprint, 16, 8)                \
  X(assay_item, title, 24, 8)                      \
  X(assay_item, category, 32, 8)                   \
  X(assay_item, source, 40, 8)                     \
  X(assay_item, rule, 48, 8)                       \
  X(assay_item, path, 56, 8)                       \
  X(assay_item, line_start, 64, 4)                 \
  X(assay_item, line_end, 68, 4)                   \
  X(assay_item, effort_hours, 72, 8)               \
  X(assay_item, wsjf, 80, 8)                       \
  X(assay_item, ice, 88, 8)                        \
  X(assay_item, technical_debt, 96, 8)             \
  X(assay_item, security, 104, 8)                  \
  X(assay_item, composite, 112, 8)                 \
  X(assay_item, value_usd, 120, 8)                 \
  X(assay_item, risk, 128, 8)                      \
  X(assay_item, rank, 136, 4)                      \
  X(assay_item, json, 144, 8)                      \
  X(assay_item, json_flags, 152, 4)                \
  X(assay_report, struct_size, 0, 8)               \
  X(assay_report, output_dir, 8, 8)                \
  X(assay_report, repository, 16, 8)               \
  X(assay_report, commit, 24, 8)                   \
  X(assay_report, next_best, 32, 8)                \
  X(assay_report, item_count, 40, 8)               \
  X(assay_report, json, 48, 8)                     \
  X(assay_host_api, struct_size, 0, 8)             \
  X(assay_host_api, api_major, 8, 2)               \
  X(assay_host_api, api_minor, 10, 2)              \
  X(assay_host_api, host, 16, 8)                   \
  X(assay_host_api, log, 24, 8)                    \
  X(assay_host_api, set_error, 32, 8)              \
  X(assay_host_api, alloc, 40, 8)                  \
  X(assay_host_api, free, 48, 8)                   \
  X(assay_host_api, file_count, 56, 8)             \
  X(assay_host_api, file_info, 64, 8)              \
  X(assay_host_api, file_read, 72, 8)              \
  X(assay_host_api, file_release, 80, 8)           \
  X(assay_host_api, emit, 88, 8)                   \
  X(assay_host_api, is_cancelled, 96, 8)           \
  X(assay_host_api, parallel_for, 104, 8)          \
  X(assay_host_api, scan_root, 112, 8)             \
  X(assay_host_api, scan_commit, 120, 8)           \
  X(assay_host_api, file_history, 128, 8)          \
  X(assay_host_api, file_commit, 136, 8)           \
  X(assay_host_api, line_origin, 144, 8)           \
  X(assay_host_api, report_assessment, 152, 8)     \
  X(assay_host_api, deliver, 160, 8)               \
  X(assay_host_api, commits_since, 168, 8)         \
  X(assay_host_api, cache_get, 176, 8)             \
  X(assay_host_api, cache_put, 184, 8)             \
  X(assay_plugin, struct_size, 0, 8)               \
  X(assay_plugin, api_major, 8, 2)                 \
  X(assay_plugin, api_minor, 10, 2)                \
  X(assay_plugin, kind, 12, 4)                     \
  X(assay_plugin, name, 16, 8)                     \
  X(assay_plugin, version, 24, 8)                  \
  X(assay_plugin, description, 32, 8)              \
  X(assay_plugin, config_schema, 40, 8)            \
  X(assay_plugin, last_error, 48, 8)               \
  X(assay_plugin, scanner_open, 56, 8)             \
  X(assay_plugin, scanner_scan, 64, 8)             \
  X(assay_plugin, scanner_close, 72, 8)            \
  X(assay_plugin, reporter_begin, 80, 8)           \
  X(assay_plugin, reporter_item, 88, 8)            \
  X(assay_plugin, reporter_end, 96, 8)             \
  X(assay_plugin, reporter_close, 104, 8)          \
  X(assay_plugin, scanner_flags, 112, 4)           \
  X(assay_file_history, struct_size, 0, 8)         \
  X(assay_file_history, commits, 8, 4)             \
  X(assay_file_history, authors, 12, 4)            \
  X(assay_file_history, first_change, 16, 8)       \
  X(assay_file_history, last_change, 24, 8)        \
  X(assay_file_history, hotspot_multiplier, 32, 8) \
  X(assay_file_history, flags, 40, 4)              \
  X(assay_commit_info, struct_size, 0, 8)          \
  X(assay_commit_info, id, 8, 8)                   \
  X(assay_commit_info, author, 16, 8)              \
  X(assay_commit_info, time, 24, 8)                \
  X(assay_line_origin, struct_size, 0, 8)          \
  X(assay_line_origin, kind, 8, 4)                 \
  X(assay_line_origin, commit, 16, 8)              \
  X(assay_line_origin, author, 24, 8)              \
  X(assay_line_origin, time, 32, 8)                \
  X(assay_delivery, struct_size, 0, 8)             \
  X(assay_delivery, endpoint, 8, 8)                \
  X(assay_delivery, content_type, 16, 8)           \
  X(assay_delivery, body, 24, 8)                   \
  X(assay_delivery, body_size, 32, 8)              \
  X(assay_delivery, summary, 40, 8)                \
  X(assay_delivery, max_attempts, 48, 4)           \
  X(assay_delivery, backoff_initial_ms, 52, 4)     \
  X(assay_delivery, backoff_max_ms, 56, 4)         \
  X(assay_delivery, timeout_ms, 60, 4)

/* X(type, size) */
#define ASSAY_ABI_SIZES(X)  \
  X(assay_file_info, 40)    \
  X(assay_blob, 32)         \
  X(assay_finding, 120)     \
  X(assay_item, 160)        \
  X(assay_report, 56)       \
  X(assay_host_api, 192)    \
  X(assay_plugin, 120)      \
  X(assay_file_history, 48) \
  X(assay_commit_info, 32)  \
  X(assay_line_origin, 40)  \
  X(assay_delivery, 64)

/* One measurement; field is "" for the size of the whole struct. */
typedef struct abi_measurement {
  const char* type;
  const char* field;
  size_t offset;
  size_t size;
} abi_measurement;

#ifdef __cplusplus
extern "C" {
#endif

/* What the C compiler makes of plugin.h (abi_layout_c.c). */
extern const abi_measurement abi_fields_measured_by_c[];
extern const size_t abi_field_count_measured_by_c;
extern const abi_measurement abi_sizes_measured_by_c[];
extern const size_t abi_size_count_measured_by_c;

#ifdef __cplusplus
}
#endif

#endif /* ASSAY_TEST_ABI_LAYOUT_H */
