#!/usr/bin/env python3
"""The Swedish names of the case format's fields are one table: the `title` of each field in
schemas/case.schema.json. docs/case-format.md's field reference ("Fältreferens", column
"svensk term") must give the same name for every key, and every field that the date
catalogue (rules/national/catalogues/date_fields.yaml, the labels DATA-002 names dates by)
lists must be a field of that table.

Usage: labels_test.py SOURCE_DIR
"""
import json
import os
import re
import sys


def schema_titles(schema):
    defs = schema.get("$defs") or schema.get("definitions", {})

    def resolve(node):
        while "$ref" in node:
            merged = dict(defs[node["$ref"].split("/")[-1]])
            merged.update({k: v for k, v in node.items() if k != "$ref"})
            node = merged
        return node

    titles = {}

    def walk(node, path):
        node = resolve(node)
        if path:
            titles[path] = node.get("title")
        for key, child in node.get("properties", {}).items():
            walk(child, f"{path}.{key}" if path else key)
        if isinstance(node.get("items"), dict):
            for key, child in resolve(node["items"]).get("properties", {}).items():
                walk(child, f"{path}[].{key}")

    walk(schema, "")
    return titles


def main(src):
    titles = schema_titles(json.load(open(os.path.join(src, "schemas", "case.schema.json"), encoding="utf-8")))
    doc = open(os.path.join(src, "docs", "case-format.md"), encoding="utf-8").read()
    section = doc[doc.index("## Fältreferens"):doc.index("## Gemensamma typer")]
    table = {m.group(1): m.group(2).strip()
             for m in re.finditer(r"^\| `([^`]+)` \| ([^|]*) \|", section, re.M)}
    problems = []
    for key, term in table.items():
        if key not in titles:
            problems.append(f"docs/case-format.md: `{key}` is not a field of the schema")
        elif titles[key] != term:
            problems.append(f"docs/case-format.md: `{key}` is '{term}', the schema's title is '{titles[key]}'")
    for key, title in titles.items():
        if key not in table and key != "$schema" and "[]" not in key.split(".")[0] and title:
            if key.count(".") == 0:
                problems.append(f"docs/case-format.md: top-level field `{key}` ('{title}') is missing")
    codes = re.findall(r"^  - code: (\S+)$", open(os.path.join(src, "rules", "national", "catalogues", "date_fields.yaml"),
                                                encoding="utf-8").read(), re.M)
    for code in codes:
        if code not in titles:
            problems.append(f"date_fields.yaml: {code} is not a field of the schema")
    if len(table) < 100 or len(codes) < 20:
        problems.append(f"too few rows read: {len(table)} fields, {len(codes)} date fields")
    for p in problems:
        print(p)
    if problems:
        return 1
    print(f"{len(table)} field names agree with the schema; {len(codes)} date fields are schema fields")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
