#!/usr/bin/env python3
# Generates SAM-003/rule.yaml and SAM-003-12/rule.yaml (the consent conditions are written
# out in full in each expression, since CEL has no `let`). Run `python3 generate.py`.
import os
NA = """has(c.intervention) && has(c.intervention.type)
  && (has(c.intervention.needs_assessed)
      ? c.intervention.needs_assessed == true
      : in_vocabulary(c.intervention.type, 'intervention_types')
        && intervention(c.intervention.type).needs_assessed == true)
  && has(c.decision) && has(c.decision.date) && is_date(c.decision.date)
  && !(has(c.decision.favourable) && c.decision.favourable == false)"""
# A valid number with a complete birth date (a samordningsnummer may have month 00 or day 60).
PNR = r"""has(c.individual) && has(c.individual.personnummer)
  && valid_personnummer(c.individual.personnummer)
  && c.individual.personnummer.matches(r'^(\d{2})?\d{2}(0[1-9]|1[0-2])([0-5]\d|6[1-9]|[7-9]\d)[-+]?\d{4}$')"""
AGE = "age_at(c.individual.personnummer, date(c.decision.date))"
def consent(role_test, ref_test):
    return (f"has(c.consents) && c.consents.exists(k, has(k.given_by_role) && {role_test}{ref_test}\n"
            "      && (!has(k.kind) || k.kind in KINDS)\n"
            "      && !(has(k.date) && is_date(k.date) && date(k.date) > date(c.decision.date))\n"
            "      && !(has(k.withdrawn_date) && is_date(k.withdrawn_date)\n"
            "           && date(k.withdrawn_date) <= date(c.decision.date)))")
CUSTODY = "(has(g.has_custody) ? g.has_custody == true : (has(g.role) && g.role == 'guardian'))"
G_CONSENT = consent("k.given_by_role == 'guardian'", " && has(g.id) && has(k.given_by_ref) && k.given_by_ref == g.id").replace("KINDS", "['consent', 'permission']")
ANY_G = consent("k.given_by_role == 'guardian'", "").replace("KINDS", "['consent', 'permission']")
CHILD = consent("(k.given_by_role == 'child' || k.given_by_role == 'individual')", "").replace("KINDS", "['consent', 'request']")
GUARDIANS_OK = (f"(has(c.guardians) && c.guardians.exists(g, {CUSTODY})\n"
                f"   ? c.guardians.all(g, !{CUSTODY} || ({G_CONSENT}))\n"
                f"   : {ANY_G})")
def block(s, n): return '\n'.join(' ' * n + l for l in s.split('\n'))
here = os.path.dirname(os.path.abspath(__file__)) if '__file__' in dir() else '.'

