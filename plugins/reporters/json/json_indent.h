// Pretty-printing compact JSON in one pass, without a document: the json
// reporter lays out every item this way. The result is byte for byte what
// nlohmann::ordered_json::parse(text).dump(indent) gives, nested `depth`
// levels deep; text this pass cannot vouch for is left to that slow path.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace assay::reporters {

// Lays out compact JSON texts one after the other, reusing its buffers.
class JsonIndenter {
 public:
  // Appends `compact` laid out with `indent` (> 0) spaces per level, its
  // first line as is and every further line indented by `depth` levels
  // more, as nlohmann's dump prints it. Returns false, with `out` as it was,
  // when the text is not in the exact form nlohmann's compact dump produces
  // (whitespace between tokens, an escape it would write differently, a
  // number it would print differently, a repeated key, invalid UTF-8, or
  // anything that is not JSON): the caller then parses and dumps it, which
  // also finds what is wrong.
  bool append(std::string& out, std::string_view compact, int indent, int depth);

 private:
  struct Container {
    bool object = false;
    // Hashes and raw texts of the keys so far, to spot a repeated one.
    std::vector<std::pair<uint64_t, std::string_view>> keys;
  };

  // Floating-point tokens printed anew, as nlohmann prints what it reads
  // from them; recent ones are remembered, since a backlog repeats few
  // distinct numbers.
  class FloatTexts {
   public:
    // Appends the text for `token`; false when it is not a finite double.
    bool append(std::string& out, std::string_view token);

   private:
    struct Slot {
      uint8_t token_size = 0;  // 0: empty
      uint8_t text_size = 0;
      char token[30];
      char text[30];
    };
    static constexpr size_t kSlots = 512;
    std::array<Slot, kSlots> slots_{};
  };
  class Pass;

  std::vector<Container> levels_;  // [0, open) are open; the rest keep their capacity
  FloatTexts numbers_;
};

}  // namespace assay::reporters
