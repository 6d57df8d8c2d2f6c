#include "registry/person_codec.h"

#include <cstdint>

#include "registry/person_fields.h"

namespace canje::registry {
namespace {

constexpr uint8_t kRawRowVersion = 1;

class Writer {
 public:
  void Byte(uint8_t value) { out_.push_back(static_cast<char>(value)); }
  void Varint(uint64_t value) {
    while (value >= 0x80) {
      Byte(static_cast<uint8_t>(value | 0x80));
      value >>= 7;
    }
    Byte(static_cast<uint8_t>(value));
  }
  void String(std::string_view text) {
    Varint(text.size());
    out_.append(text);
  }
  // Writes the count of `items`, then each with write_one(*this, item).
  template <typename Item, typename WriteOne>
  void List(const std::vector<Item>& items, WriteOne write_one) {
    Varint(items.size());
    for (const Item& item : items) write_one(*this, item);
  }
  void Strings(const std::vector<std::string>& items) {
    List(items, [](Writer& out, const std::string& item) { out.String(item); });
  }
  void Date(const std::optional<PartialDate>& date) {
    Byte(date ? 1 : 0);
    if (!date) return;
    Varint(static_cast<uint64_t>(date->year));
    Byte(static_cast<uint8_t>(date->month));
    Byte(static_cast<uint8_t>(date->day));
    Byte(static_cast<uint8_t>(date->precision));
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  bool ok() const { return ok_; }
  bool AtEnd() const { return position_ == bytes_.size(); }
  uint8_t Byte() {
    if (position_ >= bytes_.size()) return Fail();
    return static_cast<uint8_t>(bytes_[position_++]);
  }
  uint64_t Varint() {
    uint64_t value = 0;
    for (int shift = 0; shift < 64 && ok_; shift += 7) {
      uint8_t byte = Byte();
      value |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) return value;
    }
    return Fail();
  }
  std::string String() {
    uint64_t size = Varint();
    if (!ok_ || size > bytes_.size() - position_) return Fail(), std::string();
    std::string text(bytes_.substr(position_, size));
    position_ += size;
    return text;
  }
  // Reads a count, then that many items with read_one(*this) while nothing has failed; a count
  // larger than the bytes left fails at once.
  template <typename ReadOne>
  auto List(ReadOne read_one) -> std::vector<decltype(read_one(*this))> {
    uint64_t count = Varint();
    std::vector<decltype(read_one(*this))> items;
    if (count > bytes_.size()) return Fail(), items;
    for (uint64_t i = 0; i < count && ok_; ++i) items.push_back(read_one(*this));
    return items;
  }
  std::vector<std::string> Strings() {
    return List([](Reader& in) { return in.String(); });
  }
  std::optional<PartialDate> Date() {
    if (Byte() == 0) return std::nullopt;
    PartialDate date;
    date.year = static_cast<int>(Varint());
    date.month = Byte();
    date.day = Byte();
    uint8_t precision = Byte();
    if (precision > 2) Fail();
    date.precision = static_cast<PartialDate::Precision>(precision);
    return date;
  }

