#include "registry/importer.h"

#include <fstream>
#include <memory>
#include <optional>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/atomic_file.h"
#include "core/clock.h"
#include "core/csv_writer.h"
#include "core/digest.h"
#include "core/utf8.h"
#include "instance/event_types.h"
#include "instance/ids.h"
#include "ledger/streaming_root.h"
#include "protect/sealing_contexts.h"
#include "registry/enumerated_fields.h"
#include "registry/list_kinds.h"
#include "registry/person_codec.h"
#include "registry/name_words.h"
#include "registry/record_fingerprint.h"
#include "registry/text_fold.h"

namespace canje::registry {
namespace {

using instance::Instance;
using instance::Recorder;

constexpr size_t kShownErrors = 20;
constexpr int64_t kProgressEveryRows = 4096;

struct FileFacts {
  std::string sha256;
  uint64_t size = 0;
};

FileFacts HashContent(const std::string& content) {
  FileFacts facts;
  facts.sha256 = HexEncode(Sha256(AsBytes(content)));
  facts.size = content.size();
  return facts;
}

Result<FileFacts> HashFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open " + path.string() + ": no such readable file");
  Sha256Hasher hasher;
  FileFacts facts;
  std::vector<char> buffer(1 << 20);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    std::streamsize n = in.gcount();
    if (n <= 0) break;
    hasher.Update(ByteView(reinterpret_cast<const uint8_t*>(buffer.data()), static_cast<size_t>(n)));
    facts.size += static_cast<uint64_t>(n);
  }
  if (in.bad()) return Status::Unavailable("error while reading " + path.string());
  Sha256Hash hash = hasher.Finish();
  facts.sha256 = HexEncode(hash);
  return facts;
}

Result<PartialDate> Today() {
  std::string today = TodayIso();
  return ParseDate(today);
}

// A summary of charges for counting without keys: none, pending, convicted, dropped, charged
// (charges without a status) or unknown (the list says nothing).
std::string ChargeSummary(const PersonRecord& record) {
  if (record.charges.empty()) return "unknown";
  std::set<std::string> statuses;
  bool described = false;
  for (const Charge& charge : record.charges) {
    statuses.insert(charge.status.empty() ? "charged" : charge.status);
    if (!charge.description.empty()) described = true;
  }
  for (std::string_view strongest : {"convicted", "pending", "charged", "dropped"}) {
    if (statuses.count(std::string(strongest))) return std::string(strongest);
  }
  if (statuses.count("none") && !described) return "none";
  return "unknown";
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += '|';
    out += item;
  }
  return out;
}

// Writes rejected rows: one line per problem, with the row as it came.
class RejectsWriter {
 public:
  Status Open(const std::filesystem::path& path) {
    file_ = std::make_unique<AtomicFileWriter>(
        path, AtomicFileOptions{.mode = 0666, .label = "rejected rows to " + path.string()});
    CANJE_RETURN_IF_ERROR(file_->Open());
    WriteCsvRow({"line", "column", "column_name", "reason", "row"}, file_->stream());
    return Status::Ok();
  }
  bool is_open() const { return file_ && file_->is_open(); }
  void Add(const FieldError& error, const Row& row, char delimiter) {
    std::string raw;
    for (size_t i = 0; i < row.values.size(); ++i) {
      if (i > 0) raw.push_back(delimiter ? delimiter : ',');
      if (!row.keys.empty()) raw += row.keys[i] + "=";
      raw += row.values[i];
    }
    // The rejects file is UTF-8 like every file canje writes: bytes of the row that were not
    // are shown as \xNN (the reason names where they were in the original file).
    constexpr size_t kWhole = std::string::npos;
    WriteCsvRow({std::to_string(error.line), error.column ? std::to_string(error.column) : "",
                 error.column_name.empty() ? error.json_path : error.column_name,
                 QuoteUntrusted(error.reason, kWhole), QuoteUntrusted(raw, kWhole)},
                file_->stream());
  }
  Status Commit() { return file_->Commit(); }
  void Abandon() { file_->Abandon(); }

 private:
  std::unique_ptr<AtomicFileWriter> file_;
};

