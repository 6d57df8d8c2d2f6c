#include "negotiation/exchange_test_store.h"

#include "negotiation/exchange.h"
#include "registry/importer.h"

namespace canje::negotiation::testing {

void ExchangeTestStore::SetUpExchange(const std::string& exchange_began) {
  ASSERT_TRUE(store_.ok()) << store_.error();
  store_.AddParty("SLV", "El Salvador", "state");
  store_.AddParty("VEN", "Venezuela", "state");
  store_.AddParty("PUENTE", "Puente (synthetic mediator)", "organisation");
  store_.AddUser("med", "PUENTE", "mediator");
  store_.AddUser("slv", "SLV", "negotiator");
  store_.AddUser("ven", "VEN", "negotiator");
  const std::string roster =
      "id,nombres,apellidos,fecha_nacimiento,nacionalidad,custodio,estado\n"
      "S1,Amaro,Quintal,1980-01-01,VEN,SLV,detenido\n"
      "S2,Berta,Olmedo,1985-02-02,VEN,SLV,detenido\n"
      "S3,Ciro,Paniagua,1990-03-03,VEN,SLV,detenido\n"
      "S4,Delia,Rebollar,1995-04-04,VEN,SLV,detenido\n";
  int64_t list_id = 0;
  ImportSlvRoster("slv-roster.csv", roster, "synthetic roster", list_id, roster_);
  if (HasFatalFailure()) return;
  ASSERT_EQ(list_id, 1);
  ASSERT_EQ(roster_.size(), 4u);
  Result<int64_t> exchange = CreateExchange(As("med"), {"cecot-test", "PUENTE", exchange_began});
  ASSERT_TRUE(exchange.ok()) << exchange.status().ToString();
  exchange_ = *exchange;
  ASSERT_TRUE(AddExchangeParty(As("med"), exchange_, "SLV", "SLV").ok());
  ASSERT_TRUE(AddExchangeParty(As("med"), exchange_, "VEN", "VEN").ok());
}

void ExchangeTestStore::ImportSlvRoster(const std::string& file, const std::string& roster,
                                        const std::string& source, int64_t& list_id,
                                        std::vector<int64_t>& persons) {
  registry::ImportOptions import;
  import.file = file;
  import.content = &roster;
  import.kind = "custody_roster";
  import.source = source;
  import.party = "SLV";
  Result<registry::ImportReport> imported = registry::ImportList(store_.admin(), import);
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  list_id = imported->list_id;
  Result<std::vector<int64_t>> listed = PersonsOfList(store_.admin(), list_id);
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  persons = *listed;
}

instance::Instance& ExchangeTestStore::As(const std::string& user) {
  if (user == "admin") return store_.admin();
  auto& opened = opened_[user];
  if (!opened) {
    Result<std::unique_ptr<instance::Instance>> instance = store_.Open(user);
    EXPECT_TRUE(instance.ok()) << instance.status().ToString();
    if (!instance.ok()) return store_.admin();
    opened = std::move(*instance);
  }
  return *opened;
}

store::EventRow ExchangeTestStore::LastEvent(nlohmann::json* payload) {
  store::EventRow last;
  *payload = nlohmann::json::parse(store_.LastEventPayload(&last), nullptr, false);
  return last;
}

}  // namespace canje::negotiation::testing
