#include "cli/manual_pages.h"

#include <cstdio>
#include <sstream>

namespace canje::cli {
namespace {

// Decodes one UTF-8 sequence at text[i] (advancing i); U+FFFD for a malformed one.
uint32_t NextCodePoint(const std::string& text, size_t& i) {
  auto byte = [&](size_t at) { return static_cast<unsigned char>(text[at]); };
  unsigned char first = byte(i++);
  if (first < 0x80) return first;
  int extra = first >= 0xF0 ? 3 : first >= 0xE0 ? 2 : first >= 0xC0 ? 1 : -1;
  if (extra < 0 || i + static_cast<size_t>(extra) > text.size()) return 0xFFFD;
  uint32_t point = first & (0x3F >> extra);
  for (int k = 0; k < extra; ++k) {
    if ((byte(i) & 0xC0) != 0x80) return 0xFFFD;
    point = (point << 6) | (byte(i++) & 0x3F);
  }
  return point;
}

std::string Bold(const std::string& text) { return "\\fB" + RoffText(text) + "\\fR"; }
std::string Italic(const std::string& text) { return "\\fI" + RoffText(text) + "\\fR"; }

std::string PageName(const CommandReference& command) {
  std::string name = "canje";
  for (const std::string& part : command.path) name += "-" + part;
  return name;
}

std::string Upper(std::string text) {
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return text;
}

// Paragraphs separated by blank lines; a run of lines indented by two spaces is an example,
// kept as typed.
void WriteText(std::ostream& out, const std::string& text) {
  std::istringstream lines(text);
  std::string line;
  bool in_example = false, paragraph_open = false;
  while (std::getline(lines, line)) {
    bool example = line.rfind("  ", 0) == 0;
    if (example && !in_example) {
      out << ".PP\n.RS 4\n.nf\n";
      in_example = true;
    } else if (!example && in_example) {
      out << ".fi\n.RE\n";
      in_example = false;
      paragraph_open = false;
    }
    if (example) {
      out << RoffText(line.substr(2)) << '\n';
    } else if (line.find_first_not_of(' ') == std::string::npos) {
      paragraph_open = false;
    } else {
      if (!paragraph_open) out << ".PP\n";
      paragraph_open = true;
      out << RoffText(line) << '\n';
    }
  }
  if (in_example) out << ".fi\n.RE\n";
}

std::string Sentence(std::string text) {
  if (!text.empty() && text.back() != '.') text += '.';
  return text;
}

void WriteOption(std::ostream& out, const OptionReference& option) {
  out << ".TP\n";
  if (option.is_positional()) {
    out << Italic(option.positional_name) << '\n';
  } else {
    std::string names;
    for (const std::string& name : option.names) names += (names.empty() ? "" : ", ") + Bold(name);
    if (!option.is_flag()) names += " " + Italic(option.value_name);
    out << names << '\n';
  }
  std::string text = Sentence(option.description);
  if (!option.choices.empty()) {
    std::string list;
    for (const std::string& choice : option.choices) list += (list.empty() ? "" : ", ") + choice;
    text += " One of: " + list + ".";
  }
  for (const std::string& constraint : option.constraints) text += " Accepted: " + constraint + ".";
  if (!option.default_value.empty()) text += " Default: " + option.default_value + ".";
  if (option.required) text += " Required.";
  if (option.repeatable) text += " May be given more than once.";
  out << RoffText(text) << '\n';
}

// "canje exchange create NAME --mediator PARTY [options]", in roff.
std::string Synopsis(const CommandReference& command) {
  std::string line;
  for (size_t i = 0; i < command.path.size(); ++i) line += " " + Bold(command.path[i]);
  for (const OptionReference& positional : command.positionals) {
    std::string name = Italic(positional.positional_name) + (positional.repeatable ? "..." : "");
    line += " " + (positional.required ? name : "[" + name + "]");
  }
  bool optional = false;
  for (const OptionReference& option : command.options) {
    if (!option.required) {
      optional = true;
      continue;
    }
    line += " " + Bold(option.names.back());
    if (!option.is_flag()) line += " " + Italic(option.value_name);
  }
  if (optional) line += " [" + Italic("options") + "]";
  if (!command.subcommands.empty()) {
    line += command.requires_subcommand ? " " + Italic("command") : " [" + Italic("command") + "]";
  }
  return Bold("canje") + line;
}

void WriteCommand(std::ostream& out, const CommandReference& command, bool own_section) {
  if (own_section) {
    out << ".SS \"" << RoffText(command.FullName()) << "\"\n";
    WriteText(out, Sentence(command.description));
    out << ".PP\n" << Synopsis(command) << '\n';
  }
  if (!command.footer.empty()) WriteText(out, command.footer);
  for (const OptionReference& positional : command.positionals) WriteOption(out, positional);
  for (const OptionReference& option : command.options) WriteOption(out, option);
  for (const CommandReference& sub : command.subcommands) WriteCommand(out, sub, true);
}

void WriteHeader(std::ostream& out, const std::string& name, int section,
                 const std::string& version) {
  out << ".\\\" Generated by `canje reference --man` from the command definitions; do not edit.\n"
      << ".TH " << RoffText(Upper(name)) << ' ' << section << " \"\" \"canje " << version
      << "\" \"canje manual\"\n"
      << ".ad l\n";  // ragged right: option names and values cannot be justified
}

void WriteSeeAlso(std::ostream& out, const std::vector<std::string>& pages) {
  out << ".SH \"SEE ALSO\"\n";
  for (size_t i = 0; i < pages.size(); ++i) {
    out << ".BR " << RoffText(pages[i]) << " (" << (pages[i] == "canje-formats" ? 5 : 1) << ")"
        << (i + 1 < pages.size() ? "," : "") << '\n';
  }
}

ManualPage GroupPage(const CommandReference& group, const std::string& version) {
  std::ostringstream out;
  std::string name = PageName(group);
  WriteHeader(out, name, 1, version);
  out << ".SH NAME\n" << RoffText(name) << " \\- " << RoffText(group.description) << '\n';
  out << ".SH SYNOPSIS\n" << Synopsis(group) << '\n';
  out << ".PP\nGlobal options (see \\fBcanje\\fR(1)) may be given before or after the command.\n";
  out << ".SH DESCRIPTION\n";
  WriteText(out, Sentence(group.description));
  if (!group.footer.empty()) WriteText(out, group.footer);
  if (!group.positionals.empty() || !group.options.empty()) {
    out << ".SH OPTIONS\n";
    for (const OptionReference& positional : group.positionals) WriteOption(out, positional);
    for (const OptionReference& option : group.options) WriteOption(out, option);
  }
  if (!group.subcommands.empty()) {
    out << ".SH COMMANDS\n";
    for (const CommandReference& sub : group.subcommands) WriteCommand(out, sub, true);
  }
  WriteSeeAlso(out, {"canje", "canje-formats"});
  return {name + ".1", out.str()};
}

ManualPage RootPage(const CommandReference& root, const std::string& version) {
  std::ostringstream out;
  WriteHeader(out, "canje", 1, version);
  out << ".SH NAME\ncanje \\- " << RoffText(root.description) << '\n';
  out << ".SH SYNOPSIS\n"
      << Bold("canje") << " [" << Italic("global options") << "] " << Italic("command") << " ["
      << Italic("arguments") << "]\n";
  out << ".SH DESCRIPTION\n";
  WriteText(out, Sentence(root.description));
  if (!root.footer.empty()) WriteText(out, root.footer);
  out << ".SH \"GLOBAL OPTIONS\"\n";
  for (const OptionReference& option : root.options) WriteOption(out, option);
  out << ".SH COMMANDS\n";
  std::vector<std::string> pages;
  for (const CommandReference& group : root.subcommands) {
    pages.push_back(PageName(group));
    out << ".TP\n.BR " << RoffText(pages.back()) << " (1)\n"
        << RoffText(Sentence(group.description)) << '\n';
  }
  pages.push_back("canje-formats");
  WriteSeeAlso(out, pages);
  return {"canje.1", out.str()};
}

}  // namespace

std::string RoffText(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      char escape[16];
      std::snprintf(escape, sizeof escape, "\\[u%04X]", NextCodePoint(text, i));
      out += escape;
      continue;
    }
    ++i;
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else if ((c == '.' || c == '\'') && (out.empty() || out.back() == '\n')) {
      out += "\\&";
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

std::vector<ManualPage> ManualPages(const CommandReference& root, const std::string& version) {
  std::vector<ManualPage> pages = {RootPage(root, version)};
  for (const CommandReference& group : root.subcommands) pages.push_back(GroupPage(group, version));
  return pages;
}

}  // namespace canje::cli
