#include "store/exchange_tables.h"

#include <cstdio>
#include <cstdlib>

#include "store/sql_query.h"

namespace canje::store {
namespace {

constexpr std::string_view kExchangeSchema = R"sql(
CREATE TABLE exchanges (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  mediator TEXT NOT NULL REFERENCES parties(code),
  max_size INTEGER,
  max_parties INTEGER,
  objective TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE TABLE exchange_blocs (
  exchange_id INTEGER NOT NULL REFERENCES exchanges(id),
  name TEXT NOT NULL,
  rule_kind TEXT NOT NULL,
  ratio TEXT NOT NULL,
  PRIMARY KEY (exchange_id, name)
);
CREATE TABLE exchange_parties (
  exchange_id INTEGER NOT NULL REFERENCES exchanges(id),
  party TEXT NOT NULL REFERENCES parties(code),
  bloc TEXT NOT NULL,
  added_at TEXT NOT NULL,
  PRIMARY KEY (exchange_id, party)
);
CREATE TABLE exchange_claims (
  id INTEGER PRIMARY KEY,
  exchange_id INTEGER NOT NULL REFERENCES exchanges(id),
  person_id INTEGER NOT NULL REFERENCES persons(id),
  claimant TEXT NOT NULL REFERENCES parties(code),
  destination TEXT NOT NULL REFERENCES parties(code),
  value TEXT NOT NULL,
  priority INTEGER NOT NULL,
  unconditional INTEGER NOT NULL,
  claimed_at TEXT NOT NULL,
  claimed_by TEXT NOT NULL
);
CREATE UNIQUE INDEX exchange_claims_by_key
  ON exchange_claims(exchange_id, person_id, claimant, destination);
CREATE TABLE exchange_costs (
  exchange_id INTEGER NOT NULL REFERENCES exchanges(id),
  person_id INTEGER NOT NULL REFERENCES persons(id),
  holder TEXT NOT NULL REFERENCES parties(code),
  cost TEXT NOT NULL,
  set_at TEXT NOT NULL,
  set_by TEXT NOT NULL,
  PRIMARY KEY (exchange_id, person_id, holder)
);
)sql";

constexpr std::string_view kExchangeColumns =
    "id, name, mediator, max_size, max_parties, objective, created_at, created_by";
constexpr std::string_view kClaimColumns =
    "id, exchange_id, person_id, claimant, destination, value, priority, unconditional, "
    "claimed_at, claimed_by";

std::string DecimalText(double value) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  return buffer;
}

double DecimalValue(const std::string& text) { return std::strtod(text.c_str(), nullptr); }

void BindOptional(SqlStatement& statement, int index, const std::optional<int64_t>& value) {
  if (value) {
    statement.BindInt(index, *value);
  } else {
    statement.BindNull(index);
  }
}

std::optional<int64_t> OptionalInt(const SqlStatement& row, int column) {
  if (row.IsNull(column)) return std::nullopt;
  return row.Int(column);
}

ExchangeRow ReadExchange(const SqlStatement& row) {
  return {row.Int(0),          row.Text(1), row.Text(2), OptionalInt(row, 3),
          OptionalInt(row, 4), row.Text(5), row.Text(6), row.Text(7)};
}

ClaimRow ReadClaim(const SqlStatement& row) {
  return {
      row.Int(0), row.Int(1),      row.Int(2),  row.Text(3), row.Text(4), DecimalValue(row.Text(5)),
      row.Int(6), row.Int(7) != 0, row.Text(8), row.Text(9)};
}

}  // namespace

std::string_view ExchangeSchema() { return kExchangeSchema; }

Result<int64_t> AddExchange(WriteTransaction& transaction, const ExchangeRow& exchange) {
  SqlConnection& db = transaction.store().connection();
  CANJE_ASSIGN_OR_RETURN(int64_t id, NextRowId(db, "exchanges"));
  CANJE_ASSIGN_OR_RETURN(auto insert,
                         db.Prepare("INSERT INTO exchanges(" + std::string(kExchangeColumns) +
                                    ") VALUES(?, ?, ?, ?, ?, ?, ?, ?)"));
  insert->BindInt(1, id);
  insert->BindText(2, exchange.name);
  insert->BindText(3, exchange.mediator);
  BindOptional(*insert, 4, exchange.max_size);
  BindOptional(*insert, 5, exchange.max_parties);
  insert->BindText(6, exchange.objective);
  insert->BindText(7, transaction.now());
  insert->BindText(8, transaction.actor().user);
  CANJE_RETURN_IF_ERROR(insert->Run());
  return id;
}

