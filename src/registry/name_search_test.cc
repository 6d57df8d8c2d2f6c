// Name searches answered from the name words' index (name_words.h) against the same searches
// answered by opening every person, on a real store (instance/testing/test_instance.h; SQLite,
// or PostgreSQL with CANJE_TEST_BACKEND=postgres): generated lists (cecot-2025, ankara-2024)
// and a list of namesakes, accents, Cyrillic names and aliases, reconciled by `canje link`
// (persons merged into others), with some persons erased. Every query — whole words, two words,
// another case or no accents, partial words, words across a word boundary, a word of an erased
// person — must give the same persons both ways.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include "core/encoding.h"
#include "core/testing/members.h"
#include "instance/testing/test_instance.h"
#include "reconciliation/linker.h"
#include "registry/erasure.h"
#include "registry/importer.h"
#include "registry/name_words.h"
#include "registry/person_directory.h"
#include "registry/scenario_loader.h"
#include "registry/text_fold.h"
#include "scenario/cyrillic_scenario.h"
#include "scenario/scenario.h"
#include "store/name_word_tables.h"
#include "store/sql_query.h"

namespace canje::registry {
namespace {

// Synthetic people only: namesakes, accents, Cyrillic, aliases, hyphens.
constexpr std::string_view kNamesakes =
    "given_names,family_names,aliases\n"
    "María José,Pérez Rodríguez,La Flaca|Majo\n"
    "Maria Jose,Perez,\n"
    "José María,Pérez-Rodríguez,\n"
    "MARÍA,PÉREZ,Mariajo\n"
    "Иван,Петров,Ваня|Ivan Petrov\n"
    "ИВАН,ПЕТРОВ,\n"
    "Иванна,Петровская,\n"
    "Zacarías,Quintanilla-Oyarzún,El Zorro Quintanilla\n"
    "Ñuflo,Chávez,\n"
    "Nuflo,Chavez Ñandú,\n"
    "Михайло,Гуменюк,\n"
    "Mykhailo,Humeniuk,\n"
    "ТАРАС,ШЕВЧЕНКО,\n"
    "Юлія,Лук'яненко,\n"
    "Oleh,Ihnatʹev,\n"
    "Карлос,Санчес,\n"
    "Carlos,Sanchez,\n";

std::vector<int64_t> Ids(const std::vector<PersonEntry>& persons) {
  return table_testing::MembersOf(persons, &PersonEntry::id);
}

class NameSearchTest : public ::testing::Test {
 protected:
  // The generated lists (cecot-2025 scaled to `size`, ankara-2024) and the namesakes, linked.
  void Load(int64_t size) {
    ASSERT_TRUE(store_.ok()) << store_.error();
    for (const char* name : {"cecot-2025", "ankara-2024"}) {
      const std::filesystem::path lists = store_.dir() / name;
      Status written = scenario::WriteScenario({name, 3, name[0] == 'c' ? size : 0}, lists);
      ASSERT_TRUE(written.ok()) << written.ToString();
      Status loaded = LoadScenario(admin(), lists);
      ASSERT_TRUE(loaded.ok()) << loaded.ToString();
    }
    const std::filesystem::path file = store_.dir() / "namesakes.csv";
    std::ofstream(file) << kNamesakes;
    ImportOptions options;
    options.file = file;
    options.kind = "documentation_list";
    options.source = "synthetic namesakes";
    Result<ImportReport> imported = ImportList(admin(), options);
    ASSERT_TRUE(imported.ok()) << imported.status().ToString();
    Result<reconciliation::LinkStoreReport> linked =
        reconciliation::LinkStore(admin(), reconciliation::LinkStoreOptions{});
    ASSERT_TRUE(linked.ok()) << linked.status().ToString();
    ASSERT_GT(linked->merged, 0) << "the lists name the same people several times";
  }

  instance::Instance& admin() { return store_.admin(); }

  std::vector<PersonEntry> Find(const std::string& name, bool open_every_person,
                                const std::string& holder = "") {
    PersonQuery query;
    query.name = name;
    query.holder = holder;
    query.open_every_person = open_every_person;
    Result<std::vector<PersonEntry>> found = FindPersons(admin(), query);
    EXPECT_TRUE(found.ok()) << name << ": " << found.status().ToString();
    return found.ok() ? *found : std::vector<PersonEntry>{};
  }

  // Every person not erased, opened.
  std::vector<PersonEntry> Everyone() { return Find("", true); }

