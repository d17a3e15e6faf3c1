#!/usr/bin/env python3
"""Independent re-computation of one unit's index from the raw demo files (no Java involved).

Usage: python3 tools/crosscheck.py examples/demo-county UNIT YYYY-MM
Reads indicators.yaml with a tiny parser of the generated layout, the CSV files (UTF-8, BOM,
GB18030) and the XLSX files (zip + XML), carries values within their validity window, applies
goalposts, denominators, exclusion of missing leaves and arithmetic weighted means.
"""
import csv, io, re, sys, zipfile, xml.etree.ElementTree as ET
from pathlib import Path

ws, unit, period = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
root = Path(__file__).resolve().parent.parent
# --- model: parse the generated indicators.yaml (ids, weights, goalposts, frequency, denominators)
nodes = {}
stack = []
cur = None
for line in (root / "indicators.yaml").read_text(encoding="utf-8").splitlines():
    m = re.match(r"^(\s*)- id: (\S+)$", line)
    if m and m.group(2).startswith("D"):
        depth = m.group(2).count(".")
        cur = {"id": m.group(2), "w": 1.0, "children": [], "freq": 1, "den": None}
        nodes[cur["id"]] = cur
        if depth > 0:
            nodes[m.group(2).rsplit(".", 1)[0]]["children"].append(cur)
        continue
    if cur is None:
        continue
    s = line.strip()
    if s.startswith("weight:"): cur["w"] = float(s.split(":")[1])
    if s.startswith("goalposts:"): cur["gp"] = [float(x) for x in re.findall(r"-?[\d.]+", s)]
    if s.startswith("frequency:"): cur["freq"] = {"Q": 3, "H": 6, "Y": 12}[s.split(":")[1].strip()]
    if s.startswith("denominator:"):
        of = re.search(r"of: (\w+)", s).group(1); per = float(re.search(r"per: ([\d.]+)", s).group(1))
        cur["den"] = (of, per)
dims = [nodes[f"D{i}"] for i in range(1, 8)]
# --- data
def ym(p):
    m = re.match(r"(\d{4})\D(\d{1,2})", p); return int(m.group(1)) * 12 + int(m.group(2)) - 1
vals = {}
def put(u, p, ind, v):
    v = v.strip().rstrip("%").replace(",", "")
    if u == unit and v != "": vals[(ind, ym(p))] = float(v)
def rows_csv(path):
    raw = path.read_bytes()
    try: text = raw.decode("utf-8-sig")
    except UnicodeDecodeError: text = raw.decode("gb18030")
    return list(csv.reader(io.StringIO(text)))
def rows_xlsx(path):
    z = zipfile.ZipFile(path); ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    sst = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns):
            sst.append("".join(t.text or "" for t in si.iter("{%s}t" % ns["m"])))
    out = []
    for name in sorted(n for n in z.namelist() if n.startswith("xl/worksheets/sheet")):
        rows = []
        for r in ET.fromstring(z.read(name)).iter("{%s}row" % ns["m"]):
            cells = {}
            for c in r.findall("m:c", ns):
                col = re.match(r"[A-Z]+", c.get("r")).group(0); idx = 0
                for ch in col: idx = idx * 26 + ord(ch) - 64
                v = c.find("m:v", ns); t = c.get("t")
                if t == "inlineStr": val = "".join(x.text or "" for x in c.iter("{%s}t" % ns["m"]))
                elif v is None: val = ""
                elif t == "s": val = sst[int(v.text)]
                else: val = v.text
                cells[idx - 1] = val
            rows.append([cells.get(i, "") for i in range(max(cells) + 1)] if cells else [])
        out.append(rows)
    return out
tables = []
for f in sorted((ws / "data").iterdir()):
    if f.suffix == ".csv": tables.append(rows_csv(f))
    elif f.suffix == ".xlsx": tables.extend(rows_xlsx(f))
for t in tables:
    if not t: continue
    h = [x.strip() for x in t[0]]
    if h[:1] not in (["unit"], ["单位"]): continue
    if len(h) >= 4 and h[2] in ("indicator", "指标"):
        for r in t[1:]: put(r[0], r[1], r[2], r[3])
    else:
        for r in t[1:]:
            for i in range(2, len(h)):
                if i < len(r): put(r[0], r[1], h[i], r[i])
units = {r[0]: r for r in rows_csv(ws / "units.csv")[1:]}
staff, served = float(units[unit][4]), float(units[unit][5])
P = ym(period)
def score(n):
    if not n["children"]:
        for k in range(n["freq"]):
            if (n["id"], P - k) in vals:
                x = vals[(n["id"], P - k)]
                if n["den"]: x = x / (staff if n["den"][0] == "staff" else served) * n["den"][1]
                w, b = n["gp"]; return min(100.0, max(0.0, 100 * (x - w) / (b - w)))
        return None
    parts = [(c["w"], score(c)) for c in n["children"]]
    parts = [(w, s) for w, s in parts if s is not None]
    return sum(w * s for w, s in parts) / sum(w for w, _ in parts) if parts else None
dimw = {"D1": 15, "D2": 15, "D3": 12, "D4": 15, "D5": 18, "D6": 15, "D7": 10}
ds = [(dimw[d["id"]], score(d)) for d in dims]
print(repr(sum(w * s for w, s in ds if s is not None) / sum(w for w, s in ds if s is not None)))
for d, (w, s) in zip(dims, ds): print(d["id"], repr(s))
