// Fuzz target: the body of a C2SP tlog-witness `POST /add-checkpoint`, through the witness's HTTP
// handler (server/witness_service.h) on a real state folder that has cosigned size 3 of a test
// log; and the same bytes as a witness's answer read by the log's side (ParseTreeSizeBody,
// SplitCosignatureLines). The state folder is put back to size 3 before every input, so each
// input is judged alone. Properties: the answer is one of the specification's statuses, never
// 500; its body is UTF-8; a 200 holds a cosignature by the witness's key over a checkpoint of
// the test log's own tree (the witness never cosigns a fork, whatever the proof); a 409 says a
// size.
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <set>
#include <string>

#include "core/utf8.h"
#include "fuzz/fuzz_target.h"
#include "ledger/checkpoint.h"
#include "ledger/cosignature.h"
#include "ledger/memory_hash_store.h"
#include "ledger/note_keys.h"
#include "ledger/proof_text.h"
#include "ledger/signed_note.h"
#include "ledger/witness_protocol.h"
#include "server/witness_service.h"
#include "witness/witness_state.h"

namespace {

namespace http = boost::beast::http;
using namespace canje;

constexpr int64_t kCosignedSize = 3;

// A log of 16 leaves "<prefix> i" and its checkpoints, signed by one key.
struct TestLog {
  ledger::MemoryHashStore tree;
  explicit TestLog(const std::string& prefix) {
    for (int i = 0; i < 16; ++i) {
      (void)tree.AppendLeafHash(ledger::HashLeaf(AsBytes(prefix + " " + std::to_string(i))));
    }
  }
  ledger::Hash Root(int64_t size) { return *ledger::TreeHash(size, tree); }
  std::string Note(int64_t size, const ledger::SignerKey& key) {
    return *ledger::SignNote(*ledger::FormatCheckpoint({key.name, size, Root(size), {}}), key);
  }
};

struct Witness {
  std::filesystem::path folder;
  ledger::SignerKey log_key;
  ledger::VerifierKey witness_key;
  std::unique_ptr<TestLog> log = std::make_unique<TestLog>("entry");
  std::unique_ptr<TestLog> fork = std::make_unique<TestLog>("rewritten");
  std::string state_at_3;  // the `state` file after cosigning size 3
  std::unique_ptr<server::WitnessService> service;
};

Witness& TheWitness() {
  static Witness* witness = [] {
    auto* w = new Witness;
    std::string pattern =
        (std::filesystem::temp_directory_path() / "canje-fuzz-witness-XXXXXX").string();
    w->folder = std::filesystem::path(mkdtemp(pattern.data())) / "witness";
    auto log_key = ledger::GenerateSignerKey("log.example/fuzz", ledger::SignatureType::kEd25519);
    FuzzCheck(log_key.ok(), "cannot make the log's key");
    w->log_key = *log_key;
    auto vkey = witness::InitWitness(w->folder, "w.example",
                                     ledger::FormatVerifierKey(ledger::VerifierKeyOf(w->log_key)));
    FuzzCheck(vkey.ok(), "cannot make the witness");
    w->witness_key = *ledger::ParseVerifierKey(*vkey);
    auto cosigned = witness::Cosign(w->folder, w->log->Note(kCosignedSize, w->log_key), "", 1);
    FuzzCheck(cosigned.ok(), "the witness does not cosign the first checkpoint");
    std::ifstream state(w->folder / "state", std::ios::binary);
    w->state_at_3.assign(std::istreambuf_iterator<char>(state), {});
    auto service = server::WitnessService::Create({w->folder, 1e9, 1e9, {}});
    FuzzCheck(service.ok(), "cannot start the witness service");
    w->service = std::move(*service);
    std::atexit([] { std::filesystem::remove_all(TheWitness().folder.parent_path()); });
    return w;
  }();
  return *witness;
}

std::string Request(int64_t old_size, const std::vector<ledger::Hash>& proof,
                    const std::string& note) {
  return ledger::FormatAddCheckpointRequest({old_size, proof, note});
}

}  // namespace

std::vector<std::string> FuzzSeeds() {
  Witness& w = TheWitness();
  const std::vector<ledger::Hash> proof = *ledger::ProveConsistency(kCosignedSize, 9, w.log->tree);
  return {
      Request(kCosignedSize, proof, w.log->Note(9, w.log_key)),            // 200
      Request(kCosignedSize, {}, w.log->Note(kCosignedSize, w.log_key)),   // 200 again
      Request(0, {}, w.log->Note(9, w.log_key)),                           // 409
      Request(kCosignedSize, proof, w.fork->Note(9, w.log_key)),           // a fork: 422
      Request(kCosignedSize, {}, w.fork->Note(kCosignedSize, w.log_key)),  // a fork: 409
      Request(kCosignedSize, *ledger::ProveConsistency(kCosignedSize, 16, w.log->tree),
              w.log->Note(16, w.log_key)),
      "9\n",
      "\xE2\x80\x94 w.example AAAA\n",
  };
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Witness& w = TheWitness();
  std::string_view input(reinterpret_cast<const char*>(data), size);
  {
    std::ofstream state(w.folder / "state", std::ios::binary | std::ios::trunc);
    state << w.state_at_3;
  }
  server::HttpRequest request{http::verb::post, "/add-checkpoint", 11};
  request.body() = std::string(input);
  request.prepare_payload();
  server::HttpResponse response = w.service->Handle(request);
  static const std::set<unsigned> kSpecified = {200, 400, 403, 404, 409, 422};
  const unsigned status = response.result_int();
  FuzzCheck(kSpecified.count(status) == 1, "an answer the specification does not give");
  FuzzCheck(IsValidUtf8(response.body()), "the witness's answer is not UTF-8");
  if (status == 200) {
    auto parsed = ledger::ParseAddCheckpointRequest(input);
    FuzzCheck(parsed.ok(), "a 200 for a body that does not parse");
    auto note = ledger::ParseNote(parsed->checkpoint_note);
    FuzzCheck(note.ok(), "a 200 for a note that does not parse");
    auto checkpoint = ledger::ParseCheckpoint(note->text);
    FuzzCheck(checkpoint.ok() && checkpoint->size <= 16 && checkpoint->size >= kCosignedSize &&
                  checkpoint->root == w.log->Root(checkpoint->size),
              "the witness cosigned a checkpoint that is not of the log's own tree");
    auto lines = ledger::SplitCosignatureLines(response.body());
    FuzzCheck(lines.ok() && !lines->empty() &&
                  ledger::VerifyCosignatureLine(note->text, lines->front(), w.witness_key).ok(),
              "a 200 without a valid cosignature by the witness");
  }
  if (status == 409) {
    FuzzCheck(ledger::ParseTreeSizeBody(response.body()).ok(), "a 409 without a size");
  }
  // The same bytes as an answer to the log's side.
  if (auto size_answer = ledger::ParseTreeSizeBody(input); !size_answer.ok()) {
    FuzzCheck(IsValidUtf8(size_answer.status().message()), "a size answer's message is not UTF-8");
  }
  if (auto lines = ledger::SplitCosignatureLines(input); !lines.ok()) {
    FuzzCheck(IsValidUtf8(lines.status().message()), "a cosignature answer's message is not UTF-8");
  }
  return 0;
}
