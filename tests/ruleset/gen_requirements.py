#!/usr/bin/env python3
"""Regenerates rules/requirements.yaml from ../shared/domain/requirements.md.

Usage: python3 tests/ruleset/gen_requirements.py ../shared/domain/requirements.md > rules/requirements.yaml

Each requirement is a bullet "- ID text" (continued on indented lines) under a "## GROUP — …"
heading. The English title is the text's first sentence, without the trailing seed
reference; a seed reference inside it ("seed 001 §8") is replaced by the source's issuer and
title ("Kalix kommun, Riktlinjer gällande öppenvårdsinsatser 2025-07-01, avsnitt 8"): the
product never shows seed numbers. The Swedish title comes from the hand-written
rules/requirement_titles_sv.yaml, which must have one for every id.
test_ruleset runs this script and checks that its output is the file.
"""
import os
import re
import sys

# The seeds (../shared/seeds/NNN_*.txt) by issuer and title, as a reader knows them.
SOURCES = {
    "000": "Socialstyrelsen, Kunskapsguiden: Öppna insatser – utforma och följa upp",
    "001": "Kalix kommun, Riktlinjer gällande öppenvårdsinsatser 2025-07-01",
    "002": "Stockholms stad, Öppenvårdsinsatser barn och unga 2024",
    "003": "Region Gotland, Kvalitetskrav på utförare av öppenvård till barn, unga och familjer",
    # The routine names no issuer; it is a municipal routine built on BBIC.
    "004": "rutinen Att utforma uppdrag (kommunal rutin enligt BBIC)",
}

ONE_SEED = r"(\d{3})(?:\s*§\s*([\d.]+))?"
SEED_REF = re.compile(r"\bseeds? (" + ONE_SEED + r"(?:,\s*" + ONE_SEED + r")*)(?:, ([A-ZÅÄÖ]\w+))?")


def source_name(number, section):
    if number not in SOURCES:
        sys.exit(f"gen_requirements: seed {number} has no entry in SOURCES")
    return SOURCES[number] + (f", avsnitt {section}" if section else "")


def name_sources(text):
    """'seed 001 §8' → 'Kalix kommun, …, avsnitt 8'; 'seeds 001, 003' → both, joined by '; '."""

    def one(m):
        names = [source_name(n, s) for n, s in re.findall(ONE_SEED, m.group(1))]
        out = "; ".join(names)
        # "(seed 001, Kalix)": the issuer already says Kalix.
        if m.group(6) and m.group(6) not in out:
            out += ", " + m.group(6)
        return out

    return SEED_REF.sub(one, text)


def first_sentence(text):
    """Up to the first '.' outside parentheses that ends the text or precedes a space."""
    depth = 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "." and depth == 0 and (i + 1 == len(text) or text[i + 1] == " "):
            if not re.search(r"(kap|e\.g|i\.e|t\.ex)$", text[:i]):
                return text[: i + 1]
    return text


def swedish_titles(path):
    titles = {}
    for line in open(path, encoding="utf-8"):
        m = re.match(r'^  ([A-Z]+-\d+): "(.*)"$', line.rstrip("\n"))
        if m:
            titles[m.group(1)] = m.group(2)
    return titles


def quoted(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main(path):
    here = os.path.dirname(os.path.abspath(__file__))
    sv_titles = swedish_titles(os.path.join(here, "..", "..", "rules", "requirement_titles_sv.yaml"))
    lines = open(path, encoding="utf-8").read().split("\n")
    reqs, cur = [], None
    for line in lines:
        m = re.match(r"^- ([A-Z]+)-(\d+) (.*)$", line)
        if m:
            cur = [m.group(1) + "-" + m.group(2), m.group(1), m.group(3)]
            reqs.append(cur)
        elif cur and line.startswith("  ") and line.strip():
            cur[2] += " " + line.strip()
        else:
            cur = None
    missing = [rid for rid, _, _ in reqs if rid not in sv_titles]
    if missing:
        sys.exit("gen_requirements: no Swedish title in rules/requirement_titles_sv.yaml for " + ", ".join(missing))
    extra = sorted(set(sv_titles) - {rid for rid, _, _ in reqs})
    if extra:
        sys.exit("gen_requirements: rules/requirement_titles_sv.yaml has unknown ids " + ", ".join(extra))
    out = ["# Kravkatalog: krav-id, grupp och kort rubrik. GENERERAD – ändra inte för hand.",
           "# title.en: källans första mening (../shared/domain/requirements.md), med källorna namngivna;",
           "# title.sv: ur rules/requirement_titles_sv.yaml (skriven för hand). Generera om med:",
           "#   python3 tests/ruleset/gen_requirements.py ../shared/domain/requirements.md > rules/requirements.yaml",
           "# test_ruleset kontrollerar att filen stämmer med källan.",
           "requirements:"]
    for rid, group, text in reqs:
        text = re.sub(r"\s+", " ", text).strip()
        title = first_sentence(text)
        title = re.sub(r"\s+—\s+seeds? [^—]*$", "", title).rstrip(";").rstrip()
        title = name_sources(title)
        out.append(f"  - id: {rid}")
        out.append(f"    group: {group}")
        out.append("    title:")
        out.append(f"      sv: {quoted(sv_titles[rid])}")
        out.append(f"      en: {quoted(title)}")
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1])