// `status` with every line of its message prefixed by the file's name: a header with three unknown
// columns says "roster.csv: line 1, column N: ..." three times.
Status OnEachLineOf(const std::string& file_name, const Status& status) {
  std::string message;
  std::string_view rest = status.message();
  while (true) {
    const size_t end = rest.find('\n');
    if (!message.empty()) message += '\n';
    message += file_name + ": " + std::string(rest.substr(0, end));
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  return Status(status.code(), message);
}

std::string ErrorSummary(const ImportReport& report, const std::string& file_name) {
  std::string message = file_name + ": " + std::to_string(report.error_count) + " problem" +
                        (report.error_count == 1 ? "" : "s") + " in " +
                        std::to_string(report.rejected) + " row" +
                        (report.rejected == 1 ? "" : "s") + "; nothing was imported:";
  for (size_t i = 0; i < report.errors.size() && i < kShownErrors; ++i) {
    message += "\n  " + report.errors[i].ToString(file_name);
  }
  if (report.error_count > static_cast<int64_t>(kShownErrors)) {
    message += "\n  ... and " + std::to_string(report.error_count - kShownErrors) +
               " more (see them all with --json, or import the good rows with --skip-invalid "
               "--rejects FILE)";
  }
  message += "\nFix the rows and import again, or use --skip-invalid to import the others.";
  return message;
}

// The state of one import as it walks the file.
class ImportRun {
 public:
  ImportRun(const ImportOptions& options, ListKind kind, ImportReport& report)
      : options_(options), kind_(kind), report_(report) {}

  // RFC 9162 root over the written records' salted hashes, in import order: the import's event
  // commits to it, so one record can later be proven part of the import without the others.
  const ledger::StreamingRoot& records_root() const { return records_root_; }

  // Reads every row; when `recorder` is set, writes the good ones.
  Status Walk(ListFileReader& reader, Recorder* recorder, int64_t list_id, uint64_t total,
              const ImportProgress& progress, RejectsWriter* rejects) {
    if (recorder != nullptr) name_words_.emplace(recorder->vault());
    ParsedRecord parsed;
    while (true) {
      CANJE_ASSIGN_OR_RETURN(bool more, reader.Next(&parsed));
      if (!more) break;
      ++report_.rows;
      if (progress && report_.rows % kProgressEveryRows == 0) progress(reader.bytes_read(), total);
      if (!parsed.errors.empty()) {
        ++report_.rejected;
        for (const FieldError& error : parsed.errors) {
          ++report_.error_count;
          if (report_.errors.size() < kMaxReportedErrors) report_.errors.push_back(error);
          if (rejects != nullptr) rejects->Add(error, reader.row(), reader.csv_delimiter());
        }
        continue;
      }
      bool writing = recorder != nullptr && (options_.skip_invalid || report_.rejected == 0);
      if (writing) {
        CANJE_RETURN_IF_ERROR(Write(*recorder, list_id, parsed, reader.row()));
      }
      ++report_.imported;
    }
    if (progress) progress(total, total);
    return Status::Ok();
  }

 private:
  Status Write(Recorder& recorder, int64_t list_id, const ParsedRecord& parsed, const Row& row) {
    store::WriteTransaction& transaction = recorder.transaction();
    protect::Vault& vault = recorder.vault();
    const PersonRecord& record = parsed.record;
    std::string holder = record.holder;
    if (holder.empty()) holder = options_.default_holder;
    if (holder.empty() && kind_ == ListKind::kCustodyRoster) holder = options_.party;

    // Every record gets a person of its own; reconciliation (`canje link`) later merges the
    // persons of records found to be the same human being.
    int64_t person_id = 0;
    {
      CANJE_ASSIGN_OR_RETURN(person_id, transaction.AllocatePersonId());
      store::PersonRow person;
      person.id = person_id;
      person.sex = std::string(SexName(record.sex));
      person.nationalities = Join(record.nationalities);
      person.categories = Join(record.categories);
      Bytes key = vault.NewDataKey();
      person.data_key = vault.WrapKey(key, protect::PersonKeyContext(person_id));
      person.sealed = vault.Seal(key, AsBytes(EncodePersonRecord(record)),
                                 protect::PersonKeyContext(person_id));
      CANJE_RETURN_IF_ERROR(transaction.AddPerson(person));
      ++report_.persons_created;
      CANJE_RETURN_IF_ERROR(name_words_->Write(transaction, person_id, record));
      std::string folded_name = FoldForMatching(record.name.Display());
      if (!folded_name.empty()) {
        CANJE_RETURN_IF_ERROR(
            transaction.AddIndexEntry(vault.IndexHash("name", folded_name), person_id));
      }
      for (const std::string& number : DocumentIndexKeys(record)) {
        CANJE_RETURN_IF_ERROR(
            transaction.AddIndexEntry(vault.IndexHash("document", number), person_id));
      }
    }

    CANJE_ASSIGN_OR_RETURN(int64_t record_id, transaction.AllocateRecordId());
    store::RecordRow stored;
    stored.id = record_id;
    stored.list_id = list_id;
    stored.line = parsed.line;
    stored.person_id = person_id;
    stored.own_person_id = person_id;
    stored.fingerprint = RecordFingerprint(vault, record);
    stored.reported_status = std::string(ReportedStatusName(record.status));
    stored.holder = holder;
    std::string raw = EncodeRawRow(row.keys, row.values);
    Bytes key = vault.NewDataKey();
    stored.data_key = vault.WrapKey(key, protect::RecordKeyContext(record_id));
    stored.sealed = vault.Seal(key, AsBytes(raw), protect::RecordKeyContext(record_id));
    stored.salt = RandomBytes(32);
    Sha256Hash hash = Sha256Salted(stored.salt, AsBytes(raw));
    stored.record_hash.assign(hash.begin(), hash.end());
    CANJE_RETURN_IF_ERROR(transaction.AddRecord(stored));
    records_root_.AddLeaf(stored.record_hash);

    if (kind_ == ListKind::kCustodyRoster) {
      store::CustodyRow custody;
      custody.person_id = person_id;
      custody.holder = holder;
      custody.facility = record.facility;
      custody.since = record.custody_since ? record.custody_since->ToIso() : "";
      custody.legal_basis = record.legal_basis;
      custody.charge_status = ChargeSummary(record);
      custody.evidence_disclosed = record.evidence_disclosed;
      custody.status = record.status == ReportedStatus::kUnspecified
                           ? "unspecified"
                           : std::string(ReportedStatusName(record.status));
      custody.list_id = list_id;
      custody.record_id = record_id;
      CANJE_RETURN_IF_ERROR(transaction.AddCustody(custody).status());
    }
    return Status::Ok();
  }

  const ImportOptions& options_;
  ListKind kind_;
  ImportReport& report_;
  ledger::StreamingRoot records_root_;
  std::optional<NameWordWriter> name_words_;  // the writing walk's (one transaction)
};

}  // namespace

