#include "store/exchange_tables.h"

#include "store/row_mapping.h"

namespace canje::store {
namespace {

const RowTable<ExchangeRow> kExchangeTable{
    "exchanges",
    {
        Column("id", &ExchangeRow::id),
        Column("name", &ExchangeRow::name),
        Column("mediator", &ExchangeRow::mediator),
        Column("max_size", &ExchangeRow::max_size),
        Column("max_parties", &ExchangeRow::max_parties),
        Column("objective", &ExchangeRow::objective),
        WrittenAtBy("created", &ExchangeRow::created_at, &ExchangeRow::created_by),
        Column("occurred_at", &ExchangeRow::occurred_at),
    }};

const RowTable<ExchangeBlocRow> kExchangeBlocTable{
    "exchange_blocs",
    {
        Column("exchange_id", &ExchangeBlocRow::exchange_id),
        Column("name", &ExchangeBlocRow::name),
        Column("rule_kind", &ExchangeBlocRow::rule_kind),
        Decimal("ratio", &ExchangeBlocRow::ratio),
    }};

const RowTable<ExchangePartyRow> kExchangePartyTable{
    "exchange_parties",
    {
        Column("exchange_id", &ExchangePartyRow::exchange_id),
        Column("party", &ExchangePartyRow::party),
        Column("bloc", &ExchangePartyRow::bloc),
        Column("added_at", &ExchangePartyRow::added_at).InsertNow(),
    }};

const RowTable<ClaimRow> kExchangeClaimTable{
    "exchange_claims",
    {
        Column("id", &ClaimRow::id),
        Column("exchange_id", &ClaimRow::exchange_id),
        Column("person_id", &ClaimRow::person_id),
        Column("claimant", &ClaimRow::claimant),
        Column("destination", &ClaimRow::destination),
        Decimal("value", &ClaimRow::value),
        Column("priority", &ClaimRow::priority),
        Column("unconditional", &ClaimRow::unconditional),
        WrittenAtBy("claimed", &ClaimRow::claimed_at, &ClaimRow::claimed_by),
    }};

const RowTable<CostRow> kExchangeReleaseCostTable{
    "exchange_costs",
    {
        Column("exchange_id", &CostRow::exchange_id),
        Column("person_id", &CostRow::person_id),
        Column("holder", &CostRow::holder),
        Decimal("cost", &CostRow::cost),
        WrittenAtBy("set", &CostRow::set_at, &CostRow::set_by),
    }};

}  // namespace

Result<int64_t> AddExchange(WriteTransaction& transaction, const ExchangeRow& exchange) {
  return InsertWithNextId(transaction, kExchangeTable, exchange);
}

Status SetExchangeCaps(WriteTransaction& transaction, const ExchangeRow& exchange) {
  return Execute(transaction.store().connection(),
                 "UPDATE exchanges SET max_size = ?, max_parties = ?, objective = ? WHERE id = ?",
                 Params(exchange.max_size, exchange.max_parties, exchange.objective, exchange.id));
}

Result<std::vector<ExchangeRow>> Exchanges(Store& store) {
  return SelectRows(store.connection(), kExchangeTable, "ORDER BY id", NoBind());
}

Result<std::optional<ExchangeRow>> FindExchange(Store& store, int64_t id) {
  return SelectRow(store.connection(), kExchangeTable, "WHERE id = ?",
                   Params(id));
}

Result<int64_t> ExchangeRevision(Store& store, int64_t id) {
  CANJE_ASSIGN_OR_RETURN(
      auto last, QueryOne<int64_t>(
                     store.connection(),
                     "SELECT MAX(e.seq) FROM event_subjects s JOIN events e ON e.seq = s.seq "
                     "WHERE s.subject = ? AND e.type LIKE 'exchange.%'",
                     Params("X" + std::to_string(id)),
                     [](const SqlStatement& s) { return s.IsNull(0) ? int64_t{0} : s.Int(0); }));
  return last.value_or(0);
}

Status PutExchangeBloc(WriteTransaction& transaction, const ExchangeBlocRow& bloc) {
  return InsertRow(transaction, kExchangeBlocTable, bloc,
                   kExchangeBlocTable.Upsert({"exchange_id", "name"}));
}

Result<std::vector<ExchangeBlocRow>> ExchangeBlocs(Store& store, int64_t exchange_id) {
  return SelectRows(store.connection(), kExchangeBlocTable, "WHERE exchange_id = ? ORDER BY name",
                    Params(exchange_id));
}

Status PutExchangeParty(WriteTransaction& transaction, const ExchangePartyRow& party) {
  // A party moved to another bloc keeps the time it was added.
  return InsertRow(transaction, kExchangePartyTable, party,
                   kExchangePartyTable.Upsert({"exchange_id", "party"}, {"bloc"}));
}

Result<std::vector<ExchangePartyRow>> ExchangeParties(Store& store, int64_t exchange_id) {
  return SelectRows(store.connection(), kExchangePartyTable, "WHERE exchange_id = ? ORDER BY party",
                    Params(exchange_id));
}

Result<int64_t> AddClaim(WriteTransaction& transaction, const ClaimRow& claim) {
  return InsertWithNextId(transaction, kExchangeClaimTable, claim);
}

Status UpdateClaim(WriteTransaction& transaction, const ClaimRow& claim) {
  return Execute(transaction.store().connection(),
                 "UPDATE exchange_claims SET value = ?, priority = ?, unconditional = ?, "
                 "claimed_at = ?, claimed_by = ? WHERE id = ?",
                 Params(ExactNumberText(claim.value), claim.priority, claim.unconditional ? 1 : 0,
                        transaction.now(), transaction.actor().user, claim.id));
}

Result<std::optional<ClaimRow>> FindClaim(Store& store, int64_t exchange_id, int64_t person_id,
                                          std::string_view claimant, std::string_view destination) {
  return SelectRow(store.connection(), kExchangeClaimTable,
                   "WHERE exchange_id = ? AND person_id = ? AND claimant = ? AND destination = ?",
                   Params(exchange_id, person_id, claimant, destination));
}

Result<std::vector<ClaimRow>> ClaimsOf(Store& store, int64_t exchange_id) {
  return SelectRows(store.connection(), kExchangeClaimTable, "WHERE exchange_id = ? ORDER BY id",
                    Params(exchange_id));
}

Status PutCost(WriteTransaction& transaction, const CostRow& cost) {
  return InsertRow(transaction, kExchangeReleaseCostTable, cost,
                   kExchangeReleaseCostTable.Upsert({"exchange_id", "person_id", "holder"}));
}

Result<std::vector<CostRow>> CostsOf(Store& store, int64_t exchange_id) {
  return SelectRows(store.connection(), kExchangeReleaseCostTable,
                    "WHERE exchange_id = ? ORDER BY person_id, holder",
                    Params(exchange_id));
}

Result<std::vector<ClaimedCustodyRow>> CustodyOfClaimedPersons(Store& store, int64_t exchange_id) {
  return QueryAll<ClaimedCustodyRow>(
      store.connection(),
      "SELECT c.person_id, c.holder, c.status, c.list_id, l.kind, l.party FROM custody c "
      "LEFT JOIN lists l ON l.id = c.list_id WHERE c.person_id IN "
      "(SELECT person_id FROM exchange_claims WHERE exchange_id = ?) OR c.person_id IN "
      "(SELECT p.merged_into FROM persons p JOIN exchange_claims k ON k.person_id = p.id "
      "WHERE k.exchange_id = ?) ORDER BY c.person_id, c.id",
      Params(exchange_id, exchange_id),
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
      Params(exchange_id),
      [&](const SqlStatement& row) {
        merged[row.Int(0)] = row.Int(1);
        return Status::Ok();
      }));
  return merged;
}

}  // namespace canje::store
