#!/usr/bin/env python3
"""tally's peers in scripts/bench-vs-duckdb: DuckDB and polars, each loading the same line-item TSV
and answering Q1–Q7 as someone who knows the engine and the data would write them. One engine per
process, so each process's resident memory is that engine's alone.

    bench_peers.py duckdb       --data F --runs R --out J [--save DB]   load, Q1–Q7, save a database file
    bench_peers.py duckdb-plain --data F --out J                        read_csv with plain types, nothing else
    bench_peers.py duckdb-open  --data DB --out J                       open a saved database, then Q1
    bench_peers.py polars       --data F --runs R --out J [--save IPC]  load, Q1–Q7, save an Arrow IPC file
    bench_peers.py polars-open  --data IPC --out J                      map a saved IPC file, then Q1

Each writes JSON: load or open milliseconds, resident memory (/proc/self/status) before and after,
each query's median and runs, and its answer as rows of strings (amounts as exact decimals in 万元).

The data's facts the queries rely on (all true of `tally gen`): district, table and column values
are exact (綦江 is a whole district value, no other district contains it), codes are 3/5/7 digits
and a code's parent is the code two digits shorter (a 类's parent is its table's 合计, code ''),
amounts have two decimals (万元). Where tally's `district=綦江` is a substring match, the `like`
variants ask the same as a substring, so both forms are measured.
"""
import argparse, json, os, statistics, sys, time
from decimal import Decimal

# The spec's ids (PRODUCT §2): a fixed domain, so ENUM types need no pass over the data.
TABLE_IDS = ("summary fiscal_summary income expenditure gpb_expenditure basic_econ basic_gov_econ project_econ "
             "project_gov_econ three_public gov_fund soe_capital procurement projects narrative").split()
COLUMN_IDS = ("total basic project personnel public carryover gpb gov_fund soe_capital special_account business "
              "superior affiliated operating other overseas vehicle vehicle_purchase vehicle_operation reception "
              "reserve superior_exp operating_exp affiliated_exp meeting training grand_total running_costs").split()
FIELDS = ["doc", "district", "dept", "year", "table", "code", "name", "column", "amount", "line"]
CENT = Decimal("0.01")


def resident():
    """This process's memory now (bytes): VmRSS, RssAnon, and VmHWM (the peak so far)."""
    out = {}
    for line in open("/proc/self/status"):
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "RssAnon", "RssFile", "VmHWM"):
            out[key] = int(rest.split()[0]) * 1024
    return out


def timed(runs, f):
    times, answer = [], None
    for i in range(max(1, runs)):
        t = time.perf_counter()
        rows = f()
        times.append((time.perf_counter() - t) * 1000)
        if i == 0:
            answer = rows
    return {"ms": statistics.median(times), "runs": times, "rows": answer}


def cell(v):
    if isinstance(v, Decimal):
        return str(v.quantize(CENT))
    return None if v is None else str(v)


# --- DuckDB ----------------------------------------------------------------------------------

def enum(values):
    return "ENUM (" + ", ".join("'" + v.replace("'", "''") + "'" for v in values) + ")"


def duckdb_csv(path, types):
    columns = "{" + ", ".join(f"'{k}': '{types[k]}'" for k in FIELDS) + "}"
    # quote='' and escape='': tally's TSV has no quoting (its own escapes are backslashes, and this
    # data has none); header names the fields.
    return f"read_csv('{path}', delim='\\t', header=true, quote='', escape='', columns={columns})"


PLAIN = {"doc": "VARCHAR", "district": "VARCHAR", "dept": "VARCHAR", "year": "SMALLINT", "table": "VARCHAR",
         "code": "VARCHAR", "name": "VARCHAR", "column": "VARCHAR", "amount": "DECIMAL(18,2)", "line": "INTEGER"}

D_SUMS = """sum(amount) FILTER (WHERE "column" = 'total') AS total, sum(amount) FILTER (WHERE "column" = 'basic') AS basic,
            sum(amount) FILTER (WHERE "column" = 'project') AS project"""
