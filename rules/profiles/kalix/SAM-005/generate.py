#!/usr/bin/env python3
# Generates SAM-005/rule.yaml and SAM-005-VH/rule.yaml (the age expression is written out in
# full, since CEL has no `let`). Run `python3 generate.py`.
import os
HERE = os.path.dirname(os.path.abspath(__file__))
PROFILE = os.path.dirname(HERE)
E = "intervention(c.intervention.type)"
SERVICE = f"""has(c.intervention) && has(c.intervention.type)
  && in_vocabulary(c.intervention.type, 'intervention_types')
  && (has(c.intervention.needs_assessed) ? c.intervention.needs_assessed == false
      : {E}.needs_assessed == false)"""
REF = ("(has(c.intervention.start_date) && is_date(c.intervention.start_date) ? date(c.intervention.start_date)"
       " : has(c.decision) && has(c.decision.date) && is_date(c.decision.date) ? date(c.decision.date) : as_of)")
PNR = (r"(has(c.individual) && has(c.individual.personnummer)"
       r" && valid_personnummer(c.individual.personnummer)"
       r" && c.individual.personnummer.matches(r'^(\d{2})?\d{2}(0[1-9]|1[0-2])([0-5]\d|6[1-9]|[7-9]\d)[-+]?\d{4}$'))")
KNOWN = f"({PNR} || (has(c.individual) && has(c.individual.age)))"
AGE = f"({PNR} ? age_at(c.individual.personnummer, {REF}) : c.individual.age)"
def attr(name): return f"('{name}' in {E} && {E}.{name} != null)"
def block(s, n): return '\n'.join(' ' * n + l for l in s.split('\n'))
def bounds(lang):
    sv = lang == 'sv'
    both = f"string({E}.min_age) + '–' + string({E}.max_age) + ' år'" if sv else f"string({E}.min_age) + '–' + string({E}.max_age) + ' years old'"
    lo = f"string({E}.min_age) + (' år eller äldre' )" if sv else f"string({E}.min_age) + ' or older'"
    hi = f"'högst ' + string({E}.max_age) + ' år'" if sv else f"'at most ' + string({E}.max_age) + ' years old'"
    return f"{attr('min_age')} && {attr('max_age')} ? {both}\n: {attr('min_age')} ? {lo}\n: {hi}"

SAM005_ASSERT = ("part == 'age'\n? !(" + attr('min_age') + " || " + attr('max_age') + ") || !" + KNOWN
                 + "\n  || ((!" + attr('min_age') + " || " + AGE + " >= " + E + ".min_age)"
                 + "\n      && (!" + attr('max_age') + " || " + AGE + " <= " + E + ".max_age))"
                 + "\n: !(" + attr('registered_resident') + " && " + E + ".registered_resident == true)"
                 + "\n  || (has(c.individual) && has(c.individual.registered_in_municipality)"
                 + "\n      && c.individual.registered_in_municipality == true)")
TEXT_SV = ("part == 'age'\n? 'bara till den som är ' + (" + bounds('sv')
           + ") + ', men den enskildes ålder när insatsen började ligger utanför den gränsen'"
           + "\n: 'bara till den som är folkbokförd i Kalix kommun, men det framgår inte att den enskilde är det'")
TEXT_EN = ("part == 'age'\n? 'only to those ' + (" + bounds('en')
           + ") + \", but the individual's age when the intervention began is outside that range\""
           + "\n: \"only to those registered as resident in Kalix, but the record does not show that the individual is\"")

open(os.path.join(PROFILE, 'SAM-005', 'rule.yaml'), 'w').write(f'''# yaml-language-server: $schema=../../../../schemas/rules.schema.json
# GENERERAD av generate.py i den här katalogen; ändra där och kör `python3 generate.py`.
id: SAM-005
title:
  sv: Kalix villkor för insatser utan behovsprövning — ålder och folkbokföring
  en: Kalix conditions for interventions without needs assessment — age and residence
severity: error
requirements: [SAM-5]
law:
  - ref: "Kalix kommun, Riktlinjer för öppenvårdsinsatser 2025 (seed 001) avsnitt 7 och 20.2.1"
    from: 2025-07-01
# Insats utan individuell behovsprövning som började 2025-07-01 eller senare (riktlinjernas
# giltighetsdag) och har villkor i Kalix katalog.
when: |-
{block(SERVICE + chr(10) + "&& " + REF + " >= date('2025-07-01')" + chr(10) + "&& (" + attr('min_age') + " || " + attr('max_age') + " || " + attr('registered_resident') + ")", 2)}
# 'age': åldern vid start (ur personnumret, annars individual.age) inom katalogens gränser
# (inklusive); 'registered_in_municipality': folkbokförd i Kalix när katalogen kräver det.
for_each: "['age', 'registered_in_municipality']"
as: part
assert: |-
{block(SAM005_ASSERT, 2)}
pointer: /individual/{{key}}
values:
  type_sv: {E}.label.sv
  type_en: {E}.label.en
  text_sv: |-
{block(TEXT_SV, 4)}
  text_en: |-
{block(TEXT_EN, 4)}
message:
  sv: "{{type_sv}} ges i Kalix {{text_sv}}."
  en: "In Kalix, {{type_en}} is given {{text_en}}."
doc:
  checks: >-
    För en insats utan individuell behovsprövning som började 2025-07-01 eller senare och
    som har villkor i Kalix insatskatalog: att den enskildes ålder när insatsen började (ur
    `individual.personnummer` på `intervention.start_date`, annars `individual.age`) ligger
    inom katalogens `min_age`–`max_age` (gränserna ingår), och att den enskilde är folkbokförd
    i kommunen (`individual.registered_in_municipality: true`) när katalogen kräver det
    (`registered_resident: true`). En anmärkning per villkor, vid `/individual/age`
    respektive `/individual/registered_in_municipality`.
  why: >-
    Kalix riktlinjer (avsnitt 20.2.1) sätter villkor för insatserna: BRA-samtal "barn och unga
    mellan 7–18 år, folkbokförd i Kalix kommun"; Boostersamtal "18 år och äldre, folkbokförda
    i Kalix kommun"; tolvstegsmodellen "21 år och äldre, folkbokförda i Kalix kommun";
    rådgivande samtal "till vuxna personer över 18 år"; ungdomsmottagningen "unga upp till
    23 år"; målgruppen för riktlinjerna är "alla kommunens medborgare som är folkbokförda i
    Kalix kommun" (avsnitt 7). Bedömningar: gränserna ingår (7–18 betyder från 7-årsdagen till
    och med 18 år; "över 18 år" för rådgivande samtal läses som från 18-årsdagen, som för
    Boostersamtal); folkbokföring krävs där villkoret uttryckligen står i katalogposten, inte
    för öppna mötesplatser som Familjecentralen; saknas både personnummer och ålder kan
    åldern inte prövas (identiteten prövas av andra regler). Vårdnadshavarnas samtycke och
    information prövas av SAM-004 och SAM-005-VH.
  example: |-
    individual:
      age: 10
      registered_in_municipality: true
    intervention:
      type: bra_samtal
      needs_assessed: false
      start_date: 2026-03-02
''')

