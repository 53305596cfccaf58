// Shared helpers of the code structure tests: analyse a snippet and
// describe its functions compactly.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "code_structure.h"

namespace assay::structure::testing {

using Lines = std::vector<std::string>;

// "qualified.name@first-last" per function, in order.
inline Lines units(std::string_view language, std::string_view source) {
  Lines out;
  const FileStructure fs = FileStructure::analyze(source, language);
  for (const Function& f : fs.functions())
    out.push_back(f.qualified_name() + "@" + std::to_string(f.first_line) + "-" +
                  std::to_string(f.last_line));
  return out;
}

// The body statements of the function named `name` (qualified), "" when absent.
inline Lines statements_of(std::string_view language, std::string_view source, std::string_view name) {
  const FileStructure fs = FileStructure::analyze(source, language);
  for (const Function& f : fs.functions()) {
    if (f.qualified_name() != name) continue;
    Lines out;
    for (const Statement& s : fs.body_statements(f)) out.push_back(s.text);
    return out;
  }
  return {"<no function " + std::string(name) + ">"};
}

// The function named `name` (qualified); fails the test when absent.
inline Function function_named(const FileStructure& fs, std::string_view name) {
  for (const Function& f : fs.functions()) {
    if (f.qualified_name() == name) return f;
  }
  ADD_FAILURE() << "no function " << name;
  return Function{};
}

}  // namespace assay::structure::testing
