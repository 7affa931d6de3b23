#!/usr/bin/env python3
"""Regenerates rules/requirements.yaml from ../shared/domain/requirements.md.

Usage: python3 tests/ruleset/gen_requirements.py ../shared/domain/requirements.md > rules/requirements.yaml

Each requirement is a bullet "- ID text" (continued on indented lines) under a "## GROUP — …"
heading. The title is the text's first sentence, without the trailing seed reference.
test_ruleset checks that the file is in sync with the shared document when it is present.
"""
import re
import sys


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


def main(path):
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
    out = ["# Kravkatalog: krav-id och kort rubrik (engelska, som källan). GENERERAD – ändra inte för hand.",
           "# Källa: ../shared/domain/requirements.md. Generera om med:",
           "#   python3 tests/ruleset/gen_requirements.py ../shared/domain/requirements.md > rules/requirements.yaml",
           "# test_ruleset kontrollerar att filen stämmer med källan.",
           "requirements:"]
    for rid, group, text in reqs:
        text = re.sub(r"\s+", " ", text).strip()
        title = first_sentence(text)
        title = re.sub(r"\s+—\s+seeds? [^—]*$", "", title).rstrip(";").rstrip()
        title = title.replace('"', '\\"')
        out.append(f"  - id: {rid}")
        out.append(f"    group: {group}")
        out.append(f'    title: "{title}"')
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1])
