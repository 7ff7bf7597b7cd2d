#!/bin/sh
# tests/graphml.sh — the GraphML of tamas_graphml() read back by the tools
# people open it with: Python's xml.etree (networkx reads the same format)
# and igraph from R (Debian r-cran-igraph).  The network of the example
# articles must come back with the nodes and edges SQL counts, and one edge
# with its attributes.  Prints "N passed, N failed" like a unit test; a tool
# that is not installed is skipped with a message.  Run from the root.
set -u
ext=${1:-$PWD/build/tamas}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
check() { # check LABEL WANT GOT
  if [ "$2" = "$3" ]; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL $1: got '$3', want '$2'"; fi
}
g=$tmp/news.graphml
sqlite3 :memory: ".load $ext" "CREATE TABLE ev AS SELECT * FROM tamas_events('sql/news/*.txt');" \
  "SELECT writefile('$g', tamas_graphml(date, actor1, actor2, status, medium, actor1_country,
          actor1_office, actor2_country, actor2_office)) > 0 FROM ev;" >/dev/null
# what SQL says: actors of the rows with both sides, and pairs in either order
want=$(sqlite3 :memory: ".load $ext" "CREATE TABLE ev AS SELECT * FROM tamas_events('sql/news/*.txt')
          WHERE actor1 IS NOT NULL AND actor2 IS NOT NULL;" \
  "SELECT (SELECT count(*) FROM (SELECT actor1 FROM ev UNION SELECT actor2 FROM ev)) || ' nodes, ' ||
          (SELECT count(DISTINCT min(actor1, actor2) || '|' || max(actor1, actor2)) FROM ev) || ' edges';")
pair=$(sqlite3 :memory: ".load $ext" \
  "SELECT count(*) || ' ' || sum(status = 'occurred') || ' ' || min(date) || ' ' || max(date)
   FROM tamas_events('sql/news/*.txt') WHERE actor1 || actor2 IN
     ('Sergey LavrovHakan Fidan', 'Hakan FidanSergey Lavrov');")

if [ -x /usr/bin/python3 ]; then
  got=$(/usr/bin/python3 - "$g" <<'PY'
import sys
import xml.etree.ElementTree as ET
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
root = ET.parse(sys.argv[1]).getroot()
keys = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", ns)}
graph = root.find("g:graph", ns)
nodes = {n.get("id"): {keys[d.get("key")]: d.text for d in n.findall("g:data", ns)}
         for n in graph.findall("g:node", ns)}
edges = graph.findall("g:edge", ns)
print(f"{len(nodes)} nodes, {len(edges)} edges")
for e in edges:
    ends = {nodes[e.get("source")]["label"], nodes[e.get("target")]["label"]}
    if ends == {"Sergey Lavrov", "Hakan Fidan"}:
        d = {keys[x.get("key")]: x.text for x in e.findall("g:data", ns)}
        print(d["weight"], d["occurred"], d["first"], d["last"])
PY
)
  check "xml.etree: nodes and edges" "$want" "$(echo "$got" | head -n 1)"
  check "xml.etree: the edge Lavrov–Fidan" "$pair" "$(echo "$got" | sed -n 2p)"
else
  echo "skip xml.etree: /usr/bin/python3 not found (Debian package python3; make deps installs it)"
fi

if command -v Rscript >/dev/null 2>&1 && Rscript -e 'library(igraph)' >/dev/null 2>&1; then
  got=$(Rscript -e 'suppressPackageStartupMessages(library(igraph))
    g <- read_graph(commandArgs(TRUE)[1], format = "graphml")
    cat(vcount(g), " nodes, ", ecount(g), " edges\n", sep = "")
    e <- E(g)[V(g)[label == "Sergey Lavrov"] %--% V(g)[label == "Hakan Fidan"]]
    cat(e$weight, e$occurred, e$first, e$last, "\n")
    cat(sort(unique(V(g)$country))[1:3], is_directed(g), "\n")' "$g" 2>&1)
  check "igraph: nodes and edges" "$want" "$(echo "$got" | head -n 1)"
  check "igraph: the edge Lavrov–Fidan" "$pair " "$(echo "$got" | sed -n 2p)"
  check "igraph: node attributes, undirected" "ARE AZE IRN FALSE " "$(echo "$got" | sed -n 3p)"
else
  echo "skip igraph: R's igraph not found (Debian package r-cran-igraph; make deps installs it)"
fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