  int64_t FindOne(const std::string& exact_name) {
    PersonQuery query;
    query.exact_name = exact_name;
    Result<std::vector<PersonEntry>> found = FindPersons(admin(), query);
    EXPECT_TRUE(found.ok() && found->size() == 1) << exact_name;
    return found.ok() && !found->empty() ? found->front().id : 0;
  }

  void Erase(int64_t person_id) {
    Result<ErasureReport> erased = ErasePerson(admin(), person_id, "test of erasure");
    ASSERT_TRUE(erased.ok()) << erased.status().ToString();
  }

  // The queries people type, made from the names in the store: whole words, two words, the
  // whole name, an alias, in capitals, without accents, a word's middle, a word's end and the
  // next word's start, single letters, and words no one has.
  std::vector<std::string> Queries(const std::vector<PersonEntry>& persons, size_t every) {
    std::vector<std::string> queries = {"a",     "z",   "ov",   "quintanilla", "QUINTANILLA",
                                        "Ваня",  "ваня", "иван", "ИВАН",        "ivan petrov",
                                        "ñuflo", "nuflo", "chavez ñandu", "ria jo",   "z_q",
                                        "qqqzzz", "pérez-rodríguez", "la flaca",
                                        "Humeniuk", "Gumenyuk", "гуменюк", "ГУМЕНЮК", "humen",
                                        "Shevchenko", "Ševčenko", "шевч", "Lukianenko",
                                        "Лукьяненко", "Yuliia Lukianenko", "Игнатьев",
                                        "ihnat", "Sanches", "Санчез"};
    for (size_t i = 0; i < persons.size(); i += every) {
      if (persons[i].erased) continue;
      const PersonRecord& record = persons[i].record;
      const std::string display = record.name.Display();
      queries.push_back(display);
      std::vector<std::string> words = NameWords(record);
      const std::string folded = FoldForMatching(display);
      if (!words.empty()) {
        const std::string& word = words.front();
        queries.push_back(word);
        queries.push_back(ToUpperAscii(word));
        if (word.size() > 4) queries.push_back(word.substr(1, 3));        // a word's middle
        if (word.size() > 2) queries.push_back(word.substr(word.size() - 2));
      }
      if (words.size() > 1) queries.push_back(words[0] + " " + words[1]);
      if (size_t gap = folded.find('_'); gap != std::string::npos && gap >= 2) {
        queries.push_back(folded.substr(gap - 2, 5));  // across a word boundary
      }
      if (!record.aliases.empty()) queries.push_back(record.aliases.front());
    }
    return queries;
  }

  // Each query both ways; returns how many found someone (the queries are not all empty).
  int CheckSame(const std::vector<std::string>& queries) {
    int found_someone = 0;
    for (const std::string& query : queries) {
      const std::vector<int64_t> opened = Ids(Find(query, true));
      const std::vector<int64_t> indexed = Ids(Find(query, false));
      EXPECT_EQ(indexed, opened) << "query '" << query << "'";
      if (!opened.empty()) ++found_someone;
    }
    return found_someone;
  }

