#include "registry/name_words.h"

#include <algorithm>
#include <map>

#include "core/encoding.h"
#include "linkage/document_comparison.h"
#include "protect/sealing_contexts.h"
#include "registry/name_search_key.h"
#include "registry/person_directory.h"
#include "registry/text_fold.h"
#include "store/name_word_tables.h"
#include "store/sql_query.h"

namespace canje::registry {
namespace {

constexpr std::string_view kNameTokenKind = "name-token";
// Words are sealed padded with zero bytes to a multiple of this length, so that a sealed word's
// size tells the length of none but the rare word longer than it (docs/security.md).
constexpr size_t kWordPadding = 32;

Bytes PadWord(std::string_view word) {
  Bytes padded(word.begin(), word.end());
  padded.resize((word.size() / kWordPadding + 1) * kWordPadding, 0);
  return padded;
}

std::string UnpadWord(const Bytes& padded) {
  std::string word(padded.begin(), padded.end());
  word.erase(word.find_last_not_of('\0') + 1);
  return word;
}

void AddWordsOf(std::string_view folded, std::vector<std::string>& words) {
  for (size_t start = 0; start < folded.size();) {
    size_t end = folded.find('_', start);
    if (end == std::string_view::npos) end = folded.size();
    std::string word(folded.substr(start, end - start));
    if (!word.empty() && std::find(words.begin(), words.end(), word) == words.end()) {
      words.push_back(std::move(word));
    }
    start = end + 1;
  }
}

std::vector<std::string> FragmentWords(std::string_view folded_fragment) {
  std::vector<std::string> words;
  AddWordsOf(folded_fragment, words);
  return words;
}

Result<bool> AllNameWordsIndexed(store::Store& store) {
  CANJE_ASSIGN_OR_RETURN(auto mark, store.Meta(store::kNameWordsIndexedMeta));
  return mark.has_value() && AsText(*mark) == store::kNameWordsIndexVersion;
}

// Cross-script words are kept in the vocabulary beside the words themselves, told apart by a
// prefix no search form holds ("~" folds to a separator): "~c" before the key words of names
// written in Cyrillic, "~l" before those of names written in Latin letters.
constexpr std::string_view kCyrillicKeyTag = "~c";
constexpr std::string_view kLatinKeyTag = "~l";

void AddKeyWordsOf(std::string_view name, std::vector<std::string>& words) {
  const NameScript script = ScriptOfName(name);
  if (script == NameScript::kNeither) return;
  std::vector<std::string> keys;
  AddWordsOf(CrossScriptKey(name), keys);
  const std::string_view tag = script == NameScript::kCyrillic ? kCyrillicKeyTag : kLatinKeyTag;
  for (const std::string& key : keys) {
    std::string word = std::string(tag) + key;
    if (std::find(words.begin(), words.end(), word) == words.end()) words.push_back(word);
  }
}

// What the index holds for a person: its name words, then its names' cross-script key words.
std::vector<std::string> IndexedWords(const PersonRecord& record) {
  std::vector<std::string> words = NameWords(record);
  AddKeyWordsOf(record.name.Display(), words);
  for (const std::string& alias : record.aliases) AddKeyWordsOf(alias, words);
  return words;
}

// The persons whose words hold every piece (holders[i]: the hashes of the vocabulary words that
// hold piece i), narrowing from the most telling piece; std::nullopt when even that one is held
// by more than `max_words` words.
Result<std::optional<std::set<int64_t>>> PersonsHoldingAll(
    store::Store& store, const std::vector<std::vector<Bytes>>& holders, size_t max_words) {
  using Answer = std::optional<std::set<int64_t>>;
  if (holders.empty()) return Answer(std::set<int64_t>{});
  std::vector<size_t> order(holders.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return holders[a].size() < holders[b].size(); });
  if (holders[order.front()].size() > max_words) return Answer();
  std::optional<std::set<int64_t>> candidates;
  for (size_t i : order) {
    if (holders[i].size() > max_words) break;  // left to the check on the persons opened
    std::set<int64_t> found;
    for (const Bytes& hash : holders[i]) {
      CANJE_ASSIGN_OR_RETURN(std::vector<int64_t> ids, store.PersonsByIndexHash(hash));
      for (int64_t id : ids) {
        if (!candidates || candidates->count(id)) found.insert(id);
      }
    }
    candidates = std::move(found);
    if (candidates->empty()) break;
  }
  return candidates;
}

}  // namespace

std::vector<std::string> DocumentIndexKeys(const PersonRecord& record) {
  std::vector<std::string> keys;
  for (const IdentityDocument& document : record.documents) {
    std::string normalized = linkage::NormalizeDocumentNumber(document.number);
    if (!normalized.empty()) keys.push_back(std::move(normalized));
  }
  return keys;
}

std::vector<std::string> NameWords(const PersonRecord& record) {
  std::vector<std::string> words;
  AddWordsOf(SearchForm(record.name.Display()), words);
  for (const std::string& alias : record.aliases) AddWordsOf(SearchForm(alias), words);
  return words;
}

Status NameWordWriter::Write(store::WriteTransaction& transaction, int64_t person_id,
                             const PersonRecord& record) {
  for (const std::string& word : IndexedWords(record)) {
    Bytes hash = vault_.IndexHash(kNameTokenKind, word);
    CANJE_RETURN_IF_ERROR(transaction.AddIndexEntry(hash, person_id));
    if (!written_.insert(word).second) continue;
    Bytes sealed =
        vault_.Seal(vault_.TextKey(), PadWord(word), protect::NameWordContext(HexEncode(hash)));
    CANJE_RETURN_IF_ERROR(transaction.AddNameWord(hash, sealed));
  }
  return Status::Ok();
}

