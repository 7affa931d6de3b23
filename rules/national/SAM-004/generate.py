#!/usr/bin/env python3
# Generates rule.yaml beside it (the age and consent conditions are written out in full,
# since CEL has no `let`). Run `python3 generate.py`.
import os
HERE = os.path.dirname(os.path.abspath(__file__))
NOT_NA = """has(c.intervention) && has(c.intervention.type)
  && (has(c.intervention.needs_assessed)
      ? c.intervention.needs_assessed == false
      : in_vocabulary(c.intervention.type, 'intervention_types')
        && intervention(c.intervention.type).needs_assessed == false)"""
# The day the intervention began: start_date, else the decision date, else the as-of date.
REF = ("(has(c.intervention.start_date) && is_date(c.intervention.start_date) ? date(c.intervention.start_date)"
       " : has(c.decision) && has(c.decision.date) && is_date(c.decision.date) ? date(c.decision.date) : as_of)")
PNR = (r"(has(c.individual) && has(c.individual.personnummer)"
       r" && valid_personnummer(c.individual.personnummer)"
       r" && c.individual.personnummer.matches(r'^(\d{2})?\d{2}(0[1-9]|1[0-2])([0-5]\d|6[1-9]|[7-9]\d)[-+]?\d{4}$'))")
AGE = f"({PNR} ? age_at(c.individual.personnummer, {REF}) : c.individual.age)"
def consent(role_test, ref_test, kinds):
    return (f"has(c.consents) && c.consents.exists(k, has(k.given_by_role) && {role_test}{ref_test}\n"
            f"    && (!has(k.kind) || k.kind in {kinds})\n"
            f"    && !(has(k.date) && is_date(k.date) && date(k.date) > {REF})\n"
            f"    && !(has(k.withdrawn_date) && is_date(k.withdrawn_date) && date(k.withdrawn_date) <= {REF}))")
CUSTODY = "(has(g.has_custody) ? g.has_custody == true : (has(g.role) && g.role == 'guardian'))"
G = consent("k.given_by_role == 'guardian'", " && has(g.id) && has(k.given_by_ref) && k.given_by_ref == g.id", "['consent', 'permission']")
ANY_G = consent("k.given_by_role == 'guardian'", "", "['consent', 'permission']")
CHILD = consent("(k.given_by_role == 'child' || k.given_by_role == 'individual')", "", "['consent', 'request', 'permission']")
GUARDIANS = (f"(has(c.guardians) && c.guardians.exists(g, {CUSTODY})\n"
             f"  ? c.guardians.all(g, !{CUSTODY} || ({G}))\n"
             f"  : {ANY_G})")
TEXT_SV = ("(" + CHILD + ")\n? ' (barnets eget samtycke räcker först från 15 år)'\n: ''")
TEXT_EN = ("(" + CHILD + ")\n? \" (the child's own consent is enough only from 15)\"\n: ''")
def block(s, n): return '\n'.join(' ' * n + l for l in s.split('\n'))
open(os.path.join(HERE, 'rule.yaml'), 'w').write(f'''# yaml-language-server: $schema=../../../schemas/rules.schema.json
# GENERERAD av generate.py i den här katalogen; ändra där och kör `python3 generate.py`.
id: SAM-004
title:
  sv: Ett barn under 15 år får en insats utan behovsprövning bara med vårdnadshavarens samtycke
  en: A child under 15 gets an intervention without needs assessment only with the guardian's consent
severity: error
requirements: [SAM-4]
law:
  - ref: "SoL (2025:400) 21 kap. 2 §"
    from: 2025-07-01
# Insats utan individuell behovsprövning (akten, annars katalogen) som började 2025-07-01
# eller senare, till ett barn under 15 år: ålder ur personnumret på startdagen, annars
# individual.age. Från 15 år får insatsen ges utan vårdnadshavarens samtycke om det är
# lämpligt, vilket inte kan prövas ur akten.
when: |-
{block(NOT_NA + chr(10) + "&& " + REF + " >= date('2025-07-01')" + chr(10) + "&& (" + PNR + " || (has(c.individual) && has(c.individual.age)))" + chr(10) + "&& " + AGE + " < 15", 2)}
# Vårdnadshavarens samtycke (alla med vårdnad när de är antecknade).
assert: |-
{block(GUARDIANS, 2)}
pointer: /consents
values:
  text_sv: |-
{block(TEXT_SV, 4)}
  text_en: |-
{block(TEXT_EN, 4)}
message:
  sv: >-
    Insatsen utan individuell behovsprövning ges till ett barn under 15 år utan att
    vårdnadshavarens samtycke är dokumenterat{{text_sv}}.
  en: >-
    The intervention without individual needs assessment is given to a child under 15
    without the guardian's consent being documented{{text_en}}.
doc:
  checks: >-
    För en insats utan individuell behovsprövning (`intervention.needs_assessed: false`,
    annars katalogen) som började 2025-07-01 eller senare (`intervention.start_date`, annars
    beslutsdatum, annars granskningsdagen) till ett barn under 15 år (ålder ur
    `individual.personnummer` på startdagen; saknas identiteten, `individual.age`): att
    vårdnadshavaren har samtyckt (`consents[]` med `given_by_role: guardian`, `kind` consent
    eller permission, senast på startdagen och inte återkallat då; är vårdnadshavare
    antecknade i `guardians` ska var och en med vårdnad ha samtyckt).
  why: >-
    "Socialnämnden får inte utan vårdnadshavarens samtycke tillhandahålla ett barn insatser
    som lämnas utan individuell behovsprövning. Socialnämnden får dock tillhandahålla barn som
    fyllt 15 år insatser utan individuell behovsprövning, om det är lämpligt att insatsen
    tillhandahålls på det sättet (21 kap. §2 SoL)." (Kalix riktlinjer avsnitt 9.1 och 20.2.)
    Bestämmelsen är ny i SoL 2025:400. Bedömning: för barn från 15 år ställer lagen inget krav
    på samtycke utan bara att det är lämpligt, vilket inte kan prövas ur akten; en insats utan
    behovsprövning bygger dessutom på att den unge själv söker upp verksamheten. Regeln prövar
    därför bara barn under 15 år.
    I en akt utan identitetsuppgifter (dokumentationsundantag) räcker ett samtycke från en
    vårdnadshavare utan namn. Kommunens egna villkor (Kalix: BRA-samtal, orossamtal,
    ungdomsmottagning) prövas av SAM-005 i kommunprofilen.
  example: |-
    individual:
      age: 10
    intervention:
      type: bra_samtal
      needs_assessed: false
      start_date: 2026-03-02
    consents:
      - given_by_role: guardian
        kind: permission
        date: 2026-02-24
''')
