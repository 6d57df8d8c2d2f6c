// cecot-2025: El Salvador offers Venezuela the 252 Venezuelans the United States deported to
// the CECOT prison, for an equal number of Venezuela's political prisoners and about 50
// foreign nationals. See docs/scenarios.md for the lists, their sizes and their error rates.
//
// The population is a range of person indices split into groups (below); every attribute of a
// person is a pure function of (seed, index), and every "exactly k of n" choice is a rank
// under a RandomPermutation, so any list can be written in any order without keeping people
// in memory.
#pragma once

#include <cstdint>
#include <filesystem>

#include "core/status.h"
#include "scenario/random_permutation.h"
#include "scenario/record.h"
#include "scenario/scenario_writer.h"

namespace canje::scenario {

// The size of Venezuela's custody roster at natural size (800 political prisoners and 50
// foreign nationals); `size` scales every count below in proportion.
inline constexpr int64_t kCecotNaturalSize = 850;
inline constexpr int64_t kCecotMinimumSize = 20;

struct CecotLayout {
  int64_t deportees = 0;             // the men in CECOT (natural 252)
  int64_t manifest = 0;              // of them, on the US removal manifest (238)
  int64_t political = 0;             // political prisoners on VEN's roster (800)
  int64_t foreigners = 0;            // foreign nationals on VEN's roster (50)
  int64_t documented_political = 0;  // of the political prisoners, documented by the NGO (776)
  int64_t disappeared = 0;           // documented by the NGO, absent from VEN's roster (40)
  int64_t released = 0;              // documented as released, absent from the roster (15)
  int64_t dead = 0;                  // documented as dead in custody (5)
  int64_t duplicates = 0;            // documented political prisoners listed twice (9)
  int64_t released_on_roster = 0;    // on VEN's roster but reported released by the NGO (8)
  int64_t claimed_disappeared = 0;   // disappeared people in SLV+USA's claim (10)
  int64_t minors = 0;                // political prisoners under 18 (2%: 16)
  int64_t sick = 0;                  // political prisoners sick or wounded (7%: 56)

  // kUsage when size is out of [kCecotMinimumSize, kMaximumScenarioSize]; 0 means the natural
  // size.
  static Result<CecotLayout> ForSize(int64_t size);

  int64_t roster_size() const { return political + foreigners; }
  int64_t population() const {
    return deportees + political + foreigners + disappeared + released + dead;
  }
  int64_t documentation_records() const {
    return documented_political + disappeared + released + dead + duplicates;
  }
  // Political prisoners in SLV+USA's claim: as many as the deportees (the equal-number offer),
  // some of them disappeared people.
  int64_t claimed_political() const { return deportees - claimed_disappeared; }
  int64_t slv_claims() const { return deportees + foreigners; }
};

enum class CecotGroup { kDeportee, kPolitical, kForeigner, kDisappeared, kReleased, kDead };

class CecotPopulation {
 public:
  CecotPopulation(const CecotLayout& layout, uint64_t seed);

  const CecotLayout& layout() const { return layout_; }
  CecotGroup GroupOf(int64_t person) const;
  // The person as they truly are: the name in their civil registry, custody as it is.
  Record TruePerson(int64_t person) const;

  // Memberships, each an exact count of the layout.
  bool OnManifest(int64_t person) const;
  // For a political prisoner: whether the NGO documents them, lists them twice, reports them
  // released, and whether SLV+USA claim them.
  bool Documented(int64_t person) const;
  bool DocumentedTwice(int64_t person) const;
  bool ReportedReleased(int64_t person) const;
  bool Claimed(int64_t person) const;  // also for disappeared people and foreigners

  // The first person index of each group.
  int64_t first_political() const { return layout_.deportees; }
  int64_t first_foreigner() const { return first_political() + layout_.political; }
  int64_t first_disappeared() const { return first_foreigner() + layout_.foreigners; }
  int64_t first_released() const { return first_disappeared() + layout_.disappeared; }
  int64_t first_dead() const { return first_released() + layout_.released; }

 private:
  void FillDeportee(int64_t person, Random& random, Record& record) const;
  void FillPolitical(int64_t person, Random& random, Record& record) const;
  void FillForeigner(int64_t person, Random& random, Record& record) const;

  CecotLayout layout_;
  uint64_t seed_;
  RandomPermutation category_rank_;     // over political prisoners
  RandomPermutation sick_rank_;         // over political prisoners
  RandomPermutation documented_rank_;   // over political prisoners
  RandomPermutation claim_rank_;        // over documented political prisoners' ranks
  RandomPermutation disappeared_rank_;  // over disappeared people
  RandomPermutation nationality_rank_;  // over foreigners
  RandomPermutation manifest_rank_;     // over deportees
  RandomPermutation charge_rank_;       // over deportees
  std::vector<int64_t> category_parts_;
  std::vector<int64_t> nationality_parts_;
  std::vector<int64_t> deportee_charge_parts_;
};

// Writes the scenario's lists, truth.csv and scenario.json into `out_dir`.
Status WriteCecot2025(uint64_t seed, int64_t size, const std::filesystem::path& out_dir,
                      ProgressCallback progress);

}  // namespace canje::scenario