Status SetExchangeCaps(WriteTransaction& transaction, const ExchangeRow& exchange) {
  CANJE_ASSIGN_OR_RETURN(auto update,
                         transaction.store().connection().Prepare(
                             "UPDATE exchanges SET max_size = ?, max_parties = ?, objective = ? "
                             "WHERE id = ?"));
  BindOptional(*update, 1, exchange.max_size);
  BindOptional(*update, 2, exchange.max_parties);
  update->BindText(3, exchange.objective);
  update->BindInt(4, exchange.id);
  return update->Run();
}

Result<std::vector<ExchangeRow>> Exchanges(Store& store) {
  return QueryAll<ExchangeRow>(
      store.connection(), "SELECT " + std::string(kExchangeColumns) + " FROM exchanges ORDER BY id",
      NoBind(), ReadExchange);
}

Result<std::optional<ExchangeRow>> FindExchange(Store& store, int64_t id) {
  return QueryOne<ExchangeRow>(
      store.connection(),
      "SELECT " + std::string(kExchangeColumns) + " FROM exchanges WHERE id = ?",
      [&](SqlStatement& s) { s.BindInt(1, id); }, ReadExchange);
}

Status PutExchangeBloc(WriteTransaction& transaction, const ExchangeBlocRow& bloc) {
  CANJE_ASSIGN_OR_RETURN(auto upsert,
                         transaction.store().connection().Prepare(
                             "INSERT INTO exchange_blocs(exchange_id, name, rule_kind, ratio) "
                             "VALUES(?, ?, ?, ?) ON CONFLICT(exchange_id, name) DO UPDATE SET "
                             "rule_kind = excluded.rule_kind, ratio = excluded.ratio"));
  upsert->BindInt(1, bloc.exchange_id);
  upsert->BindText(2, bloc.name);
  upsert->BindText(3, bloc.rule_kind);
  upsert->BindText(4, DecimalText(bloc.ratio));
  return upsert->Run();
}

Result<std::vector<ExchangeBlocRow>> ExchangeBlocs(Store& store, int64_t exchange_id) {
  return QueryAll<ExchangeBlocRow>(
      store.connection(),
      "SELECT exchange_id, name, rule_kind, ratio FROM exchange_blocs WHERE exchange_id = ? "
      "ORDER BY name",
      [&](SqlStatement& s) { s.BindInt(1, exchange_id); },
      [](const SqlStatement& row) {
        return ExchangeBlocRow{row.Int(0), row.Text(1), row.Text(2), DecimalValue(row.Text(3))};
      });
}

Status PutExchangeParty(WriteTransaction& transaction, const ExchangePartyRow& party) {
  CANJE_ASSIGN_OR_RETURN(auto upsert,
                         transaction.store().connection().Prepare(
                             "INSERT INTO exchange_parties(exchange_id, party, bloc, added_at) "
                             "VALUES(?, ?, ?, ?) ON CONFLICT(exchange_id, party) DO UPDATE SET "
                             "bloc = excluded.bloc"));
  upsert->BindInt(1, party.exchange_id);
  upsert->BindText(2, party.party);
  upsert->BindText(3, party.bloc);
  upsert->BindText(4, transaction.now());
  return upsert->Run();
}

Result<std::vector<ExchangePartyRow>> ExchangeParties(Store& store, int64_t exchange_id) {
  return QueryAll<ExchangePartyRow>(
      store.connection(),
      "SELECT exchange_id, party, bloc, added_at FROM exchange_parties WHERE exchange_id = ? "
      "ORDER BY party",
      [&](SqlStatement& s) { s.BindInt(1, exchange_id); },
      [](const SqlStatement& row) {
        return ExchangePartyRow{row.Int(0), row.Text(1), row.Text(2), row.Text(3)};
      });
}