VH_WHEN = (SERVICE + "\n&& " + REF + " >= date('2025-07-01')\n&& " + attr('guardians_informed_under')
           + "\n&& " + KNOWN + " && " + AGE + " < " + E + ".guardians_informed_under")
VH_ASSERT = """has(c.consents) && c.consents.exists(k,
    (has(k.guardians_informed) && k.guardians_informed == true)
    || (has(k.given_by_role) && k.given_by_role == 'guardian'
        && (!has(k.kind) || k.kind in ['consent', 'permission'])))"""
open(os.path.join(PROFILE, 'SAM-005-VH', 'rule.yaml'), 'w').write(f'''# yaml-language-server: $schema=../../../../schemas/rules.schema.json
# GENERERAD av ../SAM-005/generate.py; ändra där och kör `python3 generate.py`.
id: SAM-005-VH
title:
  sv: Kalix villkor för insatser utan behovsprövning — vårdnadshavare informeras för barn under 15 år
  en: Kalix conditions for interventions without needs assessment — guardians informed for children under 15
severity: error
requirements: [SAM-5]
law:
  - ref: "Kalix kommun, Riktlinjer för öppenvårdsinsatser 2025 (seed 001) avsnitt 20.2.1"
    from: 2025-07-01
# Ungdomsmottagning (kurator) och orossamtal till ett barn under katalogens
# guardians_informed_under (15 år) vid start.
when: |-
{block(VH_WHEN, 2)}
# Vårdnadshavare informerade (guardians_informed), eller ett samtycke eller medgivande
# från en vårdnadshavare (som förutsätter att de vet om insatsen).
assert: |-
{block(VH_ASSERT, 2)}
pointer: /consents
values:
  type_sv: {E}.label.sv
  type_en: {E}.label.en
  age_limit: {E}.guardians_informed_under
message:
  sv: >-
    {{type_sv}} till ett barn under {{age_limit}} år förutsätter i Kalix att vårdnadshavaren
    informerats, men det framgår inte av akten.
  en: >-
    In Kalix, {{type_en}} for a child under {{age_limit}} requires that the guardian has been
    informed, but the record does not show it.
doc:
  checks: >-
    För ungdomsmottagning (kurator) och orossamtal (katalogens `guardians_informed_under: 15`)
    som började 2025-07-01 eller senare, till ett barn som var under 15 år vid start (ur
    `individual.personnummer`, annars `individual.age`): att vårdnadshavare informerats
    (`consents[].guardians_informed: true`) eller har samtyckt eller lämnat medgivande
    (`consents[]` med `given_by_role: guardian`).
  why: >-
    Kalix riktlinjer (avsnitt 20.2.1): ungdomsmottagningens kurator "kan erbjuda rådgivande
    samtal för unga som har fyllt 15 år. För barn under 15 år krävs att information lämnas
    till vårdnadshavare om att barnet får rådgivande samtal"; orossamtal "kan erbjudas enskilt
    till ungdomar som har fyllt 15 år. För barn och unga under 15 år krävs att information
    har lämnats till vårdnadshavare." Bedömning: lagens krav på vårdnadshavarens samtycke för
    barn under 15 år (21 kap. 2 § SoL) gäller också och prövas av SAM-004; riktlinjernas krav
    på information är ett eget villkor och prövas här. BRA-samtalens villkor om vårdnadshavares
    medgivande under 15 år är detsamma som lagens och prövas av SAM-004.
  example: |-
    consents:
      - given_by_role: child
        kind: request
        date: 2026-04-14
        guardians_informed: true
        guardians_informed_date: 2026-04-14
''')
