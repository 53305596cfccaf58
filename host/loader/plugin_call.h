// How the host calls into a plugin: no exception may reach the host's
// callers (rule 7 holds for well-behaved plugins; the host does not rely on it).
#pragma once

#include <assay/plugin.h>

#include <exception>
#include <string>
#include <utility>

namespace assay::loader {

class LoadedPlugin;

// Runs `call` and returns "" or why it threw, e.g. "scanner_scan threw: boom".
template <class Call>
std::string call_plugin(const char* function, Call&& call) {
  try {
    std::forward<Call>(call)();
    return {};
  } catch (const std::exception& e) {
    return std::string(function) + " threw: " + e.what();
  } catch (...) {
    return std::string(function) + " threw an exception that is not a std::exception";
  }
}

// Why a call returned `status`: the instance's last_error if it has one, else
// the plugin's last set_error message, else "returned status N".
std::string failure_reason(const LoadedPlugin& plugin, assay_instance* instance, assay_status status);

}  // namespace assay::loader
