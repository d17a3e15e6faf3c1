#!/usr/bin/env python3
"""Whole-process benchmarks of the qinglian command line (issue 4), with the DuckDB reference.

Usage:  python3 bench/run.py [--quick] [--reps N]
Builds the CLI and bench jars, generates the synthetic workspaces into bench/work/ (once; reused),
runs every scenario N times (default 3) and prints median, min and max wall time and peak RSS.
--quick uses 10x smaller workspaces (for trying the script; the README figures are full size).
"""
import os, re, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "bench", "work")
JAR = os.path.join(ROOT, "cli", "target", "qinglian.jar")
BENCH = os.path.join(ROOT, "bench", "target", "benchmarks.jar")
quick = "--quick" in sys.argv
reps = int(sys.argv[sys.argv.index("--reps") + 1]) if "--reps" in sys.argv else 3
scale = 10 if quick else 1


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def timed(cmd):
    """Wall seconds and peak RSS (MB) of one run, via GNU time."""
    t0 = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{p.stderr}")
    rss = int(re.findall(r"(\d+)\s*$", p.stderr)[-1]) / 1024  # GNU time's last line
    return wall, rss


def bench(name, cmd):
    runs = [timed(cmd) for _ in range(reps)]
    walls = sorted(w for w, _ in runs)
    rss = max(r for _, r in runs)
    print(f"{name:<52} median {statistics.median(walls):7.2f} s  "
          f"(min {walls[0]:.2f}, max {walls[-1]:.2f}, n={reps})  peak RSS {rss:6.0f} MB", flush=True)


def against_duckdb(name, cmd, csv):
    """Target (1): our whole run against DuckDB's bare parse of the same file, alternated run by run
    (one query per fresh JVM), so that the machine's drift during the run weighs on both alike."""
    ours, duck = [], []
    for _ in range(reps):
        ours.append(timed(cmd)[0])
        out = subprocess.run(["java", "-cp", BENCH, "dev.qinglian.bench.DuckDbParse", csv, "1"],
                             check=True, capture_output=True, text=True).stdout
        duck.append(float(re.search(r"duckdb parse ([0-9.]+) s", out).group(1)))
    o, d = statistics.median(ours), statistics.median(duck)
    print(f"{name:<52} ours median {o:.2f} s, DuckDB parse median {d:.2f} s "
          f"(min {min(duck):.2f}, max {max(duck):.2f}): {o / d:.2f}x (target 2x)", flush=True)


def workspace(name, units, months=1, layout="long", end="2026-10"):
    path = os.path.join(WORK, name)
    if not os.path.exists(os.path.join(path, "units.csv")):
        sh(["java", "-jar", JAR, "generate", "--units", str(units), "--months", str(months),
            "--layout", layout, "--end", end, "--out", path, "--force"], stdout=subprocess.DEVNULL)
    return path


def main():
    sh(["mvn", "-B", "-q", "-Pbench", "-DskipTests", "-Dspotless.check.skip=true",
        "-Djacoco.skip=true", "package"], cwd=ROOT)
    os.makedirs(WORK, exist_ok=True)
    # every CLI run goes through ./qinglian, as a user runs it (the wrapper picks the JVM options:
    # quick JIT tier for small inputs, throughput collector for large ones; see the script)
    q = [os.path.join(ROOT, "qinglian")]
    subprocess.run(q + ["--version"], stdout=subprocess.DEVNULL, check=True)  # builds if stale
    out = os.path.join("/dev/shm" if os.path.isdir("/dev/shm") else WORK, "qinglian-bench-out.csv")
    print(f"machine: {os.cpu_count()} cores, "
          f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB; "
          f"{subprocess.run(['java', '-version'], capture_output=True, text=True).stderr.splitlines()[0]}")
    n = 1_000_000 // scale

    def score(ws):
        return q + ["score", ws, "--format", "csv", "--output", out, "--force"]

    # 1. one month, long CSV, three sizes (linearity), then the reference
    for size in (n // 4, n // 2, n):
        ws = workspace(f"long-{size}", size)
        mb = os.path.getsize(os.path.join(ws, "data", "data.csv")) / 1e6
        bench(f"1 score long CSV {size:>9,} units ({mb:.0f} MB)", score(ws))
    big = workspace(f"long-{n}", n)
    against_duckdb(f"1 vs DuckDB, {n:,} units", score(big), os.path.join(big, "data", "data.csv"))
    # 1b. December: every indicator reported (46), so every unit has a colour and a rank
    dec = workspace(f"dec-{n}", n, end="2026-12")
    mb = os.path.getsize(os.path.join(dec, "data", "data.csv")) / 1e6
    bench(f"1b score December, all 46 indicators, {n:,} units ({mb:.0f} MB)", score(dec))
    against_duckdb(f"1b vs DuckDB, {n:,} units", score(dec), os.path.join(dec, "data", "data.csv"))
    # 1c. the other output formats of the same ranking (October's 1,000,000 units), streamed as the
    # CSV is
    for fmt in ("json", "table", "markdown"):
        bench(f"1c score long CSV {n:,} units, --format {fmt}",
              q + ["score", big, "--format", fmt, "--output", out, "--force"])
    # 2. wide CSV and seven department files, three sizes each
    for size in (n // 4, n // 2, n):
        bench(f"2 score wide CSV {size:>9,} units", score(workspace(f"wide-{size}", size, layout="wide")))
    for size in (n // 4, n // 2, n):
        bench(f"2 score 7 department files {size:>9,} units",
              score(workspace(f"dept-{size}", size, layout="departments")))
    # 3. months of 100,000 units: score reads every month and evaluates the latest two; trend
    # evaluates the whole range
    m = 100_000 // scale
    for months in (6, 12, 24):
        ws = workspace(f"months{months}-{m}", m, months=months)
        bench(f"3 score from {months:>2} months x {m:,} units", score(ws))
    for months in (6, 12, 24):
        ws = workspace(f"months{months}-{m}", m, months=months)
        bench(f"3 trend of {months:>2} months x {m:,} units",
              q + ["trend", ws, "--from", "2024-11" if months == 24 else ("2025-11" if months == 12 else "2026-05"),
                   "--to", "2026-10", "--format", "csv", "--output", out, "--force"])
    # 4. Monte Carlo: 10,000 samples on the demo county and on 2,500 / 5,000 / 10,000 units
    bench("4 sensitivity 10,000 samples, demo county (54 units)",
          q + ["sensitivity", os.path.join(ROOT, "examples", "demo-county"), "--samples", "10000"])
    for units in (2_500 // scale, 5_000 // scale, 10_000 // scale):
        bench(f"4 sensitivity 10,000 samples, {units:>6,} units",
              q + ["sensitivity", workspace(f"long-{units}", units), "--samples", "10000"])
    # 5. the demo county, whole process, start-up included
    subprocess.run(q + ["score", os.path.join(ROOT, "examples", "demo-county")],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    bench("5 score demo county (./qinglian)", q + ["score", os.path.join(ROOT, "examples", "demo-county")])
    bench("5 score demo county (java -jar, no wrapper)",
          ["java", "-jar", JAR, "score", os.path.join(ROOT, "examples", "demo-county")])


if __name__ == "__main__":
    main()
