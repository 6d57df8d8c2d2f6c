#include "reconciliation/roster_guard.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace canje::reconciliation {
namespace {

using linkage::LinkageEngine;
using linkage::ScoredPair;

// Union-find over the positions of a cluster's rows.
class Groups {
 public:
  explicit Groups(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  std::size_t Find(std::size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Join(std::size_t a, std::size_t b) { parent_[Find(a)] = Find(b); }

 private:
  std::vector<std::size_t> parent_;
};

struct ClusterLink {
  std::size_t a = 0;  // positions in the cluster's row list
  std::size_t b = 0;
  double strength = 0;  // the probability; above 1 for a decided pair (never cut)
  bool cut = false;
};

// The link whose addition, strongest first, connects `from` and `to`; links.size() if none or
// if only decided links connect them.
std::size_t WeakestLinkOfStrongestChain(const std::vector<ClusterLink>& links,
                                        std::size_t rows, std::size_t from, std::size_t to) {
  Groups groups(rows);
  for (std::size_t k = 0; k < links.size(); ++k) {  // links are sorted strongest first
    if (links[k].cut) continue;
    groups.Join(links[k].a, links[k].b);
    if (groups.Find(from) == groups.Find(to)) return links[k].strength > 1 ? links.size() : k;
  }
  return links.size();
}

bool Connected(const std::vector<ClusterLink>& links, std::size_t rows, std::size_t from,
               std::size_t to) {
  Groups groups(rows);
  for (const ClusterLink& link : links) {
    if (!link.cut) groups.Join(link.a, link.b);
  }
  return groups.Find(from) == groups.Find(to);
}

}  // namespace

RosterGuardResult SeparateRosterRecords(
    std::span<const GuardedRecord> records, std::span<const ScoredPair> links,
    const std::unordered_map<uint64_t, bool>& decided_same,
    const std::function<bool(uint32_t, uint32_t)>& same_document,
    std::vector<uint32_t>& cluster_of) {
  RosterGuardResult result;
  std::map<uint32_t, std::vector<uint32_t>> members;  // cluster -> rows, ascending
  for (uint32_t row = 0; row < cluster_of.size(); ++row) members[cluster_of[row]].push_back(row);
  auto decided = [&](uint32_t i, uint32_t j) {
    auto it = decided_same.find(LinkageEngine::PairKey(i, j));
    return it != decided_same.end() && it->second;
  };
  std::map<uint32_t, std::vector<const ScoredPair*>> links_of;  // cluster -> its links
  for (const ScoredPair& link : links) {
    if (cluster_of[link.left] == cluster_of[link.right]) {
      links_of[cluster_of[link.left]].push_back(&link);
    }
  }
  uint32_t next_cluster = 0;
  for (const auto& [cluster, rows] : members) next_cluster = std::max(next_cluster, cluster);

  for (const auto& [cluster, rows] : members) {
    // The roster pairs that need a document or a decision to stay together.
    std::vector<std::pair<std::size_t, std::size_t>> conflicts;
    for (std::size_t x = 0; x < rows.size(); ++x) {
      const GuardedRecord& a = records[rows[x]];
      if (!a.custody_roster) continue;
      for (std::size_t y = x + 1; y < rows.size(); ++y) {
        const GuardedRecord& b = records[rows[y]];
        if (!b.custody_roster || b.list_id != a.list_id) continue;
        if (decided(rows[x], rows[y]) || same_document(rows[x], rows[y])) continue;
        conflicts.emplace_back(x, y);
      }
    }
    if (conflicts.empty()) continue;

    std::map<uint32_t, std::size_t> position;
    for (std::size_t x = 0; x < rows.size(); ++x) position[rows[x]] = x;
    std::vector<ClusterLink> cluster_links;
    for (const ScoredPair* link : links_of[cluster]) {
      const bool is_decided = decided(link->left, link->right);
      cluster_links.push_back({position[link->left], position[link->right],
                               is_decided ? 2.0 : link->probability, false});
    }
    for (std::size_t x = 0; x < rows.size(); ++x) {  // decided pairs without a scored link
      for (std::size_t y = x + 1; y < rows.size(); ++y) {
        if (decided(rows[x], rows[y])) cluster_links.push_back({x, y, 2.0, false});
      }
    }
    std::stable_sort(cluster_links.begin(), cluster_links.end(),
                     [](const ClusterLink& p, const ClusterLink& q) {
                       return p.strength > q.strength;
                     });
    bool split = false;
    for (const auto& [x, y] : conflicts) {
      while (Connected(cluster_links, rows.size(), x, y)) {
        const std::size_t weakest = WeakestLinkOfStrongestChain(cluster_links, rows.size(), x, y);
        if (weakest == cluster_links.size()) break;  // joined by reviewers' decisions alone
        ClusterLink& link = cluster_links[weakest];
        link.cut = true;
        split = true;
        const uint32_t i = rows[link.a], j = rows[link.b];
        result.cut.push_back({std::min(i, j), std::max(i, j), link.strength});
      }
    }
    if (!split) continue;
    ++result.clusters_split;
    Groups groups(rows.size());
    for (const ClusterLink& link : cluster_links) {
      if (!link.cut) groups.Join(link.a, link.b);
    }
    std::map<std::size_t, uint32_t> new_cluster;  // group root -> cluster number
    for (std::size_t x = 0; x < rows.size(); ++x) {
      auto [it, inserted] = new_cluster.emplace(groups.Find(x), 0);
      if (inserted) it->second = new_cluster.size() == 1 ? cluster : ++next_cluster;
      cluster_of[rows[x]] = it->second;
    }
  }
  if (result.clusters_split == 0) return result;

  // Numbered again from 1 in the order of each cluster's first row.
  std::map<uint32_t, uint32_t> renumbered;
  for (uint32_t& cluster : cluster_of) {
    auto [it, inserted] = renumbered.emplace(cluster, 0);
    if (inserted) it->second = static_cast<uint32_t>(renumbered.size());
    cluster = it->second;
  }
  return result;
}

}  // namespace canje::reconciliation
