#include "solver/instance.h"

namespace canje::solver {

const char* RuleKindName(Rule::Kind kind) {
  switch (kind) {
    case Rule::Kind::kNone:
      return "none";
    case Rule::Kind::kCount:
      return "count";
    case Rule::Kind::kValue:
      return "value";
  }
  return "none";
}

}  // namespace canje::solver