Result<ImportReport> ImportList(Instance& instance, const ImportOptions& given,
                                const ImportProgress& progress, ImportReport* report_out) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kImportList));
  ImportOptions options = given;
  if (options.party.empty()) options.party = instance.actor().party;
  CANJE_ASSIGN_OR_RETURN(ListKind kind, ParseListKind(options.kind));
  if (options.source.empty()) {
    return Status::Usage("say where the list comes from with --source \"...\"");
  }
  CANJE_ASSIGN_OR_RETURN(auto party, instance.store().FindParty(options.party));
  if (!party) {
    return Status::NotFound("no party " + options.party + "; add it with `canje party add " +
                            options.party + " --name ...`");
  }
  CANJE_RETURN_IF_ERROR(
      instance::AuthorizeForParty(instance.role(), instance.actor().party, options.party));
  if (!options.default_holder.empty()) {
    CANJE_ASSIGN_OR_RETURN(auto holder, instance.store().FindParty(options.default_holder));
    if (!holder) {
      return Status::NotFound("no party " + options.default_holder + " (--holder); add it with "
                              "`canje party add " + options.default_holder + " --name ...`");
    }
  }
  ListFormat format = ListFormatForPath(options.file.string());
  if (!options.format.empty()) {
    CANJE_ASSIGN_OR_RETURN(format, ParseListFormat(options.format));
  }

  FileFacts facts;
  if (options.content != nullptr) {
    facts = HashContent(*options.content);
  } else {
    CANJE_ASSIGN_OR_RETURN(facts, HashFile(options.file));
  }
  ImportReport report;
  report.party = options.party;
  report.file_sha256 = facts.sha256;
  if (!options.again) {
    CANJE_ASSIGN_OR_RETURN(auto earlier,
                           instance.store().FindListByFile(facts.sha256, options.source));
    if (earlier) {
      return Status::Conflict("this file was already imported for source '" + options.source +
                              "' as " + instance::ListId(earlier->id) + " on " +
                              earlier->imported_at + "; add --again to import it once more");
    }
  }

  CANJE_ASSIGN_OR_RETURN(auto parties, instance.store().Parties());
  std::set<std::string, std::less<>> party_codes;
  for (const auto& row : parties) party_codes.insert(row.code);
  ListFileReaderOptions reader_options;
  CANJE_ASSIGN_OR_RETURN(reader_options.parser.today, Today());
  reader_options.parser.date_order = options.date_order;
  reader_options.parser.name_order = options.name_order;
  reader_options.parser.party_exists = [&](std::string_view code) {
    return party_codes.count(code) > 0;
  };
  std::unique_ptr<std::istream> in;
  if (options.content != nullptr) {
    in = std::make_unique<std::istringstream>(*options.content, std::ios::binary);
  } else {
    in = std::make_unique<std::ifstream>(options.file, std::ios::binary);
    if (!*in) return Status::NotFound("cannot open " + options.file.string());
  }
  std::string file_name = options.file.filename().string();
  Result<std::unique_ptr<ListFileReader>> opened =
      ListFileReader::Open(*in, format, reader_options);
  if (!opened.ok()) return OnEachLineOf(file_name, opened.status());
  ListFileReader& reader = **opened;

  RejectsWriter rejects;
  if (options.skip_invalid && !options.dry_run && options.content == nullptr) {
    std::filesystem::path rejects_path = options.rejects_file;
    if (rejects_path.empty()) rejects_path = options.file.string() + ".rejected.csv";
    CANJE_RETURN_IF_ERROR(rejects.Open(rejects_path));
  }
  ImportRun run(options, kind, report);

  auto finish_invalid = [&]() -> Status {
    if (report_out != nullptr) *report_out = report;
    return Status::Invalid(ErrorSummary(report, file_name));
  };

  if (options.dry_run) {
    Status walked = run.Walk(reader, nullptr, 0, facts.size, progress, nullptr);
    if (!walked.ok()) return walked.WithContext(file_name);
    if (report.rejected > 0 && !options.skip_invalid) return finish_invalid();
    if (report_out != nullptr) *report_out = report;
    return report;
  }

  Status status = instance.Change([&](Recorder& recorder) -> Status {
    store::ListRow list;
    list.kind = std::string(ListKindName(kind));
    list.source = options.source;
    list.party = options.party;
    list.file_name = file_name;
    list.file_sha256 = facts.sha256;
    list.format = format == ListFormat::kCsv ? "csv" : "json";
    list.columns = nlohmann::json(reader.csv_header()).dump();
    CANJE_ASSIGN_OR_RETURN(report.list_id, recorder.transaction().AddList(list));
    Status walked = run.Walk(reader, &recorder, report.list_id, facts.size, progress,
                             rejects.is_open() ? &rejects : nullptr);
    if (!walked.ok()) return walked.WithContext(file_name);
    if (report.rejected > 0 && !options.skip_invalid) return finish_invalid();
    if (report.imported == 0) {
      return Status::Invalid(file_name + ": no row could be imported" +
                             (report.rejected > 0 ? " (every row was rejected)" : " (no rows)"));
    }
    nlohmann::json payload = {{"list", instance::ListId(report.list_id)},
                              {"kind", list.kind},
                              {"source", list.source},
                              {"default_holder", options.default_holder},
                              {"party", list.party},
                              {"file_name", list.file_name},
                              {"file_sha256", list.file_sha256},
                              {"format", list.format},
                              {"rows", report.rows},
                              {"imported", report.imported},
                              {"rejected", report.rejected},
                              {"persons_created", report.persons_created},
                              {"records_root", HexEncode(run.records_root().Root())}};
    CANJE_ASSIGN_OR_RETURN(
        report.event_seq,
        recorder.Record(events::kListImported, {instance::ListId(report.list_id), options.party},
                        payload));
    return recorder.transaction().SetListCounts(report.list_id, report.imported, report.rejected,
                                                report.event_seq);
  });
  if (!status.ok()) {
    if (rejects.is_open()) rejects.Abandon();
    report.list_id = 0;
    if (report_out != nullptr) *report_out = report;
    return status;
  }
  if (rejects.is_open()) CANJE_RETURN_IF_ERROR(rejects.Commit());
  if (report_out != nullptr) *report_out = report;
  return report;
}

}  // namespace canje::registry
