// One plugin that passed every load check. Owned by the PluginLoader; lives,
// like its shared object, for the rest of the process (rule 9).
#pragma once

#include <assay/plugin.h>

#include <memory>

#include "loader/plugin_info.h"

namespace assay::loader {

class HostBinding;

class LoadedPlugin {
 public:
  // `descriptor` is the host-side copy (see check_descriptor); `binding` is
  // the host API table the plugin's init received.
  LoadedPlugin(PluginInfo info, const assay_plugin& descriptor, std::unique_ptr<HostBinding> binding,
               bool explicitly_requested);
  ~LoadedPlugin();
  LoadedPlugin(const LoadedPlugin&) = delete;
  LoadedPlugin& operator=(const LoadedPlugin&) = delete;

  const PluginInfo& info() const { return info_; }
  // Function groups beyond the plugin's struct_size read as NULL.
  const assay_plugin& descriptor() const { return descriptor_; }
  // The table to pass to scanner_open / reporter_begin.
  const assay_host_api* host_api() const;
  // The context behind host_api()->host: set_error messages, logging.
  HostBinding& binding() const { return *binding_; }
  // True when given as an explicit file (--plugin) rather than found in a directory.
  bool explicitly_requested() const { return explicitly_requested_; }

 private:
  PluginInfo info_;
  assay_plugin descriptor_;
  std::unique_ptr<HostBinding> binding_;
  bool explicitly_requested_;
};

}  // namespace assay::loader