  instance::testing::TestInstance store_;
};

TEST_F(NameSearchTest, TheIndexAnswersAsOpeningEveryPersonDoes) {
  ASSERT_NO_FATAL_FAILURE(Load(1500));
  const std::vector<PersonEntry> everyone = Everyone();
  ASSERT_GT(everyone.size(), 1500u);
  // Persons to erase: one of the namesakes' list, and a few generated ones.
  std::vector<std::string> erased_queries = {"zacarias", "Quintanilla-Oyarzún", "el zorro"};
  Erase(FindOne("Zacarías Quintanilla-Oyarzún"));
  for (size_t i : {size_t{7}, size_t{101}, size_t{555}}) {
    Erase(everyone[i].id);
    erased_queries.push_back(everyone[i].record.name.Display());
    erased_queries.push_back(NameWords(everyone[i].record).back());
  }
  std::vector<std::string> queries = Queries(everyone, 40);
  queries.insert(queries.end(), erased_queries.begin(), erased_queries.end());
  ASSERT_GT(queries.size(), 200u);
  EXPECT_GT(CheckSame(queries), static_cast<int>(queries.size() * 3 / 4));
  for (const std::string& query : erased_queries) {
    for (const PersonEntry& person : Find(query, false)) {
      EXPECT_FALSE(person.erased) << "query '" << query << "' found erased P" << person.id;
    }
  }
  EXPECT_TRUE(Find("zacarias", false).empty());
  // With another filter and a limit, too.
  for (const char* query : {"jose", "ivan", "ar", "maria perez"}) {
    const std::vector<int64_t> opened = Ids(Find(query, true, "VEN"));
    EXPECT_EQ(Ids(Find(query, false, "VEN")), opened) << query;
    PersonQuery limited;
    limited.name = query;
    limited.limit = 2;
    Result<std::vector<PersonEntry>> indexed = FindPersons(admin(), limited);
    limited.open_every_person = true;
    Result<std::vector<PersonEntry>> all = FindPersons(admin(), limited);
    ASSERT_TRUE(indexed.ok() && all.ok());
    EXPECT_EQ(Ids(*indexed), Ids(*all)) << query;
  }
}

// The names people type: in capitals or not, and in the other of the Cyrillic and Latin
// scripts, under any of the usual transliterations — but never a different spelling of the
// same script (name_search_key.h).
TEST_F(NameSearchTest, ANameIsFoundInAnyCaseAndInTheOtherScript) {
  ASSERT_NO_FATAL_FAILURE(Load(150));
  auto names = [&](const std::string& query) {
    std::set<std::string> found;
    for (const PersonEntry& person : Find(query, false)) found.insert(person.record.name.Display());
    EXPECT_EQ(Ids(Find(query, false)), Ids(Find(query, true))) << query;
    return found;
  };
  for (const char* query : {"Humeniuk", "Gumenyuk", "HUMENIUK", "Humenjuk", "гуменюк", "ГУМЕНЮК"}) {
    EXPECT_TRUE(names(query).count("Михайло Гуменюк")) << query;
  }
  EXPECT_TRUE(names("шевченко").count("ТАРАС ШЕВЧЕНКО"));
  EXPECT_TRUE(names("Shevchenko").count("ТАРАС ШЕВЧЕНКО"));
  EXPECT_TRUE(names("Ševčenko Taras").empty()) << "the words must come in the name's order";
  EXPECT_TRUE(names("Taras Ševčenko").count("ТАРАС ШЕВЧЕНКО"));
  EXPECT_TRUE(names("Yuliia Lukianenko").count("Юлія Лук'яненко"));
  EXPECT_TRUE(names("Игнатьев").count("Oleh Ihnatʹev"));
  const std::set<std::string> sanches = names("Sanches");
  EXPECT_TRUE(sanches.count("Карлос Санчес"));
  EXPECT_FALSE(sanches.count("Carlos Sanchez")) << "two Latin spellings are different names";
  // The Latin list's "Mykhailo Humeniuk" was linked into the Cyrillic person: a search by the
  // Latin name still finds them.
  EXPECT_TRUE(names("Mykhailo Humeniuk").count("Михайло Гуменюк"));
}

// A document number written with Cyrillic series letters is found by its Latin writing, and a
// number of another series is not (the letters used to be dropped, so every series met).
TEST_F(NameSearchTest, ADocumentSeriesInCyrillicIsFoundByItsLatinWriting) {
  ASSERT_TRUE(store_.ok()) << store_.error();
  const std::filesystem::path file = store_.dir() / "documents.csv";
  std::ofstream(file) << "given_names,family_names,document\n"
                         "Олег,Бондар,АВ 123456\n"
                         "Петро,Ткач,КР 123456\n";
  ImportOptions options;
  options.file = file;
  options.kind = "documentation_list";
  options.source = "synthetic documents";
  ASSERT_TRUE(ImportList(admin(), options).ok());
  auto by_document = [&](const std::string& number) {
    PersonQuery query;
    query.document = number;
    Result<std::vector<PersonEntry>> found = FindPersons(admin(), query);
    EXPECT_TRUE(found.ok()) << found.status().ToString();
    std::vector<std::string> names;
    for (const PersonEntry& person : *found) names.push_back(person.record.name.Display());
    return names;
  };
  EXPECT_EQ(by_document("AV 123456"), std::vector<std::string>{"Олег Бондар"});
  EXPECT_EQ(by_document("ав-123456"), std::vector<std::string>{"Олег Бондар"});
  EXPECT_EQ(by_document("KR123456"), std::vector<std::string>{"Петро Ткач"});
  EXPECT_TRUE(by_document("123456").empty());
}

// On generated lists (scenario/cyrillic_scenario.h): the Cyrillic roster imported, each Latin
// spelling of the other side's list — under BGN/PCGN, ISO 9, GOST 7.79 B, the passport and the
// Ukrainian national systems, in capitals or not — looked for by its family name finds the
// roster's person with that family name, and the index answers as opening every person does.
TEST_F(NameSearchTest, EveryLatinSpellingFindsTheCyrillicRosterPerson) {
  ASSERT_TRUE(store_.ok()) << store_.error();
  scenario::CyrillicScenarioOptions options;
  options.roster_people = 300;
  options.typo = 0;  // a mistyped name is another name: linkage's business, not search's
  options.swapped_columns = 0;
  const scenario::CyrillicListPair lists = scenario::GenerateCyrillicListPair(options);
  const std::filesystem::path folder = store_.dir() / "cyrillic";
  ASSERT_TRUE(scenario::WriteCyrillicListPair(lists, folder).ok());
  ImportOptions roster;
  roster.file = folder / "roster.csv";
  roster.kind = "documentation_list";
  roster.source = "synthetic Cyrillic roster";
  roster.date_order = DateOrder::kDayFirst;
  Result<ImportReport> imported = ImportList(admin(), roster);
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  std::map<std::string, std::set<std::string>> family_names_of;  // person key -> Cyrillic
  for (const scenario::CyrillicRosterRow& row : lists.roster) {
    family_names_of[row.person_key].insert(row.family_name);
  }
  int looked = 0;
  std::vector<std::string> missed;
  for (const scenario::LatinListRow& row : lists.counterpart) {
    auto held = family_names_of.find(row.person_key);
    if (held == family_names_of.end()) continue;
    ++looked;
    bool found = false;
    for (const PersonEntry& person : Find(row.family_name, false)) {
      for (const std::string& family : held->second) {
        found = found || person.record.name.Display().find(family) != std::string::npos;
      }
    }
    if (!found) missed.push_back(row.family_name + " (" + row.standard + ")");
    if (looked % 25 == 0) {
      EXPECT_EQ(Ids(Find(row.family_name, false)), Ids(Find(row.family_name, true)));
    }
  }
  ASSERT_GT(looked, 200);
  std::string list;
  for (const std::string& name : missed) list += " " + name;
  EXPECT_TRUE(missed.empty()) << missed.size() << " of " << looked << " missed:" << list;
}

TEST_F(NameSearchTest, AWholeWordOpensOnlyThePersonsWhoseWordsHoldIt) {
  ASSERT_NO_FATAL_FAILURE(Load(150));
  const std::vector<PersonEntry> everyone = Everyone();
  Result<std::optional<std::set<int64_t>>> candidates =
      NameCandidates(admin(), NameFragment::Of("Quintanilla"));
  ASSERT_TRUE(candidates.ok()) << candidates.status().ToString();
  ASSERT_TRUE(candidates->has_value()) << "answered from the index";
  EXPECT_EQ((*candidates)->size(), 1u);
  Result<std::optional<std::set<int64_t>>> two_words =
      NameCandidates(admin(), NameFragment::Of("Maria Perez"));
  ASSERT_TRUE(two_words.ok() && two_words->has_value());
  EXPECT_GE((*two_words)->size(), Find("Maria Perez", true).size());
  EXPECT_LT((*two_words)->size(), everyone.size() / 10);
}

// The store as an older canje left it: no vocabulary, no name words in person_index, no mark.
// Searches open every person (and answer the same); `canje person index-names` indexes them.
TEST_F(NameSearchTest, AStoreFromBeforeTheIndexIsSearchedWholeUntilIndexed) {
  ASSERT_NO_FATAL_FAILURE(Load(150));
  const std::vector<PersonEntry> everyone = Everyone();
  store::SqlConnection& db = admin().store().connection();
  ASSERT_TRUE(store::Execute(db, "DELETE FROM meta WHERE name = 'name_words'", store::NoBind()).ok());
  ASSERT_TRUE(store::Execute(db, "DELETE FROM name_words", store::NoBind()).ok());
  std::set<Bytes> token_hashes;
  for (const PersonEntry& person : everyone) {
    for (const std::string& word : NameWords(person.record)) {
      token_hashes.insert(admin().vault().IndexHash("name-token", word));
    }
  }
  for (const Bytes& hash : token_hashes) {
    ASSERT_TRUE(store::Execute(db, "DELETE FROM person_index WHERE hash = ?",
                               store::Params(ByteView(hash)))
                    .ok());
  }
  Result<std::optional<std::set<int64_t>>> before = NameCandidates(admin(), NameFragment::Of("perez"));
  ASSERT_TRUE(before.ok());
  EXPECT_FALSE(before->has_value()) << "an incomplete index must not answer";
  const std::vector<std::string> queries = Queries(everyone, 97);
  EXPECT_GT(CheckSame(queries), 10);

  Result<int64_t> indexed = IndexNameWords(admin());
  ASSERT_TRUE(indexed.ok()) << indexed.status().ToString();
  EXPECT_GE(*indexed, static_cast<int64_t>(everyone.size()));
  Result<int64_t> again = IndexNameWords(admin());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0);
  Result<std::optional<std::set<int64_t>>> after = NameCandidates(admin(), NameFragment::Of("perez"));
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(after->has_value());
  EXPECT_GT(CheckSame(queries), 10);
}

TEST_F(NameSearchTest, IndexingNamesIsForAdmins) {
  ASSERT_NO_FATAL_FAILURE(Load(150));
  store_.AddUser("observer", "OPERATOR", "observer");
  auto observer = store_.Open("observer");
  ASSERT_TRUE(observer.ok()) << observer.status().ToString();
  EXPECT_EQ(IndexNameWords(**observer).status().code(), StatusCode::kNotPermitted);
}

// Erasure leaves no row of the person's name words: not in person_index, and a word no one else
// has not in the vocabulary either. On SQLite, the file itself no longer holds their hashes.
TEST_F(NameSearchTest, ErasureRemovesThePersonsNameWords) {
  ASSERT_NO_FATAL_FAILURE(Load(150));
  const int64_t person_id = FindOne("Zacarías Quintanilla-Oyarzún");
  Result<PersonDetails> details = ShowPerson(admin(), person_id);
  ASSERT_TRUE(details.ok());
  const std::vector<std::string> words = NameWords(details->person.record);
  // "zacarias", "quintanilla", "oyarzun", "el", "zorro": the first three and "zorro" are theirs
  // alone; "el" is everyone's who is "El ...".
  std::vector<Bytes> own;
  for (const char* word : {"zacarias", "quintanilla", "oyarzun", "zorro"}) {
    ASSERT_NE(std::find(words.begin(), words.end(), word), words.end()) << word;
    own.push_back(admin().vault().IndexHash("name-token", word));
  }
  store::SqlConnection& db = admin().store().connection();
  auto count = [&](std::string_view sql, const Bytes& hash) {
    auto rows = store::QueryOne<int64_t>(db, sql, store::Params(ByteView(hash)),
                                         [](const store::SqlStatement& row) { return row.Int(0); });
    EXPECT_TRUE(rows.ok());
    return rows.ok() ? rows->value_or(-1) : -1;
  };
  for (const Bytes& hash : own) {
    ASSERT_EQ(count("SELECT count(*) FROM person_index WHERE hash = ?", hash), 1);
    ASSERT_EQ(count("SELECT count(*) FROM name_words WHERE hash = ?", hash), 1);
  }
  const Bytes shared = admin().vault().IndexHash("name-token", "maria");
  const int64_t maria_words = count("SELECT count(*) FROM name_words WHERE hash = ?", shared);
  ASSERT_EQ(maria_words, 1);

  Erase(person_id);
  for (const Bytes& hash : own) {
    EXPECT_EQ(count("SELECT count(*) FROM person_index WHERE hash = ?", hash), 0);
    EXPECT_EQ(count("SELECT count(*) FROM name_words WHERE hash = ?", hash), 0);
  }
  auto rows_of_person = store::QueryOne<int64_t>(
      db, "SELECT count(*) FROM person_index WHERE person_id = ?", store::Params(person_id),
      [](const store::SqlStatement& row) { return row.Int(0); });
  ASSERT_TRUE(rows_of_person.ok());
  EXPECT_EQ(rows_of_person->value_or(-1), 0);
  EXPECT_EQ(count("SELECT count(*) FROM name_words WHERE hash = ?", shared), 1)
      << "a word others still have stays";
  EXPECT_TRUE(Find("quintanilla", false).empty());
  EXPECT_TRUE(Find("zorro", true).empty());

  if (!store_.on_postgres()) {
    for (const std::string& path : {store_.options().database,
                                   store_.options().database + "-wal"}) {
      std::ifstream file(path, std::ios::binary);
      const std::string bytes((std::istreambuf_iterator<char>(file)),
                              std::istreambuf_iterator<char>());
      for (const Bytes& hash : own) {
        EXPECT_EQ(bytes.find(std::string(hash.begin(), hash.end())), std::string::npos)
            << path << " still holds " << HexEncode(hash);
      }
    }
  }
}

}  // namespace
}  // namespace canje::registry
