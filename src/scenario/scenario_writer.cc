#include "scenario/scenario_writer.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/csv_writer.h"
#include "scenario/random.h"
#include "scenario/random_permutation.h"

namespace canje::scenario {
namespace {

constexpr size_t kFlushThreshold = 1 << 20;

bool HasColumn(const std::vector<Column>& columns, Column column) {
  return std::find(columns.begin(), columns.end(), column) != columns.end();
}

int Digits(int64_t n) {
  int digits = 1;
  while (n >= 10) {
    n /= 10;
    ++digits;
  }
  return digits;
}

std::string ZeroPadded(int64_t n, int width) {
  std::string digits = std::to_string(n);
  if (static_cast<int>(digits.size()) < width) digits.insert(0, width - digits.size(), '0');
  return digits;
}

}  // namespace

std::string_view PartyKindName(PartyKind kind) {
  switch (kind) {
    case PartyKind::kState:
      return "state";
    case PartyKind::kIntermediary:
      return "intermediary";
    case PartyKind::kOrganisation:
      return "organisation";
  }
  return "";
}

ErrorRates RatesForColumns(ErrorRates rates, const std::vector<Column>& columns) {
  const bool split_names =
      HasColumn(columns, Column::kGivenNames) || HasColumn(columns, Column::kFamilyNames);
  if (!HasColumn(columns, Column::kDateOfBirth)) {
    rates[ErrorOp::kSwapDayMonth] = 0;
    rates[ErrorOp::kMissingDateOfBirth] = 0;
  }
  if (!HasColumn(columns, Column::kDocument)) rates[ErrorOp::kMissingDocument] = 0;
  // A roster-form full name is upper case anyway.
  if (!split_names) rates[ErrorOp::kUpperCaseNames] = 0;
  return rates;
}

std::string PersonKey(int64_t person) { return "P" + ZeroPadded(person, 8); }

// --- CsvFile ---

CsvFile::CsvFile(std::filesystem::path path, std::FILE* file)
    : path_(std::move(path)), file_(file) {
  buffer_.reserve(kFlushThreshold + 4096);
}

CsvFile::~CsvFile() {
  if (file_ != nullptr) std::fclose(file_);
}

Result<std::unique_ptr<CsvFile>> CsvFile::Create(const std::filesystem::path& path) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) {
    return Status::CannotWrite("cannot create " + path.string() + ": " + std::strerror(errno) +
                               "; choose a writable output directory");
  }
  return std::unique_ptr<CsvFile>(new CsvFile(path, file));
}

void CsvFile::WriteRow(const std::vector<std::string>& fields) {
  AppendCsvRow(fields, buffer_);
  if (buffer_.size() >= kFlushThreshold) Flush();
}

void CsvFile::Flush() {
  if (!failed_ && !buffer_.empty() &&
      std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
    failed_ = true;
  }
  buffer_.clear();
}

Status CsvFile::Close() {
  Flush();
  const int close_result = std::fclose(file_);
  file_ = nullptr;
  if (failed_ || close_result != 0) {
    return Status::CannotWrite("cannot write " + path_.string() + ": " + std::strerror(errno) +
                               "; check the free space of the output directory");
  }
  return Status::Ok();
}

// --- ScenarioWriter ---

ScenarioWriter::ScenarioWriter(std::filesystem::path out_dir, ProgressCallback progress,
                               int64_t total_work)
    : out_dir_(std::move(out_dir)), progress_(std::move(progress)), total_work_(total_work) {}

Result<std::unique_ptr<ScenarioWriter>> ScenarioWriter::Create(const std::filesystem::path& out_dir,
                                                               ProgressCallback progress,
                                                               int64_t total_work) {
  std::error_code error;
  std::filesystem::create_directories(out_dir, error);
  if (error) {
    return Status::CannotWrite("cannot create the output directory " + out_dir.string() + ": " +
                               error.message());
  }
  std::unique_ptr<ScenarioWriter> writer(
      new ScenarioWriter(out_dir, std::move(progress), total_work));
  CANJE_ASSIGN_OR_RETURN(writer->truth_, CsvFile::Create(out_dir / "truth.csv"));
  writer->truth_->WriteRow({"file", "record_id", "person_key", "errors"});
  if (writer->progress_) writer->progress_(0, total_work);
  return writer;
}

