#include "cli/command_reference.h"

namespace canje::cli {
namespace {

bool IsHidden(const std::string& group) { return group.empty(); }

// Splits CLI11's set description "{a,b,c}" into its members; false for any other text.
bool SplitChoices(const std::string& description, std::vector<std::string>& choices) {
  if (description.size() < 2 || description.front() != '{' || description.back() != '}') {
    return false;
  }
  std::string inner = description.substr(1, description.size() - 2);
  size_t start = 0;
  while (start <= inner.size()) {
    size_t comma = inner.find(',', start);
    if (comma == std::string::npos) comma = inner.size();
    if (comma > start) choices.push_back(inner.substr(start, comma - start));
    start = comma + 1;
  }
  return !choices.empty();
}

OptionReference DescribeOption(CLI::Option& option) {
  OptionReference reference;
  for (const std::string& name : option.get_snames()) reference.names.push_back("-" + name);
  for (const std::string& name : option.get_lnames()) reference.names.push_back("--" + name);
  if (reference.names.empty()) reference.positional_name = option.get_name(true);
  reference.description = option.get_description();
  reference.default_value = option.get_default_str();
  reference.required = option.get_required();
  reference.repeatable = option.get_expected_max() > 1 || option.get_items_expected_max() > 1;
  if (option.get_expected_max() > 0) {
    // get_type_name() is the value's name followed by ":" and each check's description; the
    // checks are read one by one so that a description holding ':' stays whole.
    std::string full = option.get_type_name();
    std::vector<std::string> checks;
    for (int index = 0;; ++index) {
      CLI::Validator* validator = nullptr;
      try {
        validator = option.get_validator(index);
      } catch (const CLI::OptionNotFound&) {
        break;  // CLI11 says "no more validators" only this way
      }
      std::string description = validator->get_description();
      if (!description.empty()) checks.push_back(description);
    }
    size_t checks_length = 0;
    for (const std::string& check : checks) checks_length += check.size() + 1;
    reference.value_name = full.substr(0, full.size() - std::min(full.size(), checks_length));
    if (reference.value_name.empty()) reference.value_name = "VALUE";
    for (const std::string& check : checks) {
      if (!SplitChoices(check, reference.choices)) reference.constraints.push_back(check);
    }
  }
  return reference;
}

CommandReference Describe(CLI::App& app, std::vector<std::string> path) {
  CommandReference reference;
  reference.path = std::move(path);
  reference.description = app.get_description();
  reference.footer = app.get_footer();
  reference.requires_subcommand = app.get_require_subcommand_min() > 0;
  // --help is everywhere; --help-all is documented once, on canje itself (CLI11 copies it to
  // every subcommand).
  const CLI::Option* help = app.get_help_ptr();
  const CLI::Option* help_all = reference.path.empty() ? nullptr : app.get_help_all_ptr();
  for (CLI::Option* option : app.get_options()) {
    if (option == help || option == help_all || IsHidden(option->get_group())) continue;
    OptionReference described = DescribeOption(*option);
    (described.is_positional() ? reference.positionals : reference.options)
        .push_back(std::move(described));
  }
  for (CLI::App* subcommand : app.get_subcommands([](CLI::App*) { return true; })) {
    if (IsHidden(subcommand->get_group())) continue;
    std::vector<std::string> sub_path = reference.path;
    sub_path.push_back(subcommand->get_name());
    reference.subcommands.push_back(Describe(*subcommand, std::move(sub_path)));
  }
  return reference;
}

}  // namespace

std::string CommandReference::FullName() const {
  std::string name = "canje";
  for (const std::string& part : path) name += " " + part;
  return name;
}

CommandReference DescribeCommandLine(CLI::App& app) { return Describe(app, {}); }

}  // namespace canje::cli