# tally's `district=綦江` is a substring match; the data's districts are exact, so an expert writes
# equality; the LIKE form asks exactly what tally asks.
D_EXACT, D_SUBSTRING = "district = '綦江'", "district LIKE '%綦江%'"
D_Q1_WHERE = """"table" = 'expenditure' AND code LIKE '2080%' AND length(code) = 7 AND {district} AND year = 2025"""
DUCKDB_SQL = {
    # sum 2080??? where district=綦江 year=2025 by total,basic,project
    "Q1": f"SELECT {D_SUMS} FROM items WHERE {D_Q1_WHERE.format(district=D_EXACT)}",
    "Q1 like": f"SELECT {D_SUMS} FROM items WHERE {D_Q1_WHERE.format(district=D_SUBSTRING)}",
    # sum 2080??? where district=綦江 year=2025 by dept, total, basic, project
    "Q2": f"SELECT dept, {D_SUMS} FROM items WHERE {D_Q1_WHERE.format(district=D_EXACT)} GROUP BY dept",
    "Q2 like": f"SELECT dept, {D_SUMS} FROM items WHERE {D_Q1_WHERE.format(district=D_SUBSTRING)} GROUP BY dept",
    # sum 2080101 by year
    "Q3": """SELECT year, sum(amount) FROM items WHERE "table" = 'expenditure' AND "column" = 'total' AND code = '2080101'
             GROUP BY year ORDER BY year""",
    # top 10 208 where year=2025 by dept
    "Q4": """SELECT dept, sum(amount) AS s FROM items
             WHERE "table" = 'expenditure' AND "column" = 'total' AND code = '208' AND year = 2025
             GROUP BY dept ORDER BY s DESC, dept LIMIT 10""",
    # count by table
    "Q5": """SELECT "table", count(*) FROM items GROUP BY "table" """,
    # audit tree: every parent row against the sum of its direct children, in every column.
    "Q6": """WITH children AS (
               SELECT doc, year, "table", "column",
                      CASE WHEN length(code) = 3 THEN '' ELSE left(code, length(code) - 2) END AS parent,
                      sum(amount) AS added
               FROM items WHERE code <> '' GROUP BY ALL)
             SELECT p.doc, p."table", p.code, p."column", c.added, p.amount
             FROM items p JOIN children c
               ON p.doc = c.doc AND p.year = c.year AND p."table" = c."table" AND p."column" = c."column" AND p.code = c.parent
             WHERE p.amount <> c.added""",
    # audit rows: each printed row's total against its parts (expenditure: basic + project;
    # basic_econ: personnel + public), where the row prints a total and at least one part.
    "Q7": """WITH printed AS (
               SELECT doc, "table", year, line, code,
                      sum(amount) FILTER (WHERE "column" = 'total') AS total,
                      sum(amount) FILTER (WHERE "column" IN ('basic', 'project', 'personnel', 'public')) AS parts,
                      count(*) FILTER (WHERE "column" IN ('basic', 'project', 'personnel', 'public')) AS n
               FROM items WHERE "table" IN ('expenditure', 'basic_econ') GROUP BY ALL)
             SELECT doc, "table", code, 'total', parts, total FROM printed
             WHERE n > 0 AND total IS NOT NULL AND total <> parts""",
}


def duckdb_connect(path=None, read_only=False):
    import duckdb
    con = duckdb.connect(path or ":memory:", read_only=read_only)
    # Answers here never depend on row order; without it DuckDB loads and aggregates in parallel
    # more freely. Threads: DuckDB's default is every core.
    con.execute("SET preserve_insertion_order = false")
    return duckdb, con


def duckdb_load(con, data):
    """The best types: ENUMs for every low-cardinality text (table and column from the spec's
    ids while reading; doc, district, dept from the data's own values), code as VARCHAR (short,
    inlined, and LIKE 'prefix%' works on it), DECIMAL(18,2) amounts (an int64), SMALLINT year."""
    con.execute(f"CREATE TYPE table_id AS {enum(TABLE_IDS)}")
    con.execute(f"CREATE TYPE column_id AS {enum(COLUMN_IDS)}")
    types = dict(PLAIN, table="table_id", column="column_id")
    con.execute(f"CREATE TEMP TABLE raw AS SELECT * FROM {duckdb_csv(data, types)}")
    for field in ("doc", "district", "dept"):
        con.execute(f"CREATE TYPE {field}_id AS ENUM (SELECT DISTINCT {field} FROM raw ORDER BY 1)")
    con.execute("""CREATE TABLE items AS SELECT doc::doc_id AS doc, district::district_id AS district, dept::dept_id AS dept,
                   year, "table", code, name, "column", amount, line FROM raw""")
    con.execute("DROP TABLE raw")


