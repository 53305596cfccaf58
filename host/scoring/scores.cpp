#include "scoring/scores.h"

#include <nlohmann/json.hpp>

namespace assay::scoring {

nlohmann::json to_json(const ScoreBreakdown& score) {
  nlohmann::json components = nlohmann::json::object();
  for (const auto& [name, value] : score.components) components[name] = value;
  return {{"value", score.value}, {"formula", score.formula}, {"components", std::move(components)}};
}

nlohmann::json to_json(const Breakdown& b) {
  return {{"wsjf", to_json(b.wsjf)},
          {"ice", to_json(b.ice)},
          {"technical_debt", to_json(b.technical_debt)},
          {"security", to_json(b.security)},
          {"composite", to_json(b.composite)},
          {"value_usd", to_json(b.value_usd)},
          {"risk", to_json(b.risk)}};
}

}  // namespace assay::scoring