void ScenarioWriter::AddParty(Party party) { parties_.push_back(std::move(party)); }

Status ScenarioWriter::BeginList(ListSpec spec, int64_t capacity) {
  CANJE_ASSIGN_OR_RETURN(current_, CsvFile::Create(out_dir_ / spec.file));
  std::vector<std::string> header;
  for (Column column : spec.columns) header.emplace_back(registry::CanonicalColumnName(column));
  current_->WriteRow(header);
  current_records_ = 0;
  id_width_ = std::max(4, Digits(capacity));
  lists_.push_back(std::move(spec));
  return Status::Ok();
}

void ScenarioWriter::WriteRecord(Record record, std::string_view person_key, ErrorSet errors) {
  const ListSpec& spec = lists_.back();
  ++current_records_;
  record.record_id = spec.record_id_prefix + ZeroPadded(current_records_, id_width_);
  std::vector<std::string> fields;
  fields.reserve(spec.columns.size());
  for (Column column : spec.columns) fields.push_back(FieldText(record, column, spec.style));
  current_->WriteRow(fields);
  truth_->WriteRow({spec.file, record.record_id, std::string(person_key), ErrorSetText(errors)});
}

void ScenarioWriter::WriteVariant(Record record, int64_t person, const ErrorRates& rates,
                                  uint64_t error_seed) {
  Random random(error_seed);
  const ErrorSet errors = ApplyErrors(rates, random, record);
  WriteRecord(std::move(record), PersonKey(person), errors);
}

Status ScenarioWriter::EndList() {
  list_sizes_.push_back(current_records_);
  Status status = current_->Close();
  current_.reset();
  return status;
}

Status ScenarioWriter::WriteList(ListSpec spec, int64_t capacity, int64_t slots,
                                 uint64_t order_seed,
                                 const std::function<void(int64_t slot)>& visit) {
  CANJE_RETURN_IF_ERROR(BeginList(std::move(spec), capacity));
  ForEachInPermutedOrder(static_cast<uint64_t>(slots), order_seed, [&](uint64_t slot) {
    visit(static_cast<int64_t>(slot));
    Advance();
  });
  return EndList();
}

void ScenarioWriter::Advance(int64_t units) {
  done_work_ += units;
  if (progress_ && done_work_ >= next_report_ && done_work_ < total_work_) {
    progress_(done_work_, total_work_);
    next_report_ = done_work_ + std::max<int64_t>(1, total_work_ / 200);
  }
}

Status ScenarioWriter::Finish(std::string_view name, uint64_t seed, int64_t size) {
  CANJE_RETURN_IF_ERROR(truth_->Close());
  nlohmann::ordered_json manifest;
  manifest["name"] = name;
  manifest["seed"] = seed;
  manifest["size"] = size;
  manifest["parties"] = nlohmann::ordered_json::array();
  for (const Party& party : parties_) {
    manifest["parties"].push_back(
        {{"code", party.code}, {"name", party.name}, {"kind", PartyKindName(party.kind)}});
  }
  manifest["lists"] = nlohmann::ordered_json::array();
  for (size_t i = 0; i < lists_.size(); ++i) {
    const ListSpec& list = lists_[i];
    manifest["lists"].push_back({{"file", list.file},
                                 {"kind", ListKindName(list.kind)},
                                 {"source", list.source},
                                 {"party", list.party},
                                 {"holder", list.holder},
                                 {"description", list.description},
                                 {"records", list_sizes_[i]}});
    if (list.style.day_first_dates) manifest["lists"].back()["date_order"] = "dmy";
    if (!list.script.empty()) manifest["lists"].back()["script"] = list.script;
  }
  manifest["truth"] = "truth.csv";
  const std::filesystem::path path = out_dir_ / "scenario.json";
  std::ofstream out(path, std::ios::binary);
  out << manifest.dump(2) << "\n";
  out.close();
  if (!out) {
    return Status::CannotWrite("cannot write " + path.string() +
                               "; check the free space of the output directory");
  }
  if (progress_) progress_(total_work_, total_work_);
  return Status::Ok();
}

}  // namespace canje::scenario