Result<std::optional<std::set<int64_t>>> NameCandidates(instance::Instance& instance,
                                                        const NameFragment& fragment,
                                                        size_t max_words) {
  using Answer = std::optional<std::set<int64_t>>;
  CANJE_ASSIGN_OR_RETURN(bool indexed, AllNameWordsIndexed(instance.store()));
  if (!indexed) return Answer();
  const std::vector<std::string> pieces = FragmentWords(fragment.form);
  if (pieces.empty()) return Answer();
  // The fragment's cross-script key words, looked for among the keys of the other script's names.
  const std::string_view other_tag = fragment.script == NameScript::kLatin ? kCyrillicKeyTag
                                     : fragment.script == NameScript::kCyrillic
                                         ? kLatinKeyTag
                                         : std::string_view();
  const std::vector<std::string> key_pieces =
      other_tag.empty() ? std::vector<std::string>{} : FragmentWords(fragment.cross_key);
  // For each piece, the hashes of the vocabulary's words that hold it.
  std::vector<std::vector<Bytes>> holders(pieces.size());
  std::vector<std::vector<Bytes>> key_holders(key_pieces.size());
  protect::Vault& vault = instance.vault();
  CANJE_RETURN_IF_ERROR(store::ForEachNameWord(
      instance.store(), [&](ByteView hash, ByteView sealed) -> Status {
        Result<Bytes> padded =
            vault.Open(vault.TextKey(), sealed, protect::NameWordContext(HexEncode(hash)));
        if (!padded.ok()) {
          return Status::NotPermitted("a sealed name word does not open: " +
                                      padded.status().message());
        }
        const std::string word = UnpadWord(*padded);
        const bool key_word = !word.empty() && word.front() == '~';
        if (key_word && !key_pieces.empty() && word.compare(0, 2, other_tag) == 0) {
          const std::string_view key = std::string_view(word).substr(2);
          for (size_t i = 0; i < key_pieces.size(); ++i) {
            if (key.find(key_pieces[i]) != std::string_view::npos) {
              key_holders[i].emplace_back(hash.begin(), hash.end());
            }
          }
        }
        if (key_word) return Status::Ok();
        for (size_t i = 0; i < pieces.size(); ++i) {
          if (word.find(pieces[i]) != std::string::npos) {
            holders[i].emplace_back(hash.begin(), hash.end());
          }
        }
        return Status::Ok();
      }));
  CANJE_ASSIGN_OR_RETURN(Answer same_script,
                         PersonsHoldingAll(instance.store(), holders, max_words));
  if (!same_script) return Answer();
  if (key_pieces.empty()) return same_script;
  CANJE_ASSIGN_OR_RETURN(Answer across, PersonsHoldingAll(instance.store(), key_holders, max_words));
  if (!across) return Answer();
  same_script->insert(across->begin(), across->end());
  return same_script;
}

Result<int64_t> IndexNameWords(instance::Instance& instance) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kManageKeys));
  store::Store& store = instance.store();
  CANJE_ASSIGN_OR_RETURN(bool indexed, AllNameWordsIndexed(store));
  if (indexed) return 0;
  int64_t persons = 0;
  CANJE_RETURN_IF_ERROR(store.MigrateData([&](store::WriteTransaction& transaction) -> Status {
    // Another process may have done it since the look above: look again under the write lock.
    CANJE_ASSIGN_OR_RETURN(bool done, AllNameWordsIndexed(store));
    if (done) return Status::Ok();
    // Every person's words first (the persons are read whole before anything is written).
    std::vector<std::pair<int64_t, PersonRecord>> records;
    store::PersonFilter everyone;
    everyone.include_merged = true;
    CANJE_RETURN_IF_ERROR(store.ForEachPerson(everyone, [&](const store::PersonView& view) {
      if (!view.person.erased_at.empty() || view.person.data_key.empty()) return Status::Ok();
      CANJE_ASSIGN_OR_RETURN(PersonRecord record, OpenPerson(instance, view.person));
      records.emplace_back(view.person.id, std::move(record));
      return Status::Ok();
    }));
    protect::Vault& vault = instance.vault();
    std::unordered_set<std::string> sealed_words;
    for (const auto& [person_id, record] : records) {
      // Persons imported after the upgrade have their rows already.
      CANJE_ASSIGN_OR_RETURN(
          std::vector<Bytes> existing,
          (store::QueryAll<Bytes>(store.connection(),
                                  "SELECT hash FROM person_index WHERE person_id = ?",
                                  store::Params(person_id),
                                  [](const store::SqlStatement& row) { return row.Blob(0); })));
      for (const std::string& word : IndexedWords(record)) {
        Bytes hash = vault.IndexHash(kNameTokenKind, word);
        if (std::find(existing.begin(), existing.end(), hash) == existing.end()) {
          CANJE_RETURN_IF_ERROR(transaction.AddIndexEntry(hash, person_id));
        }
        if (!sealed_words.insert(word).second) continue;
        Bytes sealed =
            vault.Seal(vault.TextKey(), PadWord(word), protect::NameWordContext(HexEncode(hash)));
        CANJE_RETURN_IF_ERROR(transaction.AddNameWord(hash, sealed));
      }
      for (const std::string& number : DocumentIndexKeys(record)) {
        Bytes hash = vault.IndexHash("document", number);
        if (std::find(existing.begin(), existing.end(), hash) == existing.end()) {
          CANJE_RETURN_IF_ERROR(transaction.AddIndexEntry(hash, person_id));
          existing.push_back(std::move(hash));
        }
      }
      ++persons;
    }
    return transaction.SetMeta(store::kNameWordsIndexedMeta, AsBytes(store::kNameWordsIndexVersion));
  }));
  return persons;
}

}  // namespace canje::registry
