#include "registry/person.h"

#include <cstdio>

namespace canje::registry {

std::string PartialDate::ToIso() const {
  char text[16];
  switch (precision) {
    case Precision::kYear:
      std::snprintf(text, sizeof text, "%04d", year);
      break;
    case Precision::kMonth:
      std::snprintf(text, sizeof text, "%04d-%02d", year, month);
      break;
    case Precision::kDay:
      std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
      break;
  }
  return text;
}

std::string PersonName::Display() const {
  std::string text;
  auto add = [&text](const std::string& name) {
    if (name.empty()) return;
    if (!text.empty()) text += ' ';
    text += name;
  };
  for (const std::string& name : given_names) add(name);
  add(patronymic);
  for (const std::string& name : family_names) add(name);
  return text;
}

}  // namespace canje::registry
