#include "store/agreement_tables.h"

#include <functional>

#include "store/sql_query.h"

namespace canje::store {
namespace {

constexpr std::string_view kAgreementSchema = R"sql(
CREATE TABLE party_keys (
  party TEXT NOT NULL REFERENCES parties(code),
  key_id TEXT NOT NULL,
  public_key BLOB NOT NULL,
  added_at TEXT NOT NULL,
  added_by TEXT NOT NULL,
  event_seq INTEGER NOT NULL,
  PRIMARY KEY (party, key_id)
);
CREATE TABLE proposal_versions (
  id INTEGER PRIMARY KEY,
  exchange_id INTEGER NOT NULL,
  parent_id INTEGER REFERENCES proposal_versions(id),
  kind TEXT NOT NULL,
  refers_to INTEGER REFERENCES proposal_versions(id),
  source TEXT NOT NULL,
  state TEXT NOT NULL,
  revision INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_party TEXT NOT NULL,
  event_seq INTEGER NOT NULL
);
CREATE INDEX proposal_versions_by_exchange ON proposal_versions(exchange_id);
CREATE INDEX proposal_versions_by_parent ON proposal_versions(parent_id);
CREATE TABLE proposal_transfers (
  version_id INTEGER NOT NULL REFERENCES proposal_versions(id),
  person_id INTEGER NOT NULL REFERENCES persons(id),
  from_party TEXT NOT NULL,
  to_party TEXT NOT NULL,
  beneficiary TEXT NOT NULL,
  unconditional INTEGER NOT NULL,
  PRIMARY KEY (version_id, person_id)
);
CREATE TABLE proposal_counts (
  version_id INTEGER NOT NULL REFERENCES proposal_versions(id),
  from_party TEXT NOT NULL,
  to_party TEXT NOT NULL,
  persons INTEGER NOT NULL,
  PRIMARY KEY (version_id, from_party, to_party)
);
CREATE TABLE proposal_responses (
  version_id INTEGER NOT NULL REFERENCES proposal_versions(id),
  party TEXT NOT NULL REFERENCES parties(code),
  response TEXT NOT NULL,
  reason TEXT NOT NULL,
  responded_at TEXT NOT NULL,
  responded_by TEXT NOT NULL,
  event_seq INTEGER NOT NULL,
  PRIMARY KEY (version_id, party)
);
CREATE TABLE proposal_overrides (
  version_id INTEGER PRIMARY KEY REFERENCES proposal_versions(id),
  justification TEXT NOT NULL,
  blocs TEXT NOT NULL,
  overridden_at TEXT NOT NULL,
  overridden_by TEXT NOT NULL,
  event_seq INTEGER NOT NULL
);
CREATE TABLE agreement_signatures (
  version_id INTEGER NOT NULL REFERENCES proposal_versions(id),
  party TEXT NOT NULL REFERENCES parties(code),
  key_id TEXT NOT NULL,
  signature BLOB NOT NULL,
  manifest_sha256 BLOB NOT NULL,
  added_at TEXT NOT NULL,
  added_by TEXT NOT NULL,
  event_seq INTEGER NOT NULL,
  PRIMARY KEY (version_id, party)
);
CREATE TABLE exchange_workflow (
  exchange_id INTEGER PRIMARY KEY,
  state TEXT NOT NULL,
  agreed_version INTEGER REFERENCES proposal_versions(id),
  reason TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  event_seq INTEGER NOT NULL
);
)sql";

using Binder = std::function<void(SqlStatement&)>;

Status RunStatement(WriteTransaction& transaction, std::string_view sql, const Binder& bind) {
  return Execute(transaction.store().connection(), sql, bind);
}

int64_t IntOrZero(const SqlStatement& s, int column) {
  return s.IsNull(column) ? 0 : s.Int(column);
}

void BindIdOrNull(SqlStatement& s, int index, int64_t id) {
  if (id == 0) {
    s.BindNull(index);
  } else {
    s.BindInt(index, id);
  }
}

constexpr std::string_view kVersionColumns =
    "id, exchange_id, parent_id, kind, refers_to, source, state, revision, created_at, "
    "created_by, created_party, event_seq";

ProposalVersionRow ReadVersion(const SqlStatement& s) {
  return {s.Int(0),  IntOrZero(s, 1), IntOrZero(s, 2), s.Text(3), IntOrZero(s, 4), s.Text(5),
          s.Text(6), s.Int(7),        s.Text(8),       s.Text(9), s.Text(10),      s.Int(11)};
}

ResponseRow ReadResponse(const SqlStatement& s) {
  return {s.Int(0),  s.Text(1), s.Text(2), s.Text(3),
          s.Text(4), s.Text(5), s.Int(6),  ReadSealed(s, 7)};
}

}  // namespace

