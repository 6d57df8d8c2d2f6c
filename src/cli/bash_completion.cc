#include "cli/bash_completion.h"

#include <map>
#include <sstream>

#include "core/text.h"

namespace canje::cli {
namespace {

// 'text' for bash, with embedded single quotes closed, escaped and reopened.
std::string Quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

// "canje exchange party": bash's associative arrays take no empty key, so canje itself is
// "canje".
std::string PathKey(const CommandReference& command) { return command.FullName(); }

// What completes an option's or an argument's value: "=a b c" one of these words, "PARTY" or
// "USER" names from the store, "-" anything (file names are offered).
std::string ValueKind(const OptionReference& option) {
  if (!option.choices.empty()) return "=" + Join(option.choices, " ");
  if (option.value_name == kPartyValue || option.value_name == kUserValue) {
    return option.value_name;
  }
  return "-";
}

struct Tables {
  std::map<std::string, std::string> commands, options, values, positionals;
};

void Collect(const CommandReference& command, Tables& tables) {
  std::string key = PathKey(command);
  std::vector<std::string> names, positional_kinds;
  for (const CommandReference& sub : command.subcommands) names.push_back(sub.path.back());
  if (!names.empty()) tables.commands[key] = Join(names, " ");
  names.clear();
  for (const OptionReference& option : command.options) {
    for (const std::string& name : option.names) {
      names.push_back(name);
      if (!option.is_flag()) tables.values[key + "|" + name] = ValueKind(option);
    }
  }
  names.push_back("--help");
  tables.options[key] = Join(names, " ");
  for (const OptionReference& positional : command.positionals) {
    positional_kinds.push_back(ValueKind(positional));
  }
  // One kind a line: a kind with choices ("=a b") holds spaces.
  if (!positional_kinds.empty()) {
    std::string joined;
    for (const std::string& kind : positional_kinds) joined += (joined.empty() ? "" : "\n") + kind;
    tables.positionals[key] = joined;
  }
  for (const CommandReference& sub : command.subcommands) Collect(sub, tables);
}

void WriteTable(std::ostream& out, const std::string& name,
                const std::map<std::string, std::string>& table) {
  out << "declare -gA " << name << "=(\n";
  for (const auto& [key, value] : table) {
    out << "  [" << Quoted(key) << "]=" << Quoted(value) << '\n';
  }
  out << ")\n";
}

// The part of the script that does not depend on the definitions.
constexpr const char* kFunctions = R"bash(
# The value kind of option $2 for command path $1: the command's own, else that of a command
# above it (an option of a command is accepted after its subcommands too). Fails for a flag.
_canje_value_kind() {
  local path=$1 option=$2
  while :; do
    if [[ -n ${_canje_values["$path|$option"]+set} ]]; then
      printf '%s' "${_canje_values["$path|$option"]}"
      return 0
    fi
    [[ $path == canje ]] && return 1
    path=${path% *}
  done
}

# Party codes or user names from the store named on the line (--db) or by CANJE_DB.
_canje_store_names() {
  local what=$1 field=$2 args=()
  [[ -n $_canje_db || -n $CANJE_DB ]] || return 0
  [[ -n $_canje_db ]] && args+=(--db "$_canje_db")
  [[ -n $_canje_master_key ]] && args+=(--master-key "$_canje_master_key")
  [[ -n $_canje_as ]] && args+=(--as "$_canje_as")
  "$_canje_program" "${args[@]}" --quiet "$what" list --json 2>/dev/null |
    sed -n 's/^ *"'"$field"'": *"\([^"]*\)".*/\1/p'
}

_canje_complete_value() {
  local kind=$1 cur=$2
  case $kind in
    =*) mapfile -t COMPREPLY < <(compgen -W "${kind#=}" -- "$cur") ;;
    PARTY) mapfile -t COMPREPLY < <(compgen -W "$(_canje_store_names party code)" -- "$cur") ;;
    USER) mapfile -t COMPREPLY < <(compgen -W "$(_canje_store_names user name)" -- "$cur") ;;
    *) compopt -o default 2>/dev/null; COMPREPLY=() ;;
  esac
}

