#!/usr/bin/env python3
"""Keeps the rule tables of docs/sources.md ("Källor och rättslig grund") equal to what
aktkoll loads.

Usage: gen_sources.py AKTKOLL SOURCE_DIR          check; exit 1 with a diff when they differ
       AKTKOLL_UPDATE=1 gen_sources.py AKTKOLL SOURCE_DIR   rewrite the tables in place

The tables sit between the markers below; everything else on the page is written by hand.
They come from `aktkoll rules list --format json` for the national pack and each built-in
profile: per rule its severity and every source with its kind and period. A profile lists
only what it changes: its own rules, and national rules whose severity or sources differ.
"""
import difflib
import json
import os
import subprocess
import sys

BEGIN = "<!-- regeltabeller: skrivs av tests/docs/gen_sources.py, ändra inte för hand -->"
END = "<!-- slut på regeltabeller -->"
PROFILES = [("kalix", "Kalix kommun"), ("gotland", "Region Gotland"), ("stockholm", "Stockholms stad")]
LABEL = {"law": "Lag", "guidance": "Vägledning", "guideline": "Riktlinje"}
SEVERITY = {"error": "fel", "warning": "varning", "info": "info"}


def rules(aktkoll, *args):
    out = subprocess.run([aktkoll, "rules", "list", "--format", "json", *args],
                         check=True, capture_output=True, text=True).stdout
    return {r["id"]: r for r in json.loads(out)["rules"]}


def source(entry):
    period = ""
    if entry["from"] and entry["until"]:
        period = f" ({entry['from']} – {entry['until']})"
    elif entry["from"]:
        period = f" (från {entry['from']})"
    elif entry["until"]:
        period = f" (till och med {entry['until']})"
    return f"{LABEL[entry['kind']]}: {entry['ref']}{period}"


def cell(text):
    return text.replace("|", "\\|")


def table(rows):
    out = ["| Regel | Grad | Rättslig grund |", "|---|---|---|"]
    for r in rows:
        out.append(f"| {r['id']} | {SEVERITY[r['severity']]} | "
                   + cell("<br>".join(source(e) for e in r["law"])) + " |")
    return out


def tables(aktkoll):
    national = rules(aktkoll)
    out = ["### Det nationella paketet", ""]
    out += table(national[k] for k in sorted(national))
    for name, title in PROFILES:
        profile = rules(aktkoll, "--profile", name)
        changed = [profile[k] for k in sorted(profile)
                   if k not in national or profile[k]["severity"] != national[k]["severity"]
                   or profile[k]["law"] != national[k]["law"]]
        out += ["", f"### {title} (profilen {name})", "",
                "Regler som profilen lägger till, och nationella regler vars grad eller källor "
                "profilen ändrar:", ""]
        out += table(changed)
    return "\n".join(out) + "\n"


def main(aktkoll, src):
    path = os.path.join(src, "docs", "sources.md")
    text = open(path, encoding="utf-8").read()
    head, sep, rest = text.partition(BEGIN + "\n")
    _, sep2, tail = rest.partition(END)
    if not sep or not sep2:
        sys.exit(f"{path}: the markers are missing:\n  {BEGIN}\n  {END}")
    wanted = head + BEGIN + "\n" + tables(aktkoll) + END + tail
    if wanted == text:
        print("docs/sources.md: the rule tables are current")
        return 0
    if os.environ.get("AKTKOLL_UPDATE"):
        open(path, "w", encoding="utf-8").write(wanted)
        print("docs/sources.md: rule tables rewritten")
        return 0
    sys.stdout.writelines(difflib.unified_diff(text.splitlines(True), wanted.splitlines(True),
                                               "docs/sources.md", "aktkoll rules list"))
    print("\ndocs/sources.md is out of date: AKTKOLL_UPDATE=1 python3 tests/docs/gen_sources.py "
          "build/aktkoll .")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