 private:
  uint8_t Fail() {
    ok_ = false;
    position_ = bytes_.size();
    return 0;
  }
  std::string_view bytes_;
  size_t position_ = 0;
  bool ok_ = true;
};

Status Malformed(std::string_view what) {
  return Status::Invalid("a sealed " + std::string(what) + " is malformed: the store is damaged");
}

}  // namespace

std::string EncodePersonRecord(const PersonRecord& record) {
  return EncodePersonRecordAtVersion(record, LatestPersonEncodingVersion());
}

std::string EncodePersonRecordAtVersion(const PersonRecord& record, int latest) {
  Writer w;
  w.Byte(static_cast<uint8_t>(latest));
  w.String(record.record_id);
  w.Strings(record.name.given_names);
  w.Strings(record.name.family_names);
  w.Strings(record.aliases);
  w.Byte(static_cast<uint8_t>(record.sex));
  w.Date(record.date_of_birth);
  w.Strings(record.nationalities);
  w.List(record.documents, [](Writer& out, const IdentityDocument& document) {
    out.String(document.type);
    out.String(document.number);
    out.String(document.country);
  });
  w.String(record.holder);
  w.String(record.facility);
  w.Date(record.custody_since);
  w.String(record.legal_basis);
  w.List(record.charges, [](Writer& out, const Charge& charge) {
    out.String(charge.description);
    out.String(charge.status);
  });
  w.Byte(record.evidence_disclosed ? (*record.evidence_disclosed ? 2 : 1) : 0);
  w.Strings(record.categories);
  w.Byte(static_cast<uint8_t>(record.status));
  w.String(record.notes);
  for (int version = 2; version <= latest; ++version) {
    for (const PersonTextField& text : PersonTextFields()) {
      if (text.since_version == version) w.String(text.of(record));
    }
    if (version == 3) {
      w.Byte(static_cast<uint8_t>(record.ihl_status));
      w.Date(record.date_of_capture);
    }
  }
  return w.Take();
}

Result<PersonRecord> DecodePersonRecord(std::string_view bytes) {
  Reader r(bytes);
  const int version = r.Byte();
  if (version < 1 || version > LatestPersonEncodingVersion()) return Malformed("person record");
  PersonRecord record;
  record.record_id = r.String();
  record.name.given_names = r.Strings();
  record.name.family_names = r.Strings();
  record.aliases = r.Strings();
  uint8_t sex = r.Byte();
  if (sex > static_cast<uint8_t>(Sex::kOther)) return Malformed("person record");
  record.sex = static_cast<Sex>(sex);
  record.date_of_birth = r.Date();
  record.nationalities = r.Strings();
  record.documents = r.List([](Reader& in) {
    IdentityDocument document;
    document.type = in.String();
    document.number = in.String();
    document.country = in.String();
    return document;
  });
  record.holder = r.String();
  record.facility = r.String();
  record.custody_since = r.Date();
  record.legal_basis = r.String();
  record.charges = r.List([](Reader& in) {
    Charge charge;
    charge.description = in.String();
    charge.status = in.String();
    return charge;
  });
  uint8_t evidence = r.Byte();
  if (evidence == 1) record.evidence_disclosed = false;
  if (evidence == 2) record.evidence_disclosed = true;
  record.categories = r.Strings();
  uint8_t status = r.Byte();
  if (status > static_cast<uint8_t>(ReportedStatus::kUnknown)) return Malformed("person record");
  record.status = static_cast<ReportedStatus>(status);
  record.notes = r.String();
  for (int since = 2; since <= version; ++since) {
    for (const PersonTextField& text : PersonTextFields()) {
      if (text.since_version == since) text.of(record) = r.String();
    }
    if (since == 3) {
      const uint8_t ihl_status = r.Byte();
      if (ihl_status > static_cast<uint8_t>(IhlStatus::kOther)) return Malformed("person record");
      record.ihl_status = static_cast<IhlStatus>(ihl_status);
      record.date_of_capture = r.Date();
    }
  }
  if (!r.ok() || !r.AtEnd()) return Malformed("person record");
  return record;
}

std::string EncodeRawRow(const std::vector<std::string>& keys,
                         const std::vector<std::string>& values) {
  Writer w;
  w.Byte(kRawRowVersion);
  w.Strings(keys);
  w.Strings(values);
  return w.Take();
}

Result<RawRow> DecodeRawRow(std::string_view bytes) {
  Reader r(bytes);
  if (r.Byte() != kRawRowVersion) return Malformed("list row");
  RawRow row;
  row.keys = r.Strings();
  row.values = r.Strings();
  if (!r.ok() || !r.AtEnd()) return Malformed("list row");
  return row;
}

}  // namespace canje::registry