HERE = os.path.dirname(os.path.abspath(__file__))
NATIONAL = os.path.dirname(HERE)
LAW = '''law:
  - ref: "SoL (2001:453) 3 kap. 6 a §"
    until: 2025-06-30
  - ref: "SoL (2025:400) 21 kap. 1 §"
    from: 2025-07-01
'''
open(os.path.join(NATIONAL, 'SAM-003', 'rule.yaml'), 'w').write(f'''# yaml-language-server: $schema=../../../schemas/rules.schema.json
# GENERERAD av generate.py i den här katalogen; ändra där och kör `python3 generate.py`.
id: SAM-003
title:
  sv: Ett barn under 12 år får en biståndsbedömd insats bara med vårdnadshavarnas samtycke
  en: A child under 12 gets a needs-assessed intervention only with the guardians' consent
severity: error
requirements: [SAM-3]
{LAW}# Beviljad biståndsbedömd insats till ett barn som var under 12 år på beslutsdagen (ålder ur
# personnumret eller samordningsnumret).
when: |-
{block(NA + chr(10) + "&& " + PNR.replace(chr(10), chr(10) + "  ") + chr(10) + "&& " + AGE + " < 12", 2)}
# Varje vårdnadshavare med vårdnad ska ha samtyckt (samtycke eller medgivande, senast på
# beslutsdagen och inte återkallat då). Finns ingen vårdnadshavare antecknad prövas ett
# tomt element: då krävs minst ett samtycke från en vårdnadshavare.
for_each: |-
  has(c.guardians) && c.guardians.exists(g, {CUSTODY}) ? c.guardians : [{{}}]
as: g
assert: |-
{block("size(g) == 0" + chr(10) + "? " + ANY_G + chr(10) + ": !" + CUSTODY + " || (" + G_CONSENT + ")", 2)}
pointer: /guardians/{{index}}
values:
  decision_date: c.decision.date
message:
  sv: >-
    Vårdnadshavarens samtycke saknas: barnet var under 12 år på beslutsdagen
    {{decision_date}} och får insatsen bara med vårdnadshavarnas samtycke (vid gemensam vårdnad
    bådas).
  en: >-
    The guardian's consent is missing: the child was under 12 on the decision date
    {{decision_date}} and may be given the intervention only with the guardians' consent (both,
    in joint custody).
doc:
  checks: >-
    För en beviljad biståndsbedömd insats till ett barn som var under 12 år på beslutsdagen,
    med åldern räknad ur `individual.personnummer` (personnummer eller samordningsnummer) på
    `decision.date`: att varje vårdnadshavare med vårdnad (`guardians[]` med
    `has_custody: true`, annars `role: guardian`) har samtyckt (`consents[]` med
    `given_by_role: guardian`, `given_by_ref` lika med vårdnadshavarens `id`, `kind` consent
    eller permission, daterat senast på beslutsdagen och inte återkallat då). En anmärkning
    per vårdnadshavare som inte samtyckt. Finns ingen vårdnadshavare antecknad krävs minst
    ett samtycke från en vårdnadshavare.
  why: >-
    Öppna insatser är frivilliga, och för ett barn är det vårdnadshavarna som samtycker.
    Först från 12 år får nämnden besluta om insatser utan vårdnadshavarens samtycke, och då
    bara om det är lämpligt och barnet samtycker (21 kap. 1 § SoL 2025:400, tidigare 3 kap.
    6 a § SoL 2001:453; Kalix riktlinjer avsnitt 9). Vid gemensam vårdnad ska båda samtycka.
    Åldern tas på beslutsdagen; på 12-årsdagen gäller SAM-003-12. Ett samordningsnummer med
    ofullständigt födelsedatum (månad 00 eller dag 60) ger ingen ålder och prövas inte;
    ett ogiltigt nummer prövas av DATA-reglerna.
  example: |-
    guardians:
      - id: vh1
        has_custody: true
      - id: vh2
        has_custody: true
    consents:
      - given_by_role: guardian
        given_by_ref: vh1
        kind: consent
        date: 2025-12-08
      - given_by_role: guardian
        given_by_ref: vh2
        kind: consent
        date: 2025-12-10
''')
open(os.path.join(NATIONAL, 'SAM-003-12', 'rule.yaml'), 'w').write(f'''# yaml-language-server: $schema=../../../schemas/rules.schema.json
# GENERERAD av ../SAM-003/generate.py; ändra där och kör `python3 generate.py`.
id: SAM-003-12
title:
  sv: Ett barn 12–17 år får en biståndsbedömd insats med vårdnadshavarnas eller sitt eget samtycke
  en: A child of 12–17 gets a needs-assessed intervention with the guardians' or its own consent
severity: error
requirements: [SAM-3]
{LAW}# Beviljad biståndsbedömd insats till ett barn som fyllt 12 men inte 18 år på beslutsdagen.
when: |-
{block(NA + chr(10) + "&& " + PNR.replace(chr(10), chr(10) + "  ") + chr(10) + "&& " + AGE + " >= 12 && " + AGE + " < 18", 2)}
# Alla vårdnadshavares samtycke, eller barnets eget samtycke (från 15 år även begäran).
assert: |-
{block(GUARDIANS_OK + chr(10) + "|| (" + CHILD + ")", 2)}
pointer: /consents
values:
  decision_date: c.decision.date
message:
  sv: >-
    Samtycke saknas: barnet hade fyllt 12 år på beslutsdagen {{decision_date}}, men varken
    vårdnadshavarnas samtycke eller barnets eget samtycke (från 15 år även begäran) är
    dokumenterat.
  en: >-
    Consent is missing: the child was 12 or older on the decision date {{decision_date}}, but
    neither the guardians' consent nor the child's own consent (from 15 also a request) is
    documented.
doc:
  checks: >-
    För en beviljad biståndsbedömd insats till ett barn som fyllt 12 men inte 18 år på
    beslutsdagen (ålder ur `individual.personnummer` på `decision.date`): att alla
    vårdnadshavare med vårdnad har samtyckt (som i SAM-003), eller att barnet självt har
    samtyckt eller begärt insatsen (`consents[]` med `given_by_role` child eller individual,
    `kind` consent eller request, senast på beslutsdagen och inte återkallat då).
  why: >-
    "För ett barn som fyllt 12 men inte 15 år får nämnden besluta om insatser för att
    tillgodose barnets personliga behov även utan vårdnadshavarens samtycke, om det är
    lämpligt och barnet samtycker till det. Nämnden kan besluta om insatser [...] till barn
    som har fyllt 15 år oberoende av vårdnadshavarens samtycke, om det är lämpligt och barnet
    begär eller samtycker till insatserna (21 kap. 1 § SoL)." (Kalix riktlinjer avsnitt 9;
    tidigare 3 kap. 6 a § SoL 2001:453.) Bedömning: om det var lämpligt är nämndens
    bedömning och går inte att pröva ur akten; regeln prövar att det finns ett samtycke att
    bygga beslutet på. På 12-årsdagen och 15-årsdagen räknas den nya åldern. Att ett barn
    från 15 år som för sin egen talan har sitt eget samtycke antecknat prövas av BARN-reglerna.
  example: |-
    consents:
      - given_by_role: child
        given_by_ref: individual
        kind: request
        date: 2026-02-23
''')
