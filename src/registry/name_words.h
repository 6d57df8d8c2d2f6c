// Name words: answering a name search from keyed hashes, opening only the persons who may match
// (docs/security.md, "Name words"; docs/benchmarks.md, "Searching persons").
//
// A name fragment matches a person when it holds the fragment by the rules of
// name_search_key.h: the fragment's search form inside the search form of the display name or of
// one alias, or, across the Cyrillic and Latin scripts, its cross-script key inside the name's.
// Both forms are words joined by "_", so each word of a matching fragment lies inside one word of
// the name: "ria_jos" inside "maria_jose" has "ria" inside "maria" and "jos" inside "jose".
// Import therefore stores, for each distinct word of a person's names and each word of their
// cross-script keys (tagged with the name's script, so that a Latin fragment looks only among
// the keys of Cyrillic names and the other way round), a person_index row under the keyed hash
// IndexHash("name-token", word), and the word itself, padded and sealed under the text key, in
// the vocabulary (store/name_word_tables.h). A search opens the vocabulary, takes the words
// holding each word of the fragment, reads their persons from person_index, and opens only
// those; the caller still checks each one with the same substring rule, so the answer is the
// one opening every person gives, partial words included.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/status.h"
#include "instance/instance.h"
#include "registry/name_search_key.h"
#include "registry/person.h"
#include "store/store.h"

namespace canje::registry {

// The distinct words of the search forms (name_search_key.h) of the record's display name and
// aliases, in first-seen order.
std::vector<std::string> NameWords(const PersonRecord& record);

// The normalised numbers (linkage::NormalizeDocumentNumber) of the record's documents, not
// empty, under which import indexes the person as IndexHash("document", number).
std::vector<std::string> DocumentIndexKeys(const PersonRecord& record);

// Writes a person's name words: their index rows and, once per transaction, their vocabulary
// entries. One writer per transaction.
class NameWordWriter {
 public:
  explicit NameWordWriter(protect::Vault& vault) : vault_(vault) {}
  Status Write(store::WriteTransaction& transaction, int64_t person_id,
               const PersonRecord& record);

 private:
  protect::Vault& vault_;
  std::unordered_set<std::string> written_;  // words already added to the vocabulary
};

// The persons whose names could hold `fragment` (its form not empty), by
// either rule, in id order: a superset of those whose names hold it, never missing one.
// std::nullopt when the index cannot say — the store's words are not all indexed as this version
// indexes them (meta 'name_words' other than store::kNameWordsIndexVersion), or every word of
// the fragment (or of its cross-script key) is inside more than `max_words` words of the
// vocabulary (a letter or two) — and the caller opens every person instead.
Result<std::optional<std::set<int64_t>>> NameCandidates(instance::Instance& instance,
                                                        const NameFragment& fragment,
                                                        size_t max_words = 2000);

// `canje person index-names` (admins, kNotPermitted otherwise): in a store from before schema
// version 14, or indexed by an earlier version of canje, opens every person not erased and
// indexes their name words and document numbers (rows already there are not written twice;
// document numbers written in Cyrillic are indexed with their series letters since index
// version 2), then sets meta
// 'name_words'; one transaction, no event (the persons' data does not change). Returns the
// number of persons indexed; 0 when done already.
Result<int64_t> IndexNameWords(instance::Instance& instance);

}  // namespace canje::registry
