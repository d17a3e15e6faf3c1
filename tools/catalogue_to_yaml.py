#!/usr/bin/env python3
"""Generates indicators.yaml from the indicator catalogue (design/indicator-catalogue.md).

Run once when the catalogue changes:  python3 tools/catalogue_to_yaml.py CATALOGUE.md > indicators.yaml
"""
import re
import sys

DIM_WEIGHTS = {"D1": 15, "D2": 15, "D3": 12, "D4": 15, "D5": 18, "D6": 15, "D7": 10}

rows = []
for line in open(sys.argv[1], encoding="utf-8"):
    if not line.startswith("| ") or line.startswith("| id") or line.startswith("|---"):
        continue
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    rows.append([c.replace("**", "") for c in cells])


def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


out = []
w = out.append
w("# qinglian default indicator model (清廉指数默认指标体系)")
w("# 7 dimensions, 18 first-level and 46 second-level indicators; see README \"The model (YAML)\".")
w("# Generated from the indicator catalogue by tools/catalogue_to_yaml.py, then kept by hand.")
w("qinglian: 1")
w("name: {zh: 清廉指数, en: Clean-government index}")
w("language: zh")
w("")
w("defaults:")
w("  aggregation: arithmetic")
w("  normalisation: goalposts")
w("  frequency: M")
w("")
w("missing:")
w("  policy: exclude        # exclude | group-mean | last-value")
w("  max-months: 3          # last-value: months a value may be carried past its validity window")
w("  min-coverage: 0.7      # share of index weight that must rest on data, else 'insufficient data'")
w("")
w("bands:                   # best first; a unit gets the first band whose min its index reaches")
w("  - {id: green,  name: {zh: 绿, en: green},  min: 85, colour: \"#2e7d32\"}")
w("  - {id: yellow, name: {zh: 黄, en: yellow}, min: 75, colour: \"#f9a825\"}")
w("  - {id: orange, name: {zh: 橙, en: orange}, min: 60, colour: \"#ef6c00\"}")
w("  - {id: red,    name: {zh: 红, en: red},                colour: \"#c62828\"}")
w("")
w("overrides:               # caps: a rule can only make a colour worse")
w("  - id: judicial-referral")
w("    name: {zh: 当月有移送司法机关人员, en: Referral to judicial organs this month}")
w("    indicator: D5.1.3")
w("    above: 0")
w("    cap: orange")
w("  - id: problem-promotion")
w("    name: {zh: 当月有“带病提拔”问题, en: Promotion of a cadre with known problems this month}")
w("    indicator: D3.1.2")
w("    above: 0")
w("    cap: yellow")
w("")
w("index:")
w("  id: CGI")
w("  name: {zh: 清廉指数, en: Clean-government index}")
w("  children:")
for r in rows:
    rid, zh, en = r[0], re.sub(r'"([^"]*)"', "\u201c\\1\u201d", r[1]), r[2]
    depth = rid.count(".")
    ind = "    " + "    " * depth
    if depth == 0:
        w(f"{ind}- id: {rid}")
        w(f"{ind}  name: {{zh: {q(zh)}, en: {q(en)}}}")
        w(f"{ind}  weight: {DIM_WEIGHTS[rid]}")
        w(f"{ind}  children:")
    elif depth == 1:
        w(f"{ind}- id: {rid}")
        w(f"{ind}  name: {{zh: {q(zh)}, en: {q(en)}}}")
        w(f"{ind}  children:")
    else:
        direction, unit, freq, source, goal = r[3], r[4], r[5], r[6], r[7]
        worst, best = [g.strip() for g in goal.split("→")]
        w(f"{ind}- id: {rid}")
        w(f"{ind}  name: {{zh: {q(zh)}, en: {q(en)}}}")
        w(f"{ind}  direction: {'higher' if direction == '+' else 'lower'}")
        if unit == "count/100 staff":
            w(f"{ind}  unit: count")
            w(f"{ind}  denominator: {{of: staff, per: 100}}")
            rng = "[0, 10000]"
        elif unit == "count/1000 served":
            w(f"{ind}  unit: count")
            w(f"{ind}  denominator: {{of: served, per: 1000}}")
            rng = "[0, 100000]"
        elif unit == "count":
            w(f"{ind}  unit: count")
            rng = "[0, 1000]"
        else:
            w(f"{ind}  unit: {q(unit)}")
            rng = "[0, 100]"
        if freq != "M":
            w(f"{ind}  frequency: {freq}")
        w(f"{ind}  source: {source}")
        w(f"{ind}  goalposts: [{worst}, {best}]")
        w(f"{ind}  range: {rng}")
print("\n".join(out))