Result<int64_t> AddClaim(WriteTransaction& transaction, const ClaimRow& claim) {
  SqlConnection& db = transaction.store().connection();
  CANJE_ASSIGN_OR_RETURN(int64_t id, NextRowId(db, "exchange_claims"));
  CANJE_ASSIGN_OR_RETURN(auto insert,
                         db.Prepare("INSERT INTO exchange_claims(" + std::string(kClaimColumns) +
                                    ") VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  insert->BindInt(1, id);
  insert->BindInt(2, claim.exchange_id);
  insert->BindInt(3, claim.person_id);
  insert->BindText(4, claim.claimant);
  insert->BindText(5, claim.destination);
  insert->BindText(6, DecimalText(claim.value));
  insert->BindInt(7, claim.priority);
  insert->BindInt(8, claim.unconditional ? 1 : 0);
  insert->BindText(9, transaction.now());
  insert->BindText(10, transaction.actor().user);
  CANJE_RETURN_IF_ERROR(insert->Run());
  return id;
}

Status UpdateClaim(WriteTransaction& transaction, const ClaimRow& claim) {
  CANJE_ASSIGN_OR_RETURN(auto update, transaction.store().connection().Prepare(
                                          "UPDATE exchange_claims SET value = ?, priority = ?, "
                                          "unconditional = ?, claimed_at = ?, claimed_by = ? "
                                          "WHERE id = ?"));
  update->BindText(1, DecimalText(claim.value));
  update->BindInt(2, claim.priority);
  update->BindInt(3, claim.unconditional ? 1 : 0);
  update->BindText(4, transaction.now());
  update->BindText(5, transaction.actor().user);
  update->BindInt(6, claim.id);
  return update->Run();
}

Result<std::optional<ClaimRow>> FindClaim(Store& store, int64_t exchange_id, int64_t person_id,
                                          std::string_view claimant, std::string_view destination) {
  return QueryOne<ClaimRow>(
      store.connection(),
      "SELECT " + std::string(kClaimColumns) +
          " FROM exchange_claims WHERE exchange_id = ? AND person_id = ? AND claimant = ? AND "
          "destination = ?",
      [&](SqlStatement& s) {
        s.BindInt(1, exchange_id);
        s.BindInt(2, person_id);
        s.BindText(3, claimant);
        s.BindText(4, destination);
      },
      ReadClaim);
}

Result<std::vector<ClaimRow>> ClaimsOf(Store& store, int64_t exchange_id) {
  return QueryAll<ClaimRow>(
      store.connection(),
      "SELECT " + std::string(kClaimColumns) +
          " FROM exchange_claims WHERE exchange_id = ? ORDER BY id",
      [&](SqlStatement& s) { s.BindInt(1, exchange_id); }, ReadClaim);
}

Status PutCost(WriteTransaction& transaction, const CostRow& cost) {
  CANJE_ASSIGN_OR_RETURN(
      auto upsert,
      transaction.store().connection().Prepare(
          "INSERT INTO exchange_costs(exchange_id, person_id, holder, cost, set_at, set_by) "
          "VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT(exchange_id, person_id, holder) DO UPDATE SET "
          "cost = excluded.cost, set_at = excluded.set_at, set_by = excluded.set_by"));
  upsert->BindInt(1, cost.exchange_id);
  upsert->BindInt(2, cost.person_id);
  upsert->BindText(3, cost.holder);
  upsert->BindText(4, DecimalText(cost.cost));
  upsert->BindText(5, transaction.now());
  upsert->BindText(6, transaction.actor().user);
  return upsert->Run();
}

Result<std::vector<CostRow>> CostsOf(Store& store, int64_t exchange_id) {
  return QueryAll<CostRow>(
      store.connection(),
      "SELECT exchange_id, person_id, holder, cost, set_at, set_by FROM exchange_costs "
      "WHERE exchange_id = ? ORDER BY person_id, holder",
      [&](SqlStatement& s) { s.BindInt(1, exchange_id); },
      [](const SqlStatement& row) {
        return CostRow{row.Int(0),  row.Int(1), row.Text(2), DecimalValue(row.Text(3)),
                       row.Text(4), row.Text(5)};
      });
}

Result<std::vector<ClaimedCustodyRow>> CustodyOfClaimedPersons(Store& store, int64_t exchange_id) {
  return QueryAll<ClaimedCustodyRow>(
      store.connection(),
      "SELECT c.person_id, c.holder, c.status, c.list_id, l.kind, l.party FROM custody c "
      "LEFT JOIN lists l ON l.id = c.list_id WHERE c.person_id IN "
      "(SELECT person_id FROM exchange_claims WHERE exchange_id = ?) OR c.person_id IN "
      "(SELECT p.merged_into FROM persons p JOIN exchange_claims k ON k.person_id = p.id "
      "WHERE k.exchange_id = ?) ORDER BY c.person_id, c.id",
      [&](SqlStatement& s) {
        s.BindInt(1, exchange_id);
        s.BindInt(2, exchange_id);
      },
      [](const SqlStatement& row) {
        return ClaimedCustodyRow{row.Int(0),
                                 row.Text(1),
                                 row.Text(2),
                                 row.IsNull(3) ? 0 : row.Int(3),
                                 row.IsNull(4) ? "" : row.Text(4),
                                 row.IsNull(5) ? "" : row.Text(5)};
      });
}

Result<std::map<int64_t, int64_t>> MergedClaimedPersons(Store& store, int64_t exchange_id) {
  std::map<int64_t, int64_t> merged;
  CANJE_RETURN_IF_ERROR(Query(
      store.connection(),
      "SELECT id, merged_into FROM persons WHERE merged_into IS NOT NULL AND id IN "
      "(SELECT person_id FROM exchange_claims WHERE exchange_id = ?)",
      [&](SqlStatement& s) { s.BindInt(1, exchange_id); },
      [&](const SqlStatement& row) {
        merged[row.Int(0)] = row.Int(1);
        return Status::Ok();
      }));
  return merged;
}

}  // namespace canje::store