std::string_view AgreementTablesSchema() { return kAgreementSchema; }

Status AddPartyKey(WriteTransaction& transaction, const PartyKeyRow& key) {
  CANJE_ASSIGN_OR_RETURN(auto existing, PartyKeys(transaction.store(), key.party));
  for (const PartyKeyRow& row : existing) {
    if (row.key_id == key.key_id) {
      return Status::Conflict("party " + key.party + " already has key " + key.key_id + " (added " +
                              row.added_at + ")");
    }
  }
  return RunStatement(transaction,
                      "INSERT INTO party_keys(party, key_id, public_key, added_at, added_by, "
                      "event_seq) VALUES(?, ?, ?, ?, ?, ?)",
                      [&](SqlStatement& s) {
                        s.BindText(1, key.party);
                        s.BindText(2, key.key_id);
                        s.BindBlob(3, key.public_key);
                        s.BindText(4, transaction.now());
                        s.BindText(5, transaction.actor().user);
                        s.BindInt(6, key.event_seq);
                      });
}

Result<std::vector<PartyKeyRow>> PartyKeys(Store& store, std::string_view party) {
  return QueryAll<PartyKeyRow>(
      store.connection(),
      "SELECT party, key_id, public_key, added_at, added_by, event_seq FROM party_keys "
      "WHERE party = ? OR ? = '' ORDER BY party, added_at, key_id",
      [&](SqlStatement& s) {
        s.BindText(1, party);
        s.BindText(2, party);
      },
      [](const SqlStatement& s) {
        return PartyKeyRow{s.Text(0), s.Text(1), s.Blob(2), s.Text(3), s.Text(4), s.Int(5)};
      });
}

Result<int64_t> NextProposalVersionId(WriteTransaction& transaction) {
  return NextRowId(transaction.store().connection(), "proposal_versions");
}

Status AddProposalVersion(WriteTransaction& transaction, const ProposalVersionRow& version,
                          const std::vector<TransferRow>& transfers,
                          const std::vector<DirectionCountRow>& counts) {
  CANJE_RETURN_IF_ERROR(RunStatement(transaction,
                                     "INSERT INTO proposal_versions(" +
                                         std::string(kVersionColumns) +
                                         ") VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                     [&](SqlStatement& s) {
                                       s.BindInt(1, version.id);
                                       s.BindInt(2, version.exchange_id);
                                       BindIdOrNull(s, 3, version.parent_id);
                                       s.BindText(4, version.kind);
                                       BindIdOrNull(s, 5, version.refers_to);
                                       s.BindText(6, version.source);
                                       s.BindText(7, version.state);
                                       s.BindInt(8, version.revision);
                                       s.BindText(9, transaction.now());
                                       s.BindText(10, transaction.actor().user);
                                       s.BindText(11, transaction.actor().party);
                                       s.BindInt(12, version.event_seq);
                                     }));
  for (const TransferRow& transfer : transfers) {
    CANJE_RETURN_IF_ERROR(
        RunStatement(transaction,
                     "INSERT INTO proposal_transfers(version_id, person_id, from_party, to_party, "
                     "beneficiary, unconditional) VALUES(?, ?, ?, ?, ?, ?)",
                     [&](SqlStatement& s) {
                       s.BindInt(1, version.id);
                       s.BindInt(2, transfer.person_id);
                       s.BindText(3, transfer.from_party);
                       s.BindText(4, transfer.to_party);
                       s.BindText(5, transfer.beneficiary);
                       s.BindInt(6, transfer.unconditional ? 1 : 0);
                     }));
  }
  for (const DirectionCountRow& count : counts) {
    CANJE_RETURN_IF_ERROR(
        RunStatement(transaction,
                     "INSERT INTO proposal_counts(version_id, from_party, to_party, persons) "
                     "VALUES(?, ?, ?, ?)",
                     [&](SqlStatement& s) {
                       s.BindInt(1, version.id);
                       s.BindText(2, count.from_party);
                       s.BindText(3, count.to_party);
                       s.BindInt(4, count.persons);
                     }));
  }
  return Status::Ok();
}

Status UpdateProposalState(WriteTransaction& transaction, int64_t id, std::string_view state,
                           int64_t expected_revision, int64_t event_seq) {
  CANJE_ASSIGN_OR_RETURN(auto current, FindProposalVersion(transaction.store(), id));
  if (!current) return Status::NotFound("no proposal version V" + std::to_string(id));
  if (current->revision != expected_revision) {
    return Status::Conflict("V" + std::to_string(id) + " changed while this command ran (now " +
                            current->state + ", revision " + std::to_string(current->revision) +
                            "); read it again and retry");
  }
  return RunStatement(transaction,
                      "UPDATE proposal_versions SET state = ?, revision = revision + 1, "
                      "event_seq = ? WHERE id = ? AND revision = ?",
                      [&](SqlStatement& s) {
                        s.BindText(1, state);
                        s.BindInt(2, event_seq);
                        s.BindInt(3, id);
                        s.BindInt(4, expected_revision);
                      });
}

