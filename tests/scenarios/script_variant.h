// Variants of a scenario script for the differential leak test (leak_test.cc): the same story
// with one fact changed, to show that what the parties read does not depend on it.
#pragma once

#include "script_parser.h"

namespace canje::scenario_script {

// The script with every refusal replaced by an unfitness: an interview that refuses the
// destination (`--consent refuses`, or a row of an interviews file whose consent is "refuses")
// consents and says not fit to travel instead (`--fit no`), and a not-travelling outcome
// `--reason refused-consent` is `--reason unfit`. Nothing else changes: the same persons, the
// same days, the same notes.
Script RefusalsAsUnfitness(const Script& script);

}  // namespace canje::scenario_script
