// istanbul-style: an exchange of prisoners of war and detained civilians between two states at
// war (RUS and UKR), of the kind run in three stages over three days, mediated by TUR and
// observed by the ICRC. Each side brings its custody roster of the other side's people in
// Cyrillic, and its claim list of its own people held by the other side in Latin letters; the
// ICRC brings its documentation of a sample of both. See docs/scenarios.md.
//
// Person indices are laid out by group (below); every attribute is a pure function of
// (seed, index). The people are synthetic: names drawn from cyrillic_names.h.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "core/status.h"
#include "scenario/cyrillic_names.h"
#include "scenario/record.h"
#include "scenario/scenario_writer.h"

namespace canje::scenario {

inline constexpr int64_t kIstanbulNaturalSize = 60;
inline constexpr int64_t kIstanbulMinimumSize = 10;

// The counts, for `exchanged` people each way. At the natural size (60) the numbers in
// parentheses; each scales with the size (rounded).
struct IstanbulLayout {
  int64_t exchanged = 0;        // on each roster (60)
  int64_t civilians = 0;        // civilians on RUS's roster of Ukrainians (12)
  int64_t sick_or_wounded = 0;  // on each roster (6)
  int64_t namesakes = 0;        // on each roster: the full name of another person on it (2)
  int64_t claimed_only = 0;     // on each claim list and on no roster (3)
  int64_t icrc_documented = 0;  // of each roster, on the ICRC's list (36)

  // kUsage when size is out of [kIstanbulMinimumSize, kMaximumScenarioSize]; 0 means the
  // natural size.
  static Result<IstanbulLayout> ForSize(int64_t size);
  int64_t population() const { return 2 * exchanged + 2 * claimed_only; }
};

// Index layout: [0, E) Russians held by UKR; [E, 2E) Ukrainians held by RUS; then C Russians
// and C Ukrainians claimed by their own side and on no roster (E exchanged, C claimed_only).
enum class IstanbulGroup {
  kRussianHeld,
  kUkrainianHeld,
  kRussianClaimedOnly,
  kUkrainianClaimedOnly
};

class IstanbulPopulation {
 public:
  IstanbulPopulation(const IstanbulLayout& layout, uint64_t seed);

  const IstanbulLayout& layout() const { return layout_; }
  IstanbulGroup GroupOf(int64_t person) const;
  bool Russian(int64_t person) const;
  bool OnRoster(int64_t person) const { return person < 2 * layout_.exchanged; }
  bool DocumentedByIcrc(int64_t person) const;

  // The person as their holder's roster writes them, in Cyrillic: family name, given name and
  // patronymic (own column) in the person's language, rank and place of capture in the
  // holder's language, service number with a Cyrillic series, dates as dates.
  Record TruePerson(int64_t person) const;
  // The same person in Latin letters, as their own state's passport spells them (Russian
  // names: the ICAO table of Russian passports; Ukrainian names: Ukraine's 2010 system), the
  // patronymic as second given name, the service number's series transliterated; no rank,
  // unit or place of capture.
  Record LatinPerson(int64_t person) const;

 private:
  struct Name {
    char sex = 'M';
    std::string given, patronymic, family;
  };
  // The person's own name, or (for a namesake) that of the next person of the roster.
  Name NameOf(int64_t person) const;
  Name DrawName(int64_t person, bool civilian) const;
  bool Civilian(int64_t person) const;
  bool SickOrWounded(int64_t person) const;
  bool Namesake(int64_t person) const;
  // The person's position within their group.
  int64_t Offset(int64_t person) const;
  // The person's rank within their group under the permutation of `stream`: a property held
  // by exactly k people of a group is "rank < k".
  int64_t RankIn(uint64_t stream, int64_t person) const;

  IstanbulLayout layout_;
  uint64_t seed_;
};

Status WriteIstanbulStyle(uint64_t seed, int64_t size, const std::filesystem::path& out_dir,
                          ProgressCallback progress);

}  // namespace canje::scenario
