// The vocabulary of name words (schema version 14): every distinct word of the persons' names
// and aliases, sealed under the instance's text key, by the keyed hash under which person_index
// lists the persons whose names hold it. A name search reads the vocabulary to learn which words
// hold the fragment typed, then asks person_index for their persons only
// (registry/name_words.h says how; docs/security.md what the rows reveal).
//
// Plain rows and SQL only. Words are added with WriteTransaction::AddNameWord (store.h) beside
// their index rows, and leave with the last person whose index rows hold them
// (WriteTransaction::ErasePerson).
#pragma once

#include <functional>

#include "core/encoding.h"
#include "core/status.h"
#include "store/store.h"

namespace canje::store {

// Meta 'name_words' holds kNameWordsIndexVersion when every person's name words are indexed as
// this version of canje indexes them: set by `canje init`, and by `canje person index-names` in
// a store from before schema version 14 or indexed by an earlier version ("13": words folded
// without Cyrillic case folding and without cross-script keys). Otherwise a name search opens
// every person.
inline constexpr std::string_view kNameWordsIndexedMeta = "name_words";
inline constexpr std::string_view kNameWordsIndexVersion = "2";

// Calls `visit` with each word's keyed hash and its sealed form.
Status ForEachNameWord(Store& store,
                       const std::function<Status(ByteView hash, ByteView sealed)>& visit);

}  // namespace canje::store