def duckdb_rows(con, sql):
    return [[cell(v) for v in r] for r in con.execute(sql).fetchall()]


def run_duckdb(a):
    duckdb, con = duckdb_connect()
    before = resident()
    t = time.perf_counter()
    duckdb_load(con, a.data)
    out = {"engine": "DuckDB", "version": duckdb.__version__, "load_ms": (time.perf_counter() - t) * 1000,
           "before": before, "after": resident(),
           "engine_bytes": con.execute("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchone()[0],
           "queries": {q: timed(a.runs, lambda: duckdb_rows(con, sql)) for q, sql in DUCKDB_SQL.items()}}
    if a.save:
        t = time.perf_counter()
        con.execute(f"ATTACH '{a.save}' AS saved")
        con.execute("COPY FROM DATABASE memory TO saved")
        con.execute("DETACH saved")
        out["save_ms"] = (time.perf_counter() - t) * 1000
    return out


def run_duckdb_plain(a):
    duckdb, con = duckdb_connect()
    before = resident()
    t = time.perf_counter()
    con.execute(f"CREATE TABLE items AS SELECT * FROM {duckdb_csv(a.data, PLAIN)}")
    return {"engine": "DuckDB", "version": duckdb.__version__, "load_ms": (time.perf_counter() - t) * 1000,
            "before": before, "after": resident()}


def run_duckdb_open(a):
    import duckdb
    before = resident()
    t = time.perf_counter()
    con = duckdb.connect(a.data, read_only=True)
    open_ms = (time.perf_counter() - t) * 1000
    opened = resident()
    first = timed(1, lambda: duckdb_rows(con, DUCKDB_SQL["Q1"]))
    return {"engine": "DuckDB", "version": duckdb.__version__, "open_ms": open_ms, "first_q1_ms": first["ms"],
            "before": before, "after": opened, "after_q1": resident(), "q1": first["rows"]}


# --- polars ----------------------------------------------------------------------------------

def polars_queries(pl, df):
    """Lazy queries over the loaded frame (the optimiser sees the whole filter), amounts in fen."""
    c, amount = pl.col, pl.col("amount")

    def sums(*columns):
        return [amount.filter(c("column") == k).sum().alias(k) for k in columns]

    def q1_where(district):
        return ((c("table") == "expenditure") & c("code").str.starts_with("2080") & (c("code").str.len_bytes() == 7)
                & district & (c("year") == 2025))

    exact, substring = c("district") == "綦江", c("district").cast(pl.String).str.contains("綦江", literal=True)
    keys = ["doc", "year", "table", "column"]
    parts = ["basic", "project", "personnel", "public"]

    def q6():
        lf = df.lazy()
        code_len = c("code").str.len_bytes()
        children = (lf.filter(c("code") != "")
                    .with_columns(parent=pl.when(code_len == 3).then(pl.lit("")).otherwise(c("code").str.slice(0, code_len - 2)))
                    .group_by(keys + ["parent"]).agg(added=amount.sum()))
        return (lf.join(children, left_on=keys + ["code"], right_on=keys + ["parent"])
                .filter(amount != c("added")).select("doc", "table", "code", "column", "added", "amount"))

    def q7():
        return (df.lazy().filter(c("table").is_in(["expenditure", "basic_econ"]))
                .group_by(["doc", "table", "year", "line", "code"])
                .agg(total=amount.filter(c("column") == "total").sum(), totals=(c("column") == "total").sum(),
                     parts=amount.filter(c("column").is_in(parts)).sum(), n=c("column").is_in(parts).sum())
                .filter((c("n") > 0) & (c("totals") > 0) & (c("total") != c("parts")))
                .select("doc", "table", "code", pl.lit("total").alias("column"), "parts", "total"))

    return {
        "Q1": lambda: df.lazy().filter(q1_where(exact)).select(sums("total", "basic", "project")),
        "Q1 like": lambda: df.lazy().filter(q1_where(substring)).select(sums("total", "basic", "project")),
        "Q2": lambda: df.lazy().filter(q1_where(exact)).group_by("dept").agg(sums("total", "basic", "project")),
        "Q2 like": lambda: df.lazy().filter(q1_where(substring)).group_by("dept").agg(sums("total", "basic", "project")),
        "Q3": lambda: (df.lazy().filter((c("table") == "expenditure") & (c("column") == "total") & (c("code") == "2080101"))
                       .group_by("year").agg(amount.sum()).sort("year")),
        "Q4": lambda: (df.lazy().filter((c("table") == "expenditure") & (c("column") == "total") & (c("code") == "208")
                                        & (c("year") == 2025))
                       .group_by("dept").agg(amount.sum()).sort(["amount", "dept"], descending=[True, False]).head(10)),
        "Q5": lambda: df.lazy().group_by("table").agg(pl.len()),
        "Q6": q6,
        "Q7": q7,
    }


# Which output columns hold amounts (fen), per query: they come back as exact 万元 decimals.
POLARS_AMOUNTS = {"Q1": {0, 1, 2}, "Q1 like": {0, 1, 2}, "Q2": {1, 2, 3}, "Q2 like": {1, 2, 3}, "Q3": {1}, "Q4": {1},
                  "Q5": set(), "Q6": {4, 5}, "Q7": {4, 5}}


def polars_rows(q, frame):
    amounts = POLARS_AMOUNTS[q]
    return [[str((Decimal(v) / 100).quantize(CENT)) if i in amounts and v is not None else cell(v) for i, v in enumerate(r)]
            for r in frame.rows()]


def run_polars(a):
    import polars as pl
    before = resident()
    t = time.perf_counter()
    # Categorical for the data's own text values that queries read, Enum for the spec's fixed ids,
    # exact amounts as Int64 fen (polars' Decimal is 128-bit and slower; fen are what tally holds).
    # name stays String: no query reads it, and Categorical nearly doubles read_csv's time.
    schema = {"doc": pl.Categorical, "district": pl.Categorical, "dept": pl.Categorical, "year": pl.Int16,
              "table": pl.Enum(TABLE_IDS), "code": pl.String, "name": pl.String, "column": pl.Enum(COLUMN_IDS),
              "amount": pl.Decimal(18, 2), "line": pl.Int32}
    df = pl.read_csv(a.data, separator="\t", has_header=True, quote_char=None, schema=schema)
    df = df.with_columns((pl.col("amount") * 100).cast(pl.Int64))
    out = {"engine": "polars", "version": pl.__version__, "load_ms": (time.perf_counter() - t) * 1000,
           "before": before, "after": resident(), "engine_bytes": df.estimated_size(), "threads": pl.thread_pool_size()}
    queries = polars_queries(pl, df)
    out["queries"] = {q: timed(a.runs, lambda: polars_rows(q, f().collect())) for q, f in queries.items()}
    if a.save:
        t = time.perf_counter()
        df.write_ipc(a.save, compression="uncompressed")
        out["save_ms"] = (time.perf_counter() - t) * 1000
    return out


def run_polars_open(a):
    import polars as pl
    before = resident()
    t = time.perf_counter()
    df = pl.read_ipc(a.data)  # memory-mapped where the file allows (uncompressed)
    open_ms = (time.perf_counter() - t) * 1000
    opened = resident()
    first = timed(1, lambda: polars_rows("Q1", polars_queries(pl, df)["Q1"]().collect()))
    return {"engine": "polars", "version": pl.__version__, "open_ms": open_ms, "first_q1_ms": first["ms"],
            "before": before, "after": opened, "after_q1": resident(), "q1": first["rows"]}


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["duckdb", "duckdb-plain", "duckdb-open", "polars", "polars-open"])
    ap.add_argument("--data", required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", required=True)
    ap.add_argument("--save", default=None)
    args = ap.parse_args()
    run = {"duckdb": run_duckdb, "duckdb-plain": run_duckdb_plain, "duckdb-open": run_duckdb_open,
           "polars": run_polars, "polars-open": run_polars_open}[args.mode]
    result = run(args)
    with open(args.out, "w") as f:
        json.dump(result, f)