Result<std::optional<ProposalVersionRow>> FindProposalVersion(Store& store, int64_t id) {
  return QueryOne<ProposalVersionRow>(
      store.connection(),
      "SELECT " + std::string(kVersionColumns) + " FROM proposal_versions WHERE id = ?",
      [&](SqlStatement& s) { s.BindInt(1, id); }, ReadVersion);
}

Result<std::vector<ProposalVersionRow>> ProposalVersionsOf(Store& store, int64_t exchange_id) {
  return QueryAll<ProposalVersionRow>(
      store.connection(),
      "SELECT " + std::string(kVersionColumns) +
          " FROM proposal_versions WHERE exchange_id = ? ORDER BY id",
      [&](SqlStatement& s) { s.BindInt(1, exchange_id); }, ReadVersion);
}

Result<std::vector<ProposalVersionRow>> ChildVersions(Store& store, int64_t id) {
  return QueryAll<ProposalVersionRow>(
      store.connection(),
      "SELECT " + std::string(kVersionColumns) +
          " FROM proposal_versions WHERE parent_id = ? ORDER BY id",
      [&](SqlStatement& s) { s.BindInt(1, id); }, ReadVersion);
}

Result<std::vector<TransferRow>> TransfersOf(Store& store, int64_t version_id) {
  return QueryAll<TransferRow>(
      store.connection(),
      "SELECT person_id, from_party, to_party, beneficiary, unconditional "
      "FROM proposal_transfers WHERE version_id = ? ORDER BY person_id",
      [&](SqlStatement& s) { s.BindInt(1, version_id); },
      [](const SqlStatement& s) {
        return TransferRow{s.Int(0), s.Text(1), s.Text(2), s.Text(3), s.Int(4) != 0};
      });
}

Result<std::vector<DirectionCountRow>> CountsOf(Store& store, int64_t version_id) {
  return QueryAll<DirectionCountRow>(
      store.connection(),
      "SELECT from_party, to_party, persons FROM proposal_counts WHERE version_id = ? "
      "ORDER BY from_party, to_party",
      [&](SqlStatement& s) { s.BindInt(1, version_id); },
      [](const SqlStatement& s) {
        return DirectionCountRow{s.Text(0), s.Text(1), s.Int(2)};
      });
}

Status AddResponse(WriteTransaction& transaction, const ResponseRow& response) {
  CANJE_RETURN_IF_ERROR(
      RequireSealed(response.reason, response.reason_sealed, "a response's reason"));
  return RunStatement(transaction,
                      "INSERT INTO proposal_responses(version_id, party, response, reason, "
                      "responded_at, responded_by, event_seq, reason_sealed) "
                      "VALUES(?, ?, ?, ?, ?, ?, ?, ?)",
                      [&](SqlStatement& s) {
                        s.BindInt(1, response.version_id);
                        s.BindText(2, response.party);
                        s.BindText(3, response.response);
                        s.BindText(4, "");  // sealed (schema 10): reason_sealed
                        s.BindText(5, transaction.now());
                        s.BindText(6, transaction.actor().user);
                        s.BindInt(7, response.event_seq);
                        BindSealed(s, 8, response.reason_sealed);
                      });
}

Result<std::vector<ResponseRow>> ResponsesTo(Store& store, int64_t version_id) {
  return QueryAll<ResponseRow>(
      store.connection(),
      "SELECT version_id, party, response, reason, responded_at, responded_by, event_seq, "
      "reason_sealed FROM proposal_responses WHERE version_id = ? ORDER BY party",
      [&](SqlStatement& s) { s.BindInt(1, version_id); }, ReadResponse);
}

Status AddOverride(WriteTransaction& transaction, const OverrideRow& override_row) {
  CANJE_ASSIGN_OR_RETURN(auto existing, FindOverride(transaction.store(), override_row.version_id));
  if (existing) {
    return Status::Conflict("V" + std::to_string(override_row.version_id) +
                            " already has an override (by " + existing->overridden_by + " at " +
                            existing->overridden_at + ")");
  }
  CANJE_RETURN_IF_ERROR(RequireSealed(override_row.justification,
                                      override_row.justification_sealed,
                                      "an override's justification"));
  return RunStatement(transaction,
                      "INSERT INTO proposal_overrides(version_id, justification, blocs, "
                      "overridden_at, overridden_by, event_seq, justification_sealed) "
                      "VALUES(?, ?, ?, ?, ?, ?, ?)",
                      [&](SqlStatement& s) {
                        s.BindInt(1, override_row.version_id);
                        s.BindText(2, "");  // sealed (schema 10): justification_sealed
                        s.BindText(3, override_row.blocs);
                        s.BindText(4, transaction.now());
                        s.BindText(5, transaction.actor().user);
                        s.BindInt(6, override_row.event_seq);
                        BindSealed(s, 7, override_row.justification_sealed);
                      });
}

