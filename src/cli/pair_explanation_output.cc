#include "cli/pair_explanation_output.h"

#include <cstdio>

namespace canje::cli {

std::string Decimal(double value, int digits) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
  return buffer;
}

void PrintExplanation(const linkage::PairExplanation& explanation, std::ostream& out) {
  out << "Why " << explanation.left_id << " and " << explanation.right_id << ":\n";
  out << "  prior (share of matches among candidate pairs) " << Decimal(explanation.prior)
      << "  log2 odds " << Decimal(explanation.prior_log2_odds, 2) << "\n";
  for (const linkage::ComparisonTerm& term : explanation.terms) {
    char line[512];
    std::snprintf(line, sizeof line, "  %-16s %-20s %+7.2f  '%s' / '%s'%s\n",
                  term.comparison.c_str(), term.level.c_str(), term.weight, term.left_value.c_str(),
                  term.right_value.c_str(),
                  term.term_frequency_adjusted ? "  (name frequency)" : "");
    out << line;
  }
  out << "  total log2 odds " << Decimal(explanation.log2_odds, 2) << "  probability "
      << Decimal(explanation.probability) << "\n";
}

}  // namespace canje::cli
