#include "loader/plugin_loader.h"

#include <dlfcn.h>

#include <algorithm>
#include <boost/dll/shared_library.hpp>
#include <utility>

#include "loader/descriptor_check.h"
#include "loader/host_binding.h"
#include "loader/plugin_call.h"
#include "loader/search_path.h"

namespace fs = std::filesystem;

namespace assay::loader {

// Handles of every library opened and the host tables of refused plugins,
// which a plugin may have kept a pointer to. RTLD_NODELETE keeps the code
// itself mapped for the life of the process (rule 9).
struct PluginLoader::Retained {
  std::vector<boost::dll::shared_library> libraries;
  std::vector<std::unique_ptr<HostBinding>> bindings;
};

namespace {

using InitFunction = assay_status(const assay_host_api*, assay_plugin*, size_t);

// RTLD_NOW finds unresolved symbols at load, not mid-scan; RTLD_LOCAL keeps
// plugins' symbols apart; RTLD_NODELETE makes "never unload" (rule 9) hold
// even when a handle is closed.
boost::dll::load_mode::type plugin_load_mode() {
  return boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local |
         static_cast<boost::dll::load_mode::type>(RTLD_NODELETE);
}

// dlerror's text already starts with the path (Boost.DLL puts "./" before a
// bare file name); the error line adds the path itself.
std::string without_path_prefix(std::string text, const fs::path& file) {
  for (const std::string& shown : {file.string(), "./" + file.string()}) {
    if (text.starts_with(shown + ": ")) return text.erase(0, shown.size() + 2);
  }
  return text;
}

std::string open_library(const fs::path& file, boost::dll::shared_library& library) {
  std::error_code ec;
  library.load(file, plugin_load_mode(), ec);
  if (!ec && library.is_loaded()) return {};
  const char* dl_text = dlerror();
  std::string reason = dl_text ? without_path_prefix(dl_text, file) : ec.message();
  return "cannot load shared object: " + reason;
}

std::string run_init(assay_plugin_init_fn init, HostBinding& binding, assay_plugin& filled) {
  filled = assay_plugin{};
  filled.struct_size = sizeof(assay_plugin);
  assay_status status = ASSAY_OK;
  binding.clear_error();
  std::string thrown = call_plugin("init", [&] { status = init(binding.api(), &filled, sizeof(filled)); });
  if (!thrown.empty()) return thrown;
  std::string message = binding.take_error();
  if (status == ASSAY_OK) return {};
  return "init failed with status " + std::to_string(static_cast<int>(status)) + ": " +
         (message.empty() ? "no reason given" : message);
}

std::string text_or_empty(const char* text) { return text ? text : ""; }

PluginInfo describe(const assay_plugin& accepted, const fs::path& file) {
  PluginInfo info;
  info.name = accepted.name;
  info.version = accepted.version;
  info.description = text_or_empty(accepted.description);
  info.schema_json = text_or_empty(accepted.config_schema);
  info.kind = accepted.scanner_open ? ASSAY_KIND_SCANNER : ASSAY_KIND_REPORTER;
  info.api_major = accepted.api_major;
  info.api_minor = accepted.api_minor;
  // check_descriptor copied only the bytes the plugin's struct_size covers:
  // an older plugin's flags read as 0, no promises.
  info.scanner_flags = info.kind == ASSAY_KIND_SCANNER ? accepted.scanner_flags : 0;
  info.path = file;
  return info;
}

fs::path identity_of(const fs::path& file) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(file, ec);
  return ec ? fs::absolute(file, ec) : canonical;
}

}  // namespace

PluginLoader::PluginLoader(const assay_host_api& scan_functions, LogCallback log)
    : scan_functions_(scan_functions),
      log_(std::make_shared<const LogCallback>(log ? std::move(log) : LogCallback(log_to_stderr))),
      retained_(std::make_unique<Retained>()) {}

PluginLoader::~PluginLoader() = default;

std::vector<fs::path> PluginLoader::default_search_dirs() const { return default_plugin_dirs(); }

