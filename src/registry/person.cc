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
  for (const auto* part : {&given_names, &family_names}) {
    for (const std::string& name : *part) {
      if (name.empty()) continue;
      if (!text.empty()) text += ' ';
      text += name;
    }
  }
  return text;
}

}  // namespace canje::registry
