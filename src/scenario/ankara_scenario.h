// ankara-2024: a swap between two blocs of states. The eastern bloc (RUS, BLR) holds 16
// people, among them dissidents and US and German nationals; the western bloc (USA, DEU, POL,
// SVN, NOR) holds 8 Russian nationals and 2 children who accompany a detained couple. Each
// holding state brings its custody roster, each bloc its claim list. See docs/scenarios.md.
//
// Person indices are laid out by group and holder (below); every attribute is a pure function
// of (seed, index).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/status.h"
#include "scenario/random_permutation.h"
#include "scenario/record.h"
#include "scenario/scenario_writer.h"

namespace canje::scenario {

inline constexpr int64_t kAnkaraNaturalSize = 26;
inline constexpr int64_t kAnkaraMinimumSize = 4;

// The holding states, eastern bloc first.
inline constexpr std::string_view kAnkaraEastHolders[] = {"RUS", "BLR"};
inline constexpr std::string_view kAnkaraWestHolders[] = {"USA", "DEU", "POL", "SVN", "NOR"};

struct AnkaraLayout {
  int64_t east_held = 0;                    // held by RUS and BLR (natural 16)
  int64_t west_adults = 0;                  // held by the western states (8)
  int64_t minors = 0;                       // children held with their parents by SVN (2)
  std::vector<int64_t> east_holder_counts;  // per kAnkaraEastHolders (14, 2)
  std::vector<int64_t> west_holder_counts;  // per kAnkaraWestHolders (3, 1, 1, 2, 1)

  // kUsage when size is out of [kAnkaraMinimumSize, kMaximumScenarioSize]; 0 means the natural
  // size.
  static Result<AnkaraLayout> ForSize(int64_t size);
  int64_t population() const { return east_held + west_adults + minors; }
};

class AnkaraPopulation {
 public:
  AnkaraPopulation(const AnkaraLayout& layout, uint64_t seed);

  const AnkaraLayout& layout() const { return layout_; }
  // The holding state's code.
  std::string HolderOf(int64_t person) const;
  bool EastHeld(int64_t person) const { return person < layout_.east_held; }
  bool Minor(int64_t person) const { return person >= layout_.east_held + layout_.west_adults; }
  Record TruePerson(int64_t person) const;

  // The people `holder` holds, as index ranges [first, last).
  std::vector<std::pair<int64_t, int64_t>> HeldBy(std::string_view holder) const;

 private:
  void FillEastHeld(int64_t person, Random& random, Record& record) const;
  void FillWestAdult(int64_t person, Random& random, Record& record) const;
  void FillMinor(int64_t person, Random& random, Record& record) const;
  // SVN's adults come in couples (husband, wife); returns the husband of couple k.
  int64_t SvnHusband(int64_t couple) const;
  int64_t SvnCouples() const;
  int64_t FirstHeldBy(std::string_view holder) const;

  AnkaraLayout layout_;
  uint64_t seed_;
  RandomPermutation nationality_rank_;  // over the east-held
  std::vector<int64_t> east_nationality_parts_;
};

Status WriteAnkara2024(uint64_t seed, int64_t size, const std::filesystem::path& out_dir,
                       ProgressCallback progress);

}  // namespace canje::scenario