void PluginLoader::load_all(const std::vector<fs::path>& explicit_files,
                            const std::vector<fs::path>& configured_dirs) {
  for (const auto& file : explicit_files) load_file(file);
  for (const auto& dir : default_search_dirs()) load_directory(dir, false);
  for (const auto& dir : configured_dirs) load_directory(dir, true);
}

void PluginLoader::load_directory(const fs::path& dir, bool warn_if_missing) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    log(warn_if_missing ? ASSAY_LOG_WARN : ASSAY_LOG_DEBUG,
        "plugin directory " + dir.string() + " does not exist; skipped");
    return;
  }
  if (!fs::is_directory(dir, ec)) return fail(dir, "not a directory");
  auto files = list_shared_objects(dir, ec);
  if (ec) return fail(dir, "cannot list plugin directory: " + ec.message());
  log(ASSAY_LOG_DEBUG, "loading " + std::to_string(files.size()) + " shared object(s) from " + dir.string());
  for (const auto& file : files) load_shared_object(file, false);
}

void PluginLoader::load_file(const fs::path& file) {
  std::error_code ec;
  if (!fs::exists(file, ec)) return fail(file, "no such file");
  if (!fs::is_regular_file(file, ec)) return fail(file, "not a regular file");
  load_shared_object(file, true);
}

const LoadedPlugin* PluginLoader::find(const std::string& name) const {
  auto it = std::find_if(plugins_.begin(), plugins_.end(),
                         [&](const auto& plugin) { return plugin->info().name == name; });
  return it == plugins_.end() ? nullptr : it->get();
}

void PluginLoader::load_shared_object(const fs::path& file, bool explicit_file) {
  if (!attempted_.insert(identity_of(file)).second) {
    return log(ASSAY_LOG_DEBUG, file.string() + " was already loaded; skipped");
  }
  boost::dll::shared_library library;
  if (auto problem = open_library(file, library); !problem.empty()) return fail(file, problem);
  retained_->libraries.push_back(library);
  if (!library.has(ASSAY_PLUGIN_INIT_SYMBOL)) {
    return fail(file, "no entry point: " ASSAY_PLUGIN_INIT_SYMBOL " is not exported");
  }
  initialise(file, &library.get<InitFunction>(ASSAY_PLUGIN_INIT_SYMBOL), explicit_file);
}

void PluginLoader::initialise(const fs::path& file, assay_plugin_init_fn init, bool explicit_file) {
  auto binding = std::make_unique<HostBinding>(scan_functions_, file.filename().string(), log_, delivery_);
  assay_plugin filled{};
  std::string problem = run_init(init, *binding, filled);
  DescriptorVerdict verdict = problem.empty() ? check_descriptor(filled) : DescriptorVerdict{problem, {}};
  if (!verdict.problem.empty()) {
    retained_->bindings.push_back(std::move(binding));
    return fail(file, verdict.problem);
  }
  PluginInfo info = describe(verdict.accepted, file);
  if (!claim_name(info, explicit_file)) {
    retained_->bindings.push_back(std::move(binding));
    return;
  }
  binding->rename(info.name);
  plugins_.push_back(
      std::make_unique<LoadedPlugin>(std::move(info), verdict.accepted, std::move(binding), explicit_file));
}

bool PluginLoader::claim_name(const PluginInfo& info, bool explicit_file) {
  const LoadedPlugin* existing = find(info.name);
  if (!existing) return true;
  if (existing->explicitly_requested() && !explicit_file) {
    log(ASSAY_LOG_INFO, "plugin '" + info.name + "' from " + info.path.string() + " is overridden by " +
                            existing->info().path.string());
    return false;
  }
  fail(info.path, "duplicate plugin name '" + info.name + "' (already loaded from " +
                      existing->info().path.string() + ")");
  return false;
}

void PluginLoader::fail(const fs::path& path, const std::string& reason) {
  errors_.push_back(LoadError{path, path.string() + ": " + reason});
}

void PluginLoader::log(assay_log_level level, const std::string& message) const {
  try {
    (*log_)(level, std::string(), message);
  } catch (...) {
    // The loader's own messages are informational; a failing sink loses them.
  }
}

}  // namespace assay::loader
