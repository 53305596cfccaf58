// Decides whether the assay_plugin a plugin's init filled is one the host can
// use (rules 2, 3, 4, 10), and makes the host-side copy it will use.
#pragma once

#include <assay/plugin.h>

#include <cstddef>
#include <string>

namespace assay::loader {

// Bytes of assay_plugin every plugin of API 1.x must provide: the identity
// fields and last_error. Function groups may lie beyond a plugin's
// struct_size; they are then NULL (rule 3).
inline constexpr size_t kRequiredPluginBytes = offsetof(assay_plugin, scanner_open);

struct DescriptorVerdict {
  // Empty when the descriptor is usable; otherwise one line without the path,
  // e.g. "built for API 2.0, host speaks 1.1".
  std::string problem;
  // min(struct_size, sizeof(assay_plugin)) bytes of the plugin's struct over
  // a zeroed one; meaningful only when problem is empty.
  assay_plugin accepted{};
};

// `filled` is the host's zero-initialised, sizeof(assay_plugin)-byte struct
// after the plugin's init returned ASSAY_OK.
DescriptorVerdict check_descriptor(const assay_plugin& filled);

// True for [a-z0-9][a-z0-9_-]*.
bool is_valid_plugin_name(const std::string& name);

}  // namespace assay::loader