_canje() {
  local words=("${COMP_WORDS[@]}") cword=$COMP_CWORD
  local cur=${words[cword]} path=canje position=0 i word kind option=""
  _canje_program=${words[0]/#\~/$HOME}
  _canje_db="" _canje_master_key="" _canje_as=""
  COMPREPLY=()
  # "--kind=cl": bash splits it at '=' into "--kind" "=" "cl".
  if [[ $cur == "=" && $cword -ge 1 ]]; then
    option=${words[cword-1]} cur=""
  elif [[ ${words[cword-1]} == "=" && $cword -ge 2 ]]; then
    option=${words[cword-2]}
  fi
  for ((i = 1; i < cword; i++)); do
    word=${words[i]}
    if [[ $word == "=" ]]; then
      ((i++))
      continue
    fi
    if [[ $word == -* ]]; then
      if kind=$(_canje_value_kind "$path" "${word%%=*}") && [[ $word != *=* ]]; then
        if [[ ${words[i+1]} == "=" ]]; then ((i++)); fi
        ((i++))
        case $word in
          --db) _canje_db=${words[i]/#\~/$HOME} ;;
          --master-key) _canje_master_key=${words[i]/#\~/$HOME} ;;
          --as) _canje_as=${words[i]} ;;
        esac
      else
        case $word in
          --db=*) _canje_db=${word#*=} ;;
          --master-key=*) _canje_master_key=${word#*=} ;;
          --as=*) _canje_as=${word#*=} ;;
        esac
      fi
    elif [[ " ${_canje_commands[$path]} " == *" $word "* ]]; then
      path="$path $word"
      position=0
    else
      ((position++))
    fi
  done
  if [[ -n $option ]]; then
    kind=$(_canje_value_kind "$path" "$option") && _canje_complete_value "$kind" "$cur"
    return 0
  fi
  if ((cword >= 2)) && [[ ${words[cword-1]} == -* ]] &&
    kind=$(_canje_value_kind "$path" "${words[cword-1]}"); then
    _canje_complete_value "$kind" "$cur"
    return 0
  fi
  if [[ $cur == -* ]]; then
    local options="" above=$path
    while :; do
      options+=" ${_canje_options[$above]}"
      [[ $above == canje ]] && break
      above=${above% *}
    done
    mapfile -t COMPREPLY < <(compgen -W "$options" -- "$cur")
    return 0
  fi
  if [[ -n ${_canje_commands[$path]} ]]; then
    mapfile -t COMPREPLY < <(compgen -W "${_canje_commands[$path]}" -- "$cur")
    return 0
  fi
  local kinds
  mapfile -t kinds <<<"${_canje_positionals[$path]}"
  if ((position < ${#kinds[@]})) && [[ -n ${kinds[position]} ]]; then
    _canje_complete_value "${kinds[position]}" "$cur"
  else
    _canje_complete_value "-" "$cur"
  fi
  return 0
}

complete -F _canje canje
)bash";

}  // namespace

std::string BashCompletionScript(const CommandReference& root) {
  Tables tables;
  Collect(root, tables);
  std::ostringstream out;
  out << "# bash completion for canje(1). Generated by `canje reference --bash-completion` from\n"
         "# the command definitions that `canje --help` prints; do not edit.\n\n"
         "# Subcommands of each command.\n";
  WriteTable(out, "_canje_commands", tables.commands);
  out << "# Options of each command.\n";
  WriteTable(out, "_canje_options", tables.options);
  out << "# What the value of each option that takes one is (\"COMMAND|OPTION\"): \"=a b\" one of\n"
         "# these, PARTY or USER from the store, \"-\" anything.\n";
  WriteTable(out, "_canje_values", tables.values);
  out << "# The kind of each positional argument, one line each.\n";
  WriteTable(out, "_canje_positionals", tables.positionals);
  out << kFunctions;
  return out.str();
}

}  // namespace canje::cli
