#include "cli/reference_command.h"

#include <filesystem>
#include <fstream>
#include <memory>

#include "cli/bash_completion.h"
#include "cli/command_reference.h"
#include "cli/manual_pages.h"

#ifndef CANJE_VERSION
#define CANJE_VERSION "0.0.0"
#endif

namespace canje::cli {
namespace {

struct ReferenceOptions {
  std::string man_directory;
  std::string bash_completion_file;
};

Status WriteFile(const std::filesystem::path& path, const std::string& text) {
  std::error_code error;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), error);
  if (error) {
    return Status::CannotWrite("cannot create " + path.parent_path().string() + ": " +
                               error.message());
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) return Status::CannotWrite("cannot write " + path.string());
  return Status::Ok();
}

Status RunReference(CLI::App& app, const ReferenceOptions& options) {
  if (options.man_directory.empty() && options.bash_completion_file.empty()) {
    return Status::Usage("give --man DIR, --bash-completion FILE or both");
  }
  CommandReference root = DescribeCommandLine(app);
  if (!options.man_directory.empty()) {
    for (const ManualPage& page : ManualPages(root, CANJE_VERSION)) {
      CANJE_RETURN_IF_ERROR(
          WriteFile(std::filesystem::path(options.man_directory) / page.file_name, page.text));
    }
  }
  if (!options.bash_completion_file.empty()) {
    CANJE_RETURN_IF_ERROR(WriteFile(options.bash_completion_file, BashCompletionScript(root)));
  }
  return Status::Ok();
}

}  // namespace

void AddReferenceCommand(CLI::App& app, CommandContext& context) {
  auto* reference = app.add_subcommand(
      "reference", "Write the manual pages and the bash completion (used by the build)");
  reference->group("");  // hidden: not in --help, the manual or the completion
  auto options = std::make_shared<ReferenceOptions>();
  reference->add_option("--man", options->man_directory,
                        "Folder for the manual pages (canje.1, canje-import.1, ...)");
  reference->add_option("--bash-completion", options->bash_completion_file,
                        "File for the bash completion script");
  reference->callback([&app, &context, options] { context.Finish(RunReference(app, *options)); });
}

}  // namespace canje::cli
