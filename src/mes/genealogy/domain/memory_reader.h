// An EdgeReader over a vector of edges: for tests and for checks that hold the edges they
// are about to add. Answers in the order the edges were added.
#pragma once

#include <algorithm>
#include <vector>

#include "mes/genealogy/domain/graph.h"

namespace ordo::genealogy {

class MemoryEdgeReader : public EdgeReader {
 public:
  MemoryEdgeReader() = default;
  explicit MemoryEdgeReader(std::vector<Edge> edges) : edges_(std::move(edges)) {}
  void Add(Edge edge) { edges_.push_back(std::move(edge)); }
  const std::vector<Edge>& edges() const { return edges_; }
  // How many calls the walks made (a level is one call).
  int calls() const { return calls_; }

  Result<std::vector<Edge>> EdgesInto(const std::vector<std::string>& children) override {
    return Select(children, true);
  }
  Result<std::vector<Edge>> EdgesOutOf(const std::vector<std::string>& parents) override {
    return Select(parents, false);
  }

 private:
  Result<std::vector<Edge>> Select(const std::vector<std::string>& nodes, bool by_child) {
    ++calls_;
    std::vector<Edge> out;
    for (const Edge& e : edges_)
      if (std::find(nodes.begin(), nodes.end(), by_child ? e.child : e.parent) != nodes.end())
        out.push_back(e);
    return out;
  }
  std::vector<Edge> edges_;
  int calls_ = 0;
};

}  // namespace ordo::genealogy
