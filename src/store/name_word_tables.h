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

// Meta 'name_words' is set when every person's name words are indexed: by `canje init`, and
// by `canje person index-names` in a store from before schema version 14. Without it a name
// search opens every person.
inline constexpr std::string_view kNameWordsIndexedMeta = "name_words";

// Calls `visit` with each word's keyed hash and its sealed form.
Status ForEachNameWord(Store& store,
                       const std::function<Status(ByteView hash, ByteView sealed)>& visit);

}  // namespace canje::store
