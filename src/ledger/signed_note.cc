#include "ledger/signed_note.h"

#include <algorithm>
#include <optional>

#include "ledger/cosignature.h"
#include "ledger/utf8.h"

namespace canje::ledger {
namespace {

constexpr std::string_view kSignaturePrefix = "\xE2\x80\x94 ";  // U+2014 em dash, space

std::string LineLabel(size_t line_number) { return "line " + std::to_string(line_number); }

// Every line: within the length limit, valid UTF-8, no control characters but the newline.
Status CheckLines(std::string_view note) {
  size_t line_number = 1;
  size_t position = 0;
  while (position < note.size()) {
    size_t end = note.find('\n', position);
    if (end == std::string_view::npos) end = note.size();
    const std::string_view line = note.substr(position, end - position);
    if (line.size() > kMaxNoteLineBytes) {
      return Status::Invalid(LineLabel(line_number) + " of the note is " +
                             std::to_string(line.size()) + " bytes long; the limit is " +
                             std::to_string(kMaxNoteLineBytes));
    }
    std::optional<std::u32string> code_points = DecodeUtf8(line);
    if (!code_points) {
      return Status::Invalid(LineLabel(line_number) + " of the note is not valid UTF-8");
    }
    for (size_t column = 0; column < code_points->size(); ++column) {
      if ((*code_points)[column] < 0x20) {
        return Status::Invalid(LineLabel(line_number) + ", character " +
                               std::to_string(column + 1) +
                               " of the note is a control character; a note may contain no "
                               "control character other than newline");
      }
    }
    position = end + 1;
    ++line_number;
  }
  return Status::Ok();
}

// Parses one signature line (without its newline); `where` names it in messages.
Result<NoteSignature> ParseSignatureLineAt(std::string_view line, const std::string& where) {
  if (line.substr(0, kSignaturePrefix.size()) != kSignaturePrefix) {
    return Status::Invalid(where +
                           " does not start with an em dash (U+2014) and a space; every "
                           "line after the note's last blank line must be a signature line");
  }
  line.remove_prefix(kSignaturePrefix.size());
  const size_t space = line.find(' ');
  if (space == std::string_view::npos) {
    return Status::Invalid(where + " has no space between the key name and the signature");
  }
  const std::string_view name = line.substr(0, space);
  const std::string_view encoded = line.substr(space + 1);
  if (Status status = CheckKeyName(name); !status.ok()) {
    return Status::Invalid(where + ": " + status.message());
  }
  std::optional<Bytes> decoded = Base64Decode(encoded);
  if (encoded.empty() || !decoded) {
    return Status::Invalid(where + ": the signature is not valid base64");
  }
  if (decoded->size() < 5) {
    return Status::Invalid(where + ": the signature is " + std::to_string(decoded->size()) +
                           " bytes; it needs a 4-byte key id and at least one signature byte");
  }
  NoteSignature signature;
  signature.name = std::string(name);
  signature.key_id = uint32_t{(*decoded)[0]} << 24 | uint32_t{(*decoded)[1]} << 16 |
                     uint32_t{(*decoded)[2]} << 8 | uint32_t{(*decoded)[3]};
  signature.signature.assign(decoded->begin() + 4, decoded->end());
  return signature;
}

std::string KeyLabel(std::string_view name, uint32_t key_id) {
  return std::string(name) + "+" + FormatKeyId(key_id);
}

bool SignatureVerifies(const VerifierKey& key, std::string_view text, ByteView signature) {
  switch (key.type) {
    case SignatureType::kEd25519:
      return Ed25519Verify(key.public_key, AsBytes(text), signature);
    case SignatureType::kCosignatureV1: {
      if (signature.size() != 8 + 64) return false;
      uint64_t timestamp = 0;
      for (int i = 0; i < 8; ++i) timestamp = timestamp << 8 | signature[i];
      if (timestamp > kMaxCosignatureTimestamp) return false;
      const std::string message = CosignatureV1Message(timestamp, text);
      return Ed25519Verify(key.public_key, AsBytes(message), signature.subspan(8));
    }
  }
  return false;
}

std::string Render(std::string_view text, const std::vector<NoteSignature>& signatures) {
  std::string note(text);
  note.push_back('\n');
  for (const NoteSignature& signature : signatures) note += FormatSignatureLine(signature);
  return note;
}

}  // namespace

Result<ParsedNote> ParseNote(std::string_view note) {
  if (note.size() > kMaxNoteBytes) {
    return Status::Invalid("the note is " + std::to_string(note.size()) + " bytes; the limit is " +
                           std::to_string(kMaxNoteBytes));
  }
  CANJE_RETURN_IF_ERROR(CheckLines(note));
  const size_t split = note.rfind("\n\n");
  if (split == std::string_view::npos) {
    return Status::Invalid("the note has no blank line separating its text from its signatures");
  }
  ParsedNote parsed;
  parsed.text = std::string(note.substr(0, split + 1));
  std::string_view lines = note.substr(split + 2);
  if (lines.empty()) {
    return Status::Invalid("the note has no signature lines after its last blank line");
  }
  if (lines.back() != '\n') {
    return Status::Invalid("the note's last line does not end in a newline");
  }
  size_t line_number =
      static_cast<size_t>(std::count(note.begin(), note.begin() + split + 2, '\n')) + 1;
  while (!lines.empty()) {
    const size_t end = lines.find('\n');
    if (parsed.signatures.size() == kMaxNoteSignatures) {
      return Status::Invalid("the note has more than " + std::to_string(kMaxNoteSignatures) +
                             " signature lines");
    }
    CANJE_ASSIGN_OR_RETURN(NoteSignature signature,
                           ParseSignatureLineAt(lines.substr(0, end), LineLabel(line_number)));
    parsed.signatures.push_back(std::move(signature));
    lines.remove_prefix(end + 1);
    ++line_number;
  }
  return parsed;
}

Result<NoteSignature> ParseSignatureLine(std::string_view line) {
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  if (line.size() > kMaxNoteLineBytes) {
    return Status::Invalid("the signature line is " + std::to_string(line.size()) +
                           " bytes long; the limit is " + std::to_string(kMaxNoteLineBytes));
  }
  CANJE_RETURN_IF_ERROR(CheckLines(line));
  return ParseSignatureLineAt(line, "the signature line");
}

std::string FormatSignatureLine(const NoteSignature& signature) {
  Bytes data = {
      static_cast<uint8_t>(signature.key_id >> 24), static_cast<uint8_t>(signature.key_id >> 16),
      static_cast<uint8_t>(signature.key_id >> 8), static_cast<uint8_t>(signature.key_id)};
  data.insert(data.end(), signature.signature.begin(), signature.signature.end());
  return std::string(kSignaturePrefix) + signature.name + " " + Base64Encode(data) + "\n";
}

Result<std::string> SignNote(std::string_view text, const SignerKey& signer) {
  if (signer.type != SignatureType::kEd25519) {
    return Status::Usage("key " + KeyLabel(signer.name, signer.key_id) +
                         " is a cosigner key; it signs checkpoints with CosignCheckpoint");
  }
  if (text.empty() || text.back() != '\n') {
    return Status::Invalid("a note's text must end in a newline");
  }
  CANJE_ASSIGN_OR_RETURN(Ed25519Signature signature, Ed25519Sign(signer.seed, AsBytes(text)));
  std::string note = Render(
      text, {NoteSignature{signer.name, signer.key_id, Bytes(signature.begin(), signature.end())}});
  // The signed note must read back as the same text (this catches control characters, invalid
  // UTF-8 and over-long lines in the text).
  CANJE_ASSIGN_OR_RETURN(ParsedNote parsed, ParseNote(note));
  if (parsed.text != text) {
    return Status::Invalid("the text would not read back unchanged from a signed note");
  }
  return note;
}

Result<std::string> AddSignatureLine(std::string_view note, std::string_view line) {
  CANJE_ASSIGN_OR_RETURN(ParsedNote parsed, ParseNote(note));
  if (line.empty() || line.back() != '\n' || line.find('\n') != line.size() - 1) {
    return Status::Invalid("a signature line is one line ending in a newline");
  }
  CANJE_ASSIGN_OR_RETURN(NoteSignature added, ParseSignatureLine(line));
  std::erase_if(parsed.signatures, [&](const NoteSignature& existing) {
    return existing.name == added.name && existing.key_id == added.key_id;
  });
  parsed.signatures.push_back(std::move(added));
  std::string result = Render(parsed.text, parsed.signatures);
  CANJE_RETURN_IF_ERROR(ParseNote(result).status());
  return result;
}

Result<OpenedNote> OpenNote(std::string_view note, std::span<const VerifierKey> verifiers) {
  CANJE_ASSIGN_OR_RETURN(ParsedNote parsed, ParseNote(note));
  OpenedNote opened;
  opened.text = std::move(parsed.text);
  for (NoteSignature& signature : parsed.signatures) {
    const VerifierKey* key = nullptr;
    int matches = 0;
    for (const VerifierKey& candidate : verifiers) {
      if (candidate.name == signature.name && candidate.key_id == signature.key_id) {
        key = &candidate;
        ++matches;
      }
    }
    const std::string label = KeyLabel(signature.name, signature.key_id);
    if (matches == 0) {
      if (std::find(opened.unverified.begin(), opened.unverified.end(), signature) ==
          opened.unverified.end()) {
        opened.unverified.push_back(std::move(signature));
      }
      continue;
    }
    if (matches > 1) {
      return Status::Invalid("ambiguous key " + label +
                             ": several verifier keys share this name "
                             "and key id; remove the duplicates");
    }
    const bool seen =
        std::any_of(opened.verified.begin(), opened.verified.end(), [&](const NoteSignature& done) {
          return done.name == signature.name && done.key_id == signature.key_id;
        });
    if (seen) continue;  // one signature per key counts; repeats are ignored, as in Go
    if (!SignatureVerifies(*key, opened.text, signature.signature)) {
      return Status::Invalid("invalid signature for key " + label +
                             ": the note was altered or the signature is corrupt");
    }
    opened.verified.push_back(std::move(signature));
  }
  if (opened.verified.empty()) {
    std::string signers;
    for (const NoteSignature& signature : opened.unverified) {
      signers += (signers.empty() ? "" : ", ") + KeyLabel(signature.name, signature.key_id);
    }
    return Status::Invalid("the note has no signature by a known key (it is signed by " + signers +
                           "); check that the right verifier key is configured");
  }
  return opened;
}

}  // namespace canje::ledger