Result<std::optional<OverrideRow>> FindOverride(Store& store, int64_t version_id) {
  return QueryOne<OverrideRow>(
      store.connection(),
      "SELECT version_id, justification, blocs, overridden_at, overridden_by, event_seq, "
      "justification_sealed FROM proposal_overrides WHERE version_id = ?",
      [&](SqlStatement& s) { s.BindInt(1, version_id); },
      [](const SqlStatement& s) {
        return OverrideRow{s.Int(0),  s.Text(1), s.Text(2),       s.Text(3),
                           s.Text(4), s.Int(5),  ReadSealed(s, 6)};
      });
}

Status PutSignature(WriteTransaction& transaction, const SignatureRow& signature) {
  return RunStatement(
      transaction,
      "INSERT INTO agreement_signatures(version_id, party, key_id, signature, manifest_sha256, "
      "added_at, added_by, event_seq) VALUES(?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT(version_id, party) DO UPDATE SET key_id = excluded.key_id, "
      "signature = excluded.signature, manifest_sha256 = excluded.manifest_sha256, "
      "added_at = excluded.added_at, added_by = excluded.added_by, "
      "event_seq = excluded.event_seq",
      [&](SqlStatement& s) {
        s.BindInt(1, signature.version_id);
        s.BindText(2, signature.party);
        s.BindText(3, signature.key_id);
        s.BindBlob(4, signature.signature);
        s.BindBlob(5, signature.manifest_sha256);
        s.BindText(6, transaction.now());
        s.BindText(7, transaction.actor().user);
        s.BindInt(8, signature.event_seq);
      });
}

Result<std::vector<SignatureRow>> SignaturesOf(Store& store, int64_t version_id) {
  return QueryAll<SignatureRow>(
      store.connection(),
      "SELECT version_id, party, key_id, signature, manifest_sha256, added_at, added_by, "
      "event_seq FROM agreement_signatures WHERE version_id = ? ORDER BY party",
      [&](SqlStatement& s) { s.BindInt(1, version_id); },
      [](const SqlStatement& s) {
        return SignatureRow{s.Int(0),  s.Text(1), s.Text(2), s.Blob(3),
                            s.Blob(4), s.Text(5), s.Text(6), s.Int(7)};
      });
}

Result<std::optional<ExchangeStateRow>> FindExchangeState(Store& store, int64_t exchange_id) {
  return QueryOne<ExchangeStateRow>(
      store.connection(),
      "SELECT exchange_id, state, agreed_version, reason, changed_at, changed_by, event_seq, "
      "reason_sealed FROM exchange_workflow WHERE exchange_id = ?",
      [&](SqlStatement& s) { s.BindInt(1, exchange_id); },
      [](const SqlStatement& s) {
        return ExchangeStateRow{s.Int(0),  s.Text(1), IntOrZero(s, 2), s.Text(3),
                                s.Text(4), s.Text(5), s.Int(6),        ReadSealed(s, 7)};
      });
}

Status PutExchangeState(WriteTransaction& transaction, const ExchangeStateRow& row) {
  CANJE_RETURN_IF_ERROR(
      RequireSealed(row.reason, row.reason_sealed, "an exchange's reason for its state"));
  return RunStatement(
      transaction,
      "INSERT INTO exchange_workflow(exchange_id, state, agreed_version, reason, changed_at, "
      "changed_by, event_seq, reason_sealed) VALUES(?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT(exchange_id) DO UPDATE SET state = excluded.state, "
      "agreed_version = excluded.agreed_version, reason = excluded.reason, "
      "changed_at = excluded.changed_at, changed_by = excluded.changed_by, "
      "event_seq = excluded.event_seq, reason_sealed = excluded.reason_sealed",
      [&](SqlStatement& s) {
        s.BindInt(1, row.exchange_id);
        s.BindText(2, row.state);
        BindIdOrNull(s, 3, row.agreed_version);
        s.BindText(4, "");  // sealed (schema 10): reason_sealed
        s.BindText(5, transaction.now());
        s.BindText(6, transaction.actor().user);
        s.BindInt(7, row.event_seq);
        BindSealed(s, 8, row.reason_sealed);
      });
}

}  // namespace canje::store
