#include "loader/loaded_plugin.h"

#include <utility>

#include "loader/host_binding.h"

namespace assay::loader {

LoadedPlugin::LoadedPlugin(PluginInfo info, const assay_plugin& descriptor,
                           std::unique_ptr<HostBinding> binding, bool explicitly_requested)
    : info_(std::move(info)),
      descriptor_(descriptor),
      binding_(std::move(binding)),
      explicitly_requested_(explicitly_requested) {}

LoadedPlugin::~LoadedPlugin() = default;

const assay_host_api* LoadedPlugin::host_api() const { return binding_->api(); }

}  // namespace assay::loader
