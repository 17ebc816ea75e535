"""The fact-checker's memo: facts by coverage with every outlet's words, disagreements, hedges and omissions.

`build_report()` gathers plain data (the JSON format); `render_markdown()` turns it into a memo
that can be pasted into a write-up, every quote traced to its outlet, title and URL.
"""
from __future__ import annotations

import json
import re
import sqlite3
from datetime import datetime, timezone
from typing import Any

from .coverage import NOT_REPORTED, build_coverage

EXCLUSIVES_SHOWN = 10     # per outlet in the memo; the JSON has all of them


def build_report(conn: sqlite3.Connection) -> dict[str, Any]:
    cov = build_coverage(conn)
    outlets = [{"ref": f"S{o.number}", "source_id": f"s{o.source_id}", "outlet": o.name, "title": o.title,
                "url": o.url, "published": o.published} for o in cov.outlets]
    ref_of = {o.source_id: f"S{o.number}" for o in cov.outlets}
    claims = {cid: {"claim_id": f"c{cid}", "source": ref_of[sid], "text": text, "speaker": speaker,
                    "hedges": json.loads(hedges)}
              for cid, sid, text, speaker, hedges in conn.execute(
                  "SELECT id, source_id, text, speaker, hedges FROM claims")}

    def fact_entry(row) -> dict[str, Any]:
        return {"fact_id": f"f{row.fact_id}", "label": row.label, "n_outlets": row.n_reported,
                "outlets": [{"source": outlets[i]["ref"], "status": row.cells[i],
                             "claims": [claims[c] for c in row.claim_ids[i]]}
                            for i in range(len(outlets)) if row.cells[i] != NOT_REPORTED]}

    shared = [fact_entry(r) for r in cov.rows if r.n_reported >= 2]
    disagreements = []
    for did, quantity, vals in conn.execute("SELECT id, quantity, vals FROM discrepancies ORDER BY id"):
        values = json.loads(vals)
        for v in values:
            c = claims.get(int(v["claim_id"][1:]))
            v["source"] = c["source"] if c else None
            v["quote"] = c["text"] if c else None
        disagreements.append({"id": f"d{did}", "quantity": quantity, "values": values})
    hedged = [c for c in claims.values() if c["hedges"]]
    per_outlet = []
    for i, o in enumerate(outlets):
        per_outlet.append({
            "source": o["ref"], "outlet": o["outlet"],
            "omits": [{"fact_id": f"f{r.fact_id}", "label": r.label, "n_outlets": r.n_reported}
                      for r in cov.omissions(i)],
            "exclusive": [{"fact_id": f"f{r.fact_id}", "label": r.label,
                           "claims": [claims[c] for c in r.claim_ids[i]]} for r in cov.exclusives(i)],
        })
    return {"generated": datetime.now(timezone.utc).isoformat(timespec="seconds"), "sources": outlets,
            "shared_facts": shared, "disagreements": disagreements, "hedged_claims": hedged,
            "outlets": per_outlet}


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


def md(text: str | None) -> str:
    """Article text as inert Markdown: control and bidi characters made visible, markup characters escaped."""
    if text is None:
        return ""
    text = _MD_SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", text).strip())
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _num(v) -> str:
    if v is None:
        return "…"
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,}"


def render_markdown(report: dict[str, Any]) -> str:
    src = {s["ref"]: s for s in report["sources"]}
    out = ["# factdiff report", "",
           f"{len(report['sources'])} sources · {len(report['shared_facts'])} facts reported by more than one "
           f"outlet · {len(report['disagreements'])} disagreements · generated {report['generated']}", "",
           "## Sources", "", "| ref | outlet | title | published | url |", "| --- | --- | --- | --- | --- |"]
    for s in report["sources"]:
        out.append(f"| {s['ref']} | {md(s['outlet'])} | {md(s['title']) or '—'} | {md(s['published']) or '—'} "
                   f"| {md(s['url']) or '—'} |")

    out += ["", "## Facts by how many outlets report them", ""]
    for n, f in enumerate(report["shared_facts"], 1):
        out += [f"### {n}. {md(f['label'])}", "", f"Reported by {f['n_outlets']} of {len(src)} outlets.", ""]
        for o in f["outlets"]:
            for c in o["claims"]:
                who = f" — credited to {md(c['speaker'])}" if c["speaker"] else ""
                flags = []
                if o["status"] == "disagrees":
                    flags.append("figure disagrees")
                if c["hedges"]:
                    flags.append("hedged: " + ", ".join(md(h) for h in c["hedges"]))
                tail = f" *({'; '.join(flags)})*" if flags else ""
                out.append(f"- **{md(src[c['source']]['outlet'])}** [{c['source']}]{who}{tail}")
                out.append(f"  > {md(c['text'])}")
        out.append("")

    out += ["## Disagreements", ""]
    if not report["disagreements"]:
        out += ["No figures of the same quantity differ between outlets.", ""]
    for d in report["disagreements"]:
        out += [f"### {md(d['quantity'])}", "", "| outlet | credited to | figure | range | quote |",
                "| --- | --- | --- | --- | --- |"]
        for v in d["values"]:
            rng = f"{_num(v['low'])} – {_num(v['high'])}"
            outlet = md(src[v["source"]]["outlet"]) if v.get("source") in src else "?"
            out.append(f"| {outlet} [{v.get('source')}] | {md(v['speaker']) or '—'} | {md(v['text'])} | {rng} "
                       f"| {md(v.get('quote'))} |")
        out.append("")

    out += ["## Hedged claims", ""]
    for c in report["hedged_claims"]:
        out.append(f"- **{md(src[c['source']]['outlet'])}** [{c['source']}] "
                   f"({', '.join(md(h) for h in c['hedges'])}): {md(c['text'])}")
    if not report["hedged_claims"]:
        out.append("None.")
    out.append("")

    out += ["## What each outlet left out", ""]
    for o in report["outlets"]:
        out.append(f"### {md(o['outlet'])} [{o['source']}]")
        out.append("")
        if o["omits"]:
            out += [f"- {md(f['label'])} *(reported by {f['n_outlets']} others)*" for f in o["omits"]]
        else:
            out.append("- Nothing that most other outlets reported.")
        ex = o["exclusive"]
        out += ["", f"Reported only here: {len(ex)} claims."]
        out += [f"- {md(f['label'])}" for f in ex[:EXCLUSIVES_SHOWN]]
        if len(ex) > EXCLUSIVES_SHOWN:
            out.append(f"- …and {len(ex) - EXCLUSIVES_SHOWN} more (all in `--format json`).")
        out.append("")
    return "\n".join(out)
